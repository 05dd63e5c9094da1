package dev.mci.cli.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.ExitCode;
import dev.mci.cli.investigate.Runs;
import dev.mci.cli.support.Json;
import dev.mci.cli.testing.InProcessCli;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseData;
import dev.mci.investigate.cases.CaseFolder;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseStatus;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.cases.EvidenceFolder;
import dev.mci.investigate.cases.EvidenceRef;
import dev.mci.investigate.cases.Finding;
import dev.mci.investigate.cases.Relation;
import dev.mci.investigate.cases.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mci case list|show|export} read case folders only: these runs have no credentials and no
 * server, so any API call would fail them.
 */
class CaseCommandsTest {
  private static final Instant RECEIVED = Instant.parse("2025-02-27T06:48:07Z");
  private static final String FIRST = "20250301-100000-message-id-aaaaaa";
  private static final String SECOND = "20250302-090000-sender-bbbbbb";

  @TempDir Path folder;
  private Path cases;

  @BeforeEach
  void writeTwoCases() {
    cases = folder.resolve("cases");
    write(FIRST, RECEIVED.plus(Duration.ofDays(2)), "=cmd|' /C calc'!A0");
    write(SECOND, RECEIVED.plus(Duration.ofDays(3)), "Invoice");
  }

  private void write(String id, Instant created, String subject) {
    Address sender = new Address("ceo@acme-c0rp.example", "CEO");
    CaseMessage copy =
        new CaseMessage(
            "eNp-" + id,
            Relation.LOCATED,
            "archived",
            null,
            sender,
            sender,
            List.of(new Address("cfo@acme-corp.example", null)),
            RECEIVED,
            subject,
            "203.0.113.7",
            "inbound",
            2,
            false,
            "locate-messages");
    Case model =
        new Case(
            Case.SCHEMA_VERSION,
            id,
            created,
            created.plusSeconds(3),
            Indicator.of("<x1@acme-c0rp.example>", IndicatorType.MESSAGE_ID_HEADER),
            new CaseWindow(created.minus(Duration.ofDays(7)), created),
            CaseStatus.PARTIAL,
            new CaseData(List.of(copy), null, null, null, null, null, Set.of("acme-corp.example")),
            List.of(
                new Finding(
                    1,
                    Severity.HIGH,
                    "lookalike-domain",
                    "The sender domain acme-c0rp.example imitates acme-corp.example",
                    List.of(EvidenceRef.message(copy.id())))),
            List.of(),
            List.of(),
            List.of("Not covered by this build: URL Protect logs"),
            List.of(),
            2);
    Path caseFolder = cases.resolve(id);
    CaseFolder.write(
        caseFolder, model, List.of(), new EvidenceFolder(caseFolder.resolve("evidence")));
  }

  @Test
  void listShowsEveryCaseNewestFirst() throws Exception {
    InProcessCli.Run table = Runs.in(folder).run("case", "list", "--case-dir", cases.toString());
    InProcessCli.Run json =
        Runs.in(folder).run("case", "list", "--case-dir", cases.toString(), "--format", "json");

    assertThat(table.exitCode()).as(table.toString()).isEqualTo(ExitCode.OK);
    assertThat(table.out().indexOf(SECOND)).isLessThan(table.out().indexOf(FIRST)).isPositive();
    JsonNode rows = Json.MAPPER.readTree(json.out());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("id").asText()).isEqualTo(SECOND);
  }

  @Test
  void theCasesFolderCanComeFromTheEnvironment() {
    InProcessCli.Run run = Runs.in(folder).set(CasesRoot.VARIABLE, "cases").run("case", "list");

    assertThat(run.out()).contains(FIRST).contains(SECOND);
  }

  @Test
  void showPrintsFindingsMissingPartsAndWhereTheReportIs() {
    InProcessCli.Run run =
        Runs.in(folder).run("case", "show", "20250301", "--case-dir", cases.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .contains("1. [HIGH] The sender domain acme-c0rp.example imitates acme-corp.example")
        .contains("- Not covered by this build: URL Protect logs")
        .contains("Report: " + cases.resolve(FIRST).resolve("report.html").toAbsolutePath());
  }

  @Test
  void showWithJsonFormatPrintsTheModel() throws Exception {
    InProcessCli.Run run =
        Runs.in(folder)
            .run("case", "show", FIRST, "--case-dir", cases.toString(), "--format", "json");

    JsonNode model = Json.MAPPER.readTree(run.out());
    assertThat(model.get("schemaVersion").asInt()).isEqualTo(Case.SCHEMA_VERSION);
    assertThat(model.get("id").asText()).isEqualTo(FIRST);
  }

  @Test
  void exportWritesAStixBundle() throws Exception {
    InProcessCli.Run run =
        Runs.in(folder)
            .run("case", "export", FIRST, "--format", "stix", "--case-dir", cases.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    JsonNode bundle = Json.MAPPER.readTree(run.out());
    assertThat(bundle.get("type").asText()).isEqualTo("bundle");
    assertThat(bundle.get("objects").findValuesAsText("pattern"))
        .contains("[email-message:message_id = '<x1@acme-c0rp.example>']");
  }

  @Test
  void stixAlsoWorksAsTheGlobalFormatBeforeTheId() throws Exception {
    InProcessCli.Run run =
        Runs.in(folder)
            .set(CasesRoot.VARIABLE, "cases")
            .run("case", "export", "--format", "stix", FIRST);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(Json.MAPPER.readTree(run.out()).get("type").asText()).isEqualTo("bundle");
  }

  @Test
  void stixForACommandThatCannotWriteItIsAOneLineError() {
    InProcessCli.Run run =
        Runs.in(folder).run("case", "list", "--format", "stix", "--case-dir", cases.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains("--format stix is only for 'mci case export'")
        .doesNotContain("\tat ");
  }

  @Test
  void exportToCsvKeepsHostileCellsInert() throws Exception {
    Path file = folder.resolve("messages.csv");

    InProcessCli.Run run =
        Runs.in(folder)
            .run(
                "case",
                "export",
                FIRST,
                "--format",
                "csv",
                "--output",
                file.toString(),
                "--case-dir",
                cases.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.err()).contains("Wrote " + file.toAbsolutePath());
    assertThat(Files.readString(file)).contains(",'=cmd|' /C calc'!A0,");
  }

  @Test
  void exportDefaultsToJsonAndAcceptsTheGlobalFormatBeforeTheId() throws Exception {
    InProcessCli.Run plain =
        Runs.in(folder).run("case", "export", SECOND, "--case-dir", cases.toString());
    InProcessCli.Run csv =
        Runs.in(folder)
            .set(CasesRoot.VARIABLE, "cases")
            .run("case", "export", "--format", "csv", SECOND);

    assertThat(Json.MAPPER.readTree(plain.out()).get("id").asText()).isEqualTo(SECOND);
    assertThat(csv.out()).startsWith("relation,received,status,");
  }

  @Test
  void anUnknownCaseOrFormatIsAOneLineError() {
    InProcessCli.Run unknown =
        Runs.in(folder).run("case", "show", "2024", "--case-dir", cases.toString());
    InProcessCli.Run ambiguous =
        Runs.in(folder).run("case", "show", "2025030", "--case-dir", cases.toString());
    InProcessCli.Run format =
        Runs.in(folder)
            .run("case", "export", FIRST, "--format", "pdf", "--case-dir", cases.toString());

    assertThat(unknown.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(unknown.err()).contains("no case '2024'").doesNotContain("\tat ");
    assertThat(ambiguous.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(ambiguous.err()).contains("matches 2 cases");
    assertThat(format.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(format.err()).contains("use json|csv|stix");
  }
}
