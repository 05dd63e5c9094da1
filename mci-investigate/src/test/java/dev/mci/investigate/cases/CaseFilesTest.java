package dev.mci.investigate.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.investigate.CaseException;
import dev.mci.investigate.engine.AuditEntry;
import dev.mci.investigate.testing.CaseFixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFilesTest {

  @TempDir Path root;

  private static Case aCase(String id, java.time.Instant created) {
    CaseMessage copy =
        CaseFixtures.copy(
            "id-1",
            Relation.LOCATED,
            new Address("x@evil.example", "X"),
            "cfo@acme-corp.example",
            "Hi",
            CaseFixtures.RECEIVED);
    CaseData data =
        new CaseData(List.of(copy), null, null, null, null, null, Set.of("acme-corp.example"));
    Case base =
        CaseFixtures.caseOf(
            id, CaseFixtures.sender("x@evil.example"), data, List.of(), List.of(), List.of());
    return new Case(
        base.schemaVersion(),
        base.id(),
        created,
        created.plusSeconds(2),
        base.indicator(),
        base.window(),
        base.status(),
        base.data(),
        base.findings(),
        base.timeline(),
        base.steps(),
        List.of("Not covered: x"),
        base.evidence(),
        base.apiCalls());
  }

  private Path write(Case model) {
    Path folder = root.resolve(model.id());
    EvidenceFolder evidence = new EvidenceFolder(folder.resolve("evidence"));
    evidence.save("rows.json", "[]".getBytes(StandardCharsets.UTF_8), "rows");
    CaseFolder.write(
        folder,
        model,
        List.of(
            new AuditEntry(
                CaseFixtures.RECEIVED,
                "locate-messages",
                "/api/message-finder/search",
                "req-1",
                200,
                12,
                1,
                "ok")),
        evidence);
    return folder;
  }

  @Test
  void aWrittenCaseReadsBackEqual() {
    Case model = aCase("20250301-100000-sender-aaaaaa", CaseFixtures.RECEIVED);
    Path folder = write(model);

    assertThat(CaseFolder.read(folder)).isEqualTo(model);
    assertThat(folder.resolve("report.md")).isRegularFile();
    assertThat(folder.resolve("report.html")).isRegularFile();
    assertThat(folder.resolve("audit.ndjson"))
        .content()
        .contains("\"requestId\":\"req-1\"")
        .doesNotContain("secret");
  }

  @Test
  void theManifestListsEveryEvidenceFileWithItsHash() throws Exception {
    Path folder = write(aCase("20250301-100000-sender-bbbbbb", CaseFixtures.RECEIVED));

    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest("[]".getBytes(StandardCharsets.UTF_8)));
    assertThat(folder.resolve("evidence/SHA256SUMS"))
        .content()
        .isEqualTo(expected + "  rows.json\n");
  }

  @Test
  void hostileFileNamesAreSanitisedAndKeptApart() {
    EvidenceFolder evidence = new EvidenceFolder(root.resolve("evidence"));

    EvidenceFile first =
        evidence.save("../../etc/passwd", new ByteArrayInputStream(new byte[] {1}), "a");
    EvidenceFile second =
        evidence.save("..\\..\\etc\\passwd", new ByteArrayInputStream(new byte[] {2}), "b");
    EvidenceFile script =
        evidence.save(
            "<script>alert(1)</script>.pdf.html", new ByteArrayInputStream(new byte[] {3}), "c");
    EvidenceFile manifest =
        evidence.save("SHA256SUMS", new ByteArrayInputStream(new byte[] {4}), "d");

    assertThat(first.path()).isEqualTo("evidence/passwd");
    assertThat(second.path()).isEqualTo("evidence/passwd-2");
    assertThat(script.path()).isEqualTo("evidence/script_.pdf.html");
    assertThat(manifest.path()).isEqualTo("evidence/SHA256SUMS-2");
    assertThat(root.resolve("evidence")).isDirectoryContaining("glob:**/passwd");
    assertThat(EvidenceFolder.sanitise("...")).isEqualTo("file");
  }

  @Test
  void theIndexListsCasesNewestFirstAndFindsThemByIdPrefix() {
    write(aCase("20250301-100000-sender-aaaaaa", CaseFixtures.RECEIVED));
    write(aCase("20250302-100000-sender-bbbbbb", CaseFixtures.RECEIVED.plus(Duration.ofDays(1))));
    FileCaseIndex index = new FileCaseIndex(root);

    assertThat(index.list())
        .extracting(c -> c.summary().id())
        .containsExactly("20250302-100000-sender-bbbbbb", "20250301-100000-sender-aaaaaa");
    assertThat(index.find("20250301"))
        .map(c -> c.summary().id())
        .contains("20250301-100000-sender-aaaaaa");
    assertThat(index.find("20250301").orElseThrow().open().data().messages()).hasSize(1);
    assertThat(index.find("nothing")).isEmpty();
    assertThatThrownBy(() -> index.find("2025030"))
        .isInstanceOf(CaseException.class)
        .hasMessageContaining("matches 2 cases");
  }

  @Test
  void foldersWithoutAReadableCaseAreSkipped() throws Exception {
    write(aCase("20250301-100000-sender-aaaaaa", CaseFixtures.RECEIVED));
    Files.createDirectories(root.resolve("not-a-case"));
    Files.createDirectories(root.resolve("broken"));
    Files.writeString(root.resolve("broken/case.json"), "{ not json");

    assertThat(new FileCaseIndex(root).list()).hasSize(1);
    assertThat(new FileCaseIndex(root.resolve("missing")).list()).isEmpty();
  }

  @Test
  void aCaseFromANewerSchemaIsRefusedWithAnUpgradeHint() throws Exception {
    Path folder = write(aCase("20250301-100000-sender-aaaaaa", CaseFixtures.RECEIVED));
    String json = Files.readString(folder.resolve("case.json"));
    Files.writeString(
        folder.resolve("case.json"),
        json.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99"));

    assertThatThrownBy(() -> CaseFolder.read(folder))
        .isInstanceOf(CaseException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("upgrade mci");
  }
}
