package dev.mci.cli.attachments;

import static dev.mci.cli.messages.CliAgainstSimulator.Credentials.API_1;
import static dev.mci.cli.messages.CliAgainstSimulator.Credentials.API_2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.ExitCode;
import dev.mci.cli.messages.CliAgainstSimulator;
import dev.mci.cli.support.Json;
import dev.mci.cli.testing.InProcessCli;
import dev.mci.simulator.tenant.AttachmentFile;
import dev.mci.simulator.tenant.IdFamily;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.LongStream;
import net.lingala.zip4j.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code mci attachments get} against the simulator: hostile names, hashes, zips. */
class AttachmentsGetCommandTest {
  private static CliAgainstSimulator cli;
  private static Tenant tenant;

  @TempDir Path folder;

  @BeforeAll
  static void start() {
    cli = new CliAgainstSimulator();
    tenant = cli.server.tenant();
  }

  @AfterAll
  static void stop() {
    cli.close();
  }

  /** The id of an archived attachment whose name hides its extension behind a bidi override. */
  private static String hostileAttachmentId() {
    for (long i = 0; i < tenant.messageCount(); i++) {
      Message message = tenant.message(i);
      if (message.archiveId().isEmpty()) {
        continue;
      }
      for (int k = 0; k < message.attachments().size(); k++) {
        if (message.attachments().get(k).fileName().contains("\u202E")) {
          return tenant.ids().encode(IdFamily.ATTACHMENT, i, k);
        }
      }
    }
    throw new AssertionError("no hostile attachment in the tenant");
  }

  private static AttachmentFile hostileFile() {
    return LongStream.range(0, tenant.messageCount())
        .mapToObj(tenant::message)
        .filter(m -> m.archiveId().isPresent())
        .flatMap(m -> m.attachments().stream())
        .filter(a -> a.fileName().contains("\u202E"))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(
      value = CliAgainstSimulator.Credentials.class,
      names = {"API_1", "API_2"})
  void aHostileNameIsSavedSafelyWithItsRealHashAndTheNameAsGivenInTheProvenance(
      CliAgainstSimulator.Credentials credentials) throws Exception {
    InProcessCli.Run run =
        cli.run(
            folder,
            credentials,
            "attachments",
            "get",
            hostileAttachmentId(),
            "-o",
            "ev",
            "--format",
            "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode saved = Json.MAPPER.readTree(run.out()).get(0);
    AttachmentFile file = hostileFile();
    Path onDisk = Path.of(saved.get("file").asText());
    assertThat(onDisk.getParent()).isEqualTo(folder.resolve("ev"));
    assertThat(onDisk.getFileName().toString())
        .doesNotContain("\u202E")
        .endsWith(file.fileName().substring(file.fileName().lastIndexOf('.')));
    assertThat(
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(onDisk))))
        .isEqualTo(file.sha256())
        .isEqualTo(saved.get("sha256").asText());
    JsonNode provenance = Json.MAPPER.readTree(Path.of(saved.get("provenance").asText()).toFile());
    assertThat(provenance.get("originalName").asText()).isEqualTo(file.fileName());
  }

  @Test
  void zipWritesTheAttachmentIntoAZipWithThePasswordInfected() throws Exception {
    InProcessCli.Run run =
        cli.run(
            folder,
            API_1,
            "attachments",
            "get",
            hostileAttachmentId(),
            "--zip",
            "--format",
            "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode saved = Json.MAPPER.readTree(run.out()).get(0);
    Path zip = Path.of(saved.get("file").asText());
    assertThat(zip.getFileName().toString()).endsWith(".zip");
    try (ZipFile opened = new ZipFile(zip.toFile(), "infected".toCharArray())) {
      byte[] content = opened.getInputStream(opened.getFileHeaders().get(0)).readAllBytes();
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
          .isEqualTo(hostileFile().sha256());
    }
  }

  @Test
  void anUnknownAttachmentIdIsNotFoundInOneLine() {
    String unknown = tenant.ids().encode(IdFamily.ATTACHMENT, 0, 77);
    InProcessCli.Run run = cli.run(folder, API_2, "attachments", "get", unknown);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("0007 Invalid token");
    assertThat(folder.resolve("attachment.bin")).doesNotExist();
  }
}
