package dev.mci.cli.messages;

import static dev.mci.cli.messages.CliAgainstSimulator.Credentials.API_1;
import static dev.mci.cli.messages.CliAgainstSimulator.Credentials.API_2;
import static dev.mci.cli.messages.CliAgainstSimulator.Credentials.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Json;
import dev.mci.cli.testing.InProcessCli;
import dev.mci.simulator.tenant.MessageUrl;
import dev.mci.simulator.tenant.PhishingScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The messages commands end to end: the CLI in-process, the simulator on loopback. */
class MessagesCommandsTest {
  private static CliAgainstSimulator cli;
  private static PhishingScenario phish;

  @TempDir Path folder;

  @BeforeAll
  static void start() {
    cli = new CliAgainstSimulator();
    phish = cli.server.tenant().scenario();
  }

  @AfterAll
  static void stop() {
    cli.close();
  }

  private InProcessCli.Run run(CliAgainstSimulator.Credentials credentials, String... args) {
    return cli.run(folder, credentials, args);
  }

  private static void assertOneLineError(InProcessCli.Run run, int exitCode) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
    assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
    assertThat(run.err()).startsWith("mci: ").doesNotContain("\tat ");
  }

  @Test
  void searchOlderThanThirtyDaysSaysSoAndNamesArchiveSearch() {
    InProcessCli.Run run =
        run(API_2, "messages", "search", "--from", phish.senderDomain(), "--since", "45d");
    assertOneLineError(run, ExitCode.USAGE);
    assertThat(run.err()).contains("30 days").contains("mci messages archive-search");
  }

  @Test
  void archiveSearchFindsThePhishOlderWindowsIncluded() throws Exception {
    InProcessCli.Run run =
        run(
            API_2,
            "messages",
            "archive-search",
            "--from",
            phish.senderDomain(),
            "--since",
            "80d",
            "--format",
            "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode rows = Json.MAPPER.readTree(run.out());
    // The lookalike domain sent the planted phish and, weeks before, the campaign's earlier wave.
    List<String> campaign = new ArrayList<>();
    phish.earlierWave().forEach(m -> campaign.add(m.archiveId().orElseThrow()));
    campaign.add(phish.archiveId());
    assertThat(rows)
        .extracting(r -> r.get("id").asText())
        .containsExactlyInAnyOrderElementsOf(campaign);
    assertThat(rows)
        .filteredOn(r -> r.get("id").asText().equals(phish.archiveId()))
        .singleElement()
        .satisfies(r -> assertThat(r.get("subject").asText()).isEqualTo(phish.subject()));
  }

  @Test
  void archiveSearchDryRunPrintsTheEscapedXmlWithoutCredentials() {
    InProcessCli.Run run =
        run(
            NONE,
            "messages",
            "archive-search",
            "--subject",
            "<b>&",
            "--from",
            "x.example",
            "--dry-run");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .startsWith("<?xml")
        .contains("subject: &lt;b&gt;&amp;")
        .contains("<sent select=\"from\">x.example</sent>");
  }

  @Test
  void archiveSearchWarnsAboutElementsMimecastIgnoresInRawXml() throws Exception {
    Files.writeString(
        folder.resolve("q.xml"),
        "<xmlquery><metadata page-size=\"5\"><smartfolders/></metadata><muse><text></text>"
            + "<recipient>dana@acme.example</recipient></muse></xmlquery>");
    InProcessCli.Run run =
        run(API_1, "messages", "archive-search", "--query-xml", "q.xml", "--limit", "5");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err())
        .contains("mci: warning: <recipient> inside <muse>")
        .contains("ignores it silently");

    InProcessCli.Run mixed =
        run(API_1, "messages", "archive-search", "--query-xml", "q.xml", "--from", "x.example");
    assertOneLineError(mixed, ExitCode.USAGE);
    InProcessCli.Run missing = run(API_1, "messages", "archive-search", "--query-xml", "nope.xml");
    assertOneLineError(missing, ExitCode.USAGE);
  }

  @Test
  void archiveSearchRefusesASenderThatIsNotAnAddressInOneLine() {
    assertOneLineError(
        run(API_1, "messages", "archive-search", "--from", "two words"), ExitCode.USAGE);
  }

  @Test
  void listShowsTheCfosInboxAsNdjson() {
    InProcessCli.Run run =
        run(
            API_1,
            "messages",
            "list",
            "--mailbox",
            phish.heldRecipient().address(),
            "--since",
            "7d",
            "--format",
            "ndjson",
            "--all");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines()).anySatisfy(line -> assertThat(line).contains(phish.archiveId()));
  }

  @Test
  void infoShowsTheReceiptAndWhyItGotThrough() {
    InProcessCli.Run run = run(API_2, "messages", "info", phish.messageFinderIds().get(0));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains(phish.sendingIp())
        .contains("whitelist")
        .contains("Permitted Senders");
  }

  @Test
  void detailListsHeadersAndAttachmentHashes() {
    InProcessCli.Run run =
        run(API_1, "messages", "detail", phish.archiveId(), "--context", "received");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("Authentication-Results")
        .contains(phish.attachmentSha256())
        .contains(phish.attachmentName());
  }

  @Test
  void anUnknownIdIsNotFoundInOneLineWithMimecastsCode() {
    InProcessCli.Run run = run(API_2, "messages", "detail", phish.messageFinderIds().get(0));
    assertOneLineError(run, ExitCode.NOT_FOUND);
    assertThat(run.err()).contains("xdk_failure");
  }

  @Test
  void partSavesTheDeliveredCopyAsEvidenceAndNeverOverwrites() throws Exception {
    InProcessCli.Run first =
        run(
            API_2,
            "messages",
            "part",
            phish.archiveId(),
            "--type",
            "rfc822",
            "--context",
            "delivered",
            "-o",
            "evidence",
            "--format",
            "json");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    JsonNode saved = Json.MAPPER.readTree(first.out()).get(0);
    Path file = Path.of(saved.get("file").asText());
    assertThat(file.getParent()).isEqualTo(folder.resolve("evidence"));
    byte[] bytes = Files.readAllBytes(file);
    assertThat(saved.get("sha256").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).contains("[EXTERNAL]");
    JsonNode provenance = Json.MAPPER.readTree(Path.of(saved.get("provenance").asText()).toFile());
    assertThat(provenance.at("/source/mailbox").asText())
        .isEqualTo(phish.recipients().get(0).address());
    assertThat(provenance.get("endpoint").asText()).isEqualTo("/api/archive/get-message-part");

    InProcessCli.Run again =
        run(
            API_2,
            "messages",
            "part",
            phish.archiveId(),
            "--context",
            "delivered",
            "-o",
            "evidence",
            "--zip");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    try (Stream<Path> files = Files.list(folder.resolve("evidence"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains(file.getFileName().toString(), file.getFileName() + ".zip");
    }
  }

  @Test
  void showSummarisesSendersChainChecksUrlsAndAttachments() {
    InProcessCli.Run run = run(API_1, "messages", "show", phish.archiveId());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("another domain")
        .contains("relay.mimecast.com")
        .contains(phish.sendingIp())
        .contains("spf")
        .contains(phish.maliciousUrl().original())
        .contains(phish.attachmentSha256());
  }

  @Test
  void diffReportsRewrittenUrlsWithTheirOriginalsAndTheBanner() {
    InProcessCli.Run run = run(API_2, "messages", "diff", phish.archiveId(), "--decode");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    for (MessageUrl url : phish.urls()) {
      assertThat(run.out()).contains(url.original()).contains(url.rewritten());
    }
    assertThat(run.out())
        .contains("[EXTERNAL]")
        .contains("decoded by Mimecast")
        .contains("X-Mimecast-Impersonation-Protect");
  }

  @Test
  void aPartWithoutAnIdIsAUsageError() {
    InProcessCli.Run run = run(API_1, "messages", "part");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("Missing required parameter");
  }
}
