package dev.mci.client.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mci.client.Download;
import dev.mci.client.MimecastIoException;
import dev.mci.client.testing.FakeTime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.exception.ZipException;
import net.lingala.zip4j.model.FileHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceWriterTest {

  private static final byte[] CONTENT =
      "MZ\u0090 pretend this is hostile\n".repeat(5000).getBytes(StandardCharsets.ISO_8859_1);

  @TempDir Path folder;

  private final FakeTime time = FakeTime.at("2025-06-01T12:00:00Z");

  private static Download download(byte[] bytes, String suggested) {
    return download(new ByteArrayInputStream(bytes), OptionalLong.of(bytes.length), suggested);
  }

  private static Download download(InputStream body, OptionalLong length, String suggested) {
    return new Download(
        body,
        "application/octet-stream",
        length,
        "req-123",
        "/api/archive/get-file",
        Optional.ofNullable(suggested));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private EvidenceWriter writer() {
    return EvidenceWriter.into(folder).clock(time);
  }

  private List<String> files() throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theProvenanceHashIsTheHashOfTheBytesOnDisk() throws Exception {
    SavedEvidence saved =
        writer().save(download(CONTENT, "payload.exe"), "x.bin", Map.of("id", "att-1"));

    byte[] onDisk = Files.readAllBytes(saved.file());
    JsonNode provenance = new ObjectMapper().readTree(saved.provenanceFile().toFile());
    assertThat(onDisk).isEqualTo(CONTENT);
    assertThat(provenance.get("sha256").asText())
        .isEqualTo(sha256(onDisk))
        .isEqualTo(saved.sha256());
    assertThat(provenance.get("size").asLong()).isEqualTo(onDisk.length);
    assertThat(provenance.get("endpoint").asText()).isEqualTo("/api/archive/get-file");
    assertThat(provenance.get("requestId").asText()).isEqualTo("req-123");
    assertThat(provenance.get("retrievedAt").asText()).isEqualTo("2025-06-01T12:00:00Z");
    assertThat(provenance.at("/source/id").asText()).isEqualTo("att-1");
    assertThat(saved.provenanceFile().getFileName().toString())
        .isEqualTo("payload.exe.provenance.json");
  }

  @Test
  void anExistingFileIsNeverOverwritten() throws Exception {
    Files.writeString(folder.resolve("report.pdf"), "the analyst's own file");

    SavedEvidence first = writer().save(download(CONTENT, "report.pdf"), "x", Map.of());
    SavedEvidence second = writer().save(download(CONTENT, "report.pdf"), "x", Map.of());

    assertThat(Files.readString(folder.resolve("report.pdf"))).isEqualTo("the analyst's own file");
    assertThat(first.file().getFileName().toString()).isEqualTo("report (1).pdf");
    assertThat(second.file().getFileName().toString()).isEqualTo("report (2).pdf");
    assertThat(files())
        .containsExactly(
            "report (1).pdf",
            "report (1).pdf.provenance.json",
            "report (2).pdf",
            "report (2).pdf.provenance.json",
            "report.pdf");
  }

  @Test
  void aHostileSuggestedNameStaysInTheFolderAndIsRecordedAsGiven() throws Exception {
    String hostile = "../../../\u202Eexe.pdf";
    SavedEvidence saved = writer().save(download(CONTENT, hostile), "x", Map.of());

    assertThat(saved.file().getParent()).isEqualTo(folder.toAbsolutePath().normalize());
    assertThat(saved.name()).isEqualTo("exe.pdf");
    JsonNode provenance = new ObjectMapper().readTree(saved.provenanceFile().toFile());
    assertThat(provenance.get("originalName").asText()).isEqualTo(hostile);
    assertThat(files()).containsExactly("exe.pdf", "exe.pdf.provenance.json");
  }

  @Test
  void withoutASuggestedNameThePreferredNameIsUsed() {
    SavedEvidence saved = writer().save(download(CONTENT, null), "eNoAbc.eml", Map.of());
    assertThat(saved.name()).isEqualTo("eNoAbc.eml");
    assertThat(saved.originalName()).isEmpty();
  }

  @Test
  void aZippedCopyOpensWithThePasswordInfectedOnly() throws Exception {
    SavedEvidence saved =
        writer().zipped(true).save(download(CONTENT, "dropper.js"), "x", Map.of());

    assertThat(saved.file().getFileName().toString()).isEqualTo("dropper.js.zip");
    assertThat(saved.sha256()).isEqualTo(sha256(CONTENT));
    assertThat(saved.zipSha256()).contains(sha256(Files.readAllBytes(saved.file())));
    try (ZipFile zip = new ZipFile(saved.file().toFile(), "infected".toCharArray())) {
      FileHeader entry = zip.getFileHeaders().get(0);
      assertThat(entry.getFileName()).isEqualTo("dropper.js");
      assertThat(entry.isEncrypted()).isTrue();
      try (InputStream in = zip.getInputStream(entry)) {
        assertThat(in.readAllBytes()).isEqualTo(CONTENT);
      }
    }
    try (ZipFile wrong = new ZipFile(saved.file().toFile(), "wrong".toCharArray())) {
      assertThatThrownBy(() -> wrong.getInputStream(wrong.getFileHeaders().get(0)).readAllBytes())
          .isInstanceOf(ZipException.class);
    }
    JsonNode provenance = new ObjectMapper().readTree(saved.provenanceFile().toFile());
    assertThat(provenance.at("/container/password").asText()).isEqualTo("infected");
    assertThat(provenance.at("/container/sha256").asText())
        .isEqualTo(saved.zipSha256().orElseThrow());
  }

  @Test
  void aDownloadShorterThanAnnouncedLeavesNothingBehind() throws IOException {
    Download truncated =
        download(
            new ByteArrayInputStream(CONTENT, 0, 100), OptionalLong.of(CONTENT.length), "a.bin");
    assertThatThrownBy(() -> writer().save(truncated, "x", Map.of()))
        .isInstanceOf(MimecastIoException.class)
        .hasMessageContaining("ended after 100 of the " + CONTENT.length + " bytes");
    assertThat(files()).isEmpty();
  }

  @Test
  void aConnectionThatBreaksMidwayLeavesNothingBehind() throws IOException {
    InputStream breaking =
        new InputStream() {
          private int sent;

          @Override
          public int read() throws IOException {
            if (sent++ > 1000) {
              throw new IOException("connection reset");
            }
            return 'x';
          }
        };
    assertThatThrownBy(
            () -> writer().save(download(breaking, OptionalLong.empty(), "a.bin"), "x", Map.of()))
        .isInstanceOf(MimecastIoException.class)
        .hasMessageContaining("broke off")
        .hasMessageContaining("req-123");
    assertThat(files()).isEmpty();
  }

  @Test
  void evidenceIsReadableByItsOwnerOnlyAndNeverExecutable() throws IOException {
    SavedEvidence saved = writer().save(download(CONTENT, "run.sh"), "x", Map.of());
    if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(saved.file()))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
    assertThat(Files.isExecutable(saved.file())).isFalse();
  }

  @Test
  void aMissingFolderIsCreated() {
    Path nested = folder.resolve("case-42").resolve("evidence");
    SavedEvidence saved =
        EvidenceWriter.into(nested).save(download(CONTENT, "a.bin"), "x", Map.of());
    assertThat(saved.file().getParent()).isEqualTo(nested.toAbsolutePath().normalize());
  }
}
