package dev.mci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.support.Json;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.AttachmentFile;
import dev.mci.simulator.tenant.PhishingScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threat and log commands ({@code logs}, {@code hashes}, {@code incidents}, {@code urls
 * managed}, {@code messages held}) run in-process against a simulator over loopback.
 */
class ThreatCommandsTest {

  @TempDir static Path folder;
  private static SimulatorServer server;
  private static PhishingScenario phish;

  @BeforeAll
  static void start() {
    server = SimulatorServer.start(SimulatorConfig.builder().build());
    phish = server.tenant().scenario();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** API 2.0 credentials of the simulator in the environment. */
  private static CliRun.Env api2() {
    SimulatorCredentials c = server.credentials();
    return CliRun.env(folder)
        .set("MIMECAST_BASE_URL", server.baseUrl().toString())
        .set("MIMECAST_CLIENT_ID", c.clientId())
        .set("MIMECAST_CLIENT_SECRET", c.clientSecret());
  }

  /** API 1.0 credentials of the simulator in the environment. */
  private static CliRun.Env api1() {
    SimulatorCredentials c = server.credentials();
    return CliRun.env(folder)
        .set("MIMECAST_BASE_URL", server.baseUrlV1().toString())
        .set("MIMECAST_APP_ID", c.appId())
        .set("MIMECAST_APP_KEY", c.appKey())
        .set("MIMECAST_ACCESS_KEY", c.accessKey())
        .set("MIMECAST_SECRET_KEY", c.secretKey());
  }

  private static String[] aroundThePhish(String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.add("--since");
    args.add(phish.received().minus(Duration.ofHours(1)).toString());
    args.add("--until");
    args.add(phish.received().plus(Duration.ofHours(12)).toString());
    return args.toArray(String[]::new);
  }

  private static List<JsonNode> ndjson(String out) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : out.lines().toList()) {
      rows.add(Json.MAPPER.readTree(line));
    }
    return rows;
  }

  private static void assertOneLineError(CliRun run, int exitCode, String text) {
    assertThat(run.exitCode).as(run.toString()).isEqualTo(exitCode);
    assertThat(run.err).contains(text).doesNotContain("\tat ");
    assertThat(run.err.lines().filter(l -> l.startsWith("mci: "))).hasSize(1);
  }

  @Test
  void logsUrlsStreamsOneJsonObjectPerClick() throws Exception {
    CliRun run = api2().run(aroundThePhish("logs", "urls", "--format", "ndjson"));

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<JsonNode> rows = ndjson(run.out);
    assertThat(rows)
        .filteredOn(r -> r.path("messageId").asText().equals(phish.messageIdHeader()))
        .isNotEmpty()
        .allMatch(r -> r.path("url").asText().equals(phish.maliciousUrl().original()));
    assertThat(run.err).isEmpty();
  }

  @Test
  void logsAttachmentsShowTheRealHashAndImpersonationTheLookalike() throws Exception {
    CliRun attachments =
        api1()
            .run(
                aroundThePhish(
                    "logs", "attachments", "--result", "malicious", "--format", "ndjson"));
    assertThat(attachments.exitCode).as(attachments.toString()).isZero();
    assertThat(ndjson(attachments.out))
        .anyMatch(r -> r.path("fileHash").asText().equals(phish.attachmentSha256()));

    CliRun impersonation =
        api1()
            .run(
                aroundThePhish(
                    "logs",
                    "impersonation",
                    "--tagged-malicious",
                    "--identifier",
                    "internal_user_name",
                    "--format",
                    "csv"));
    assertThat(impersonation.exitCode).as(impersonation.toString()).isZero();
    assertThat(impersonation.out.lines().skip(1))
        .hasSize(phish.recipients().size())
        .allMatch(line -> line.contains(phish.sender().address()));
  }

  @Test
  void logsReleasesNamesWhoReleasedThePhish() {
    CliRun run =
        api2()
            .run(
                "logs",
                "releases",
                "--since",
                "7d",
                "--search-by",
                "to",
                "--query",
                phish.heldRecipient().address(),
                "--status",
                "released",
                "--format",
                "csv");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out.lines())
        .anyMatch(
            l -> l.contains(phish.releasedBy()) && l.contains(phish.heldRecipient().address()));
  }

  @Test
  void logsRejectionsBeyondSevenDaysIsRefusedBeforeAnyCall() {
    long before = server.requests().count("/api/gateway/get-rejections");

    CliRun run = api1().run("logs", "rejections", "--since", "8d");

    assertOneLineError(run, ExitCode.USAGE, "only go back 7 days");
    assertThat(server.requests().count("/api/gateway/get-rejections")).isEqualTo(before);
    assertThat(api1().run("logs", "rejections", "--since", "7d").exitCode).isZero();
  }

  @Test
  void aBadFilterValueIsAUsageError() {
    assertOneLineError(
        api2().run("logs", "urls", "--scan-result", "evil"), ExitCode.USAGE, "scanResult 'evil'");
    assertOneLineError(
        api2().run("logs", "releases", "--search-by", "operator"),
        ExitCode.USAGE,
        "--search-by needs --query");
  }

  @Test
  void hashesSearchAnswersEveryInputFromArgumentsStdinAndFile() throws Exception {
    AttachmentFile image =
        server.tenant().attachments().stream()
            .filter(f -> f.contentType().startsWith("image/"))
            .findFirst()
            .orElseThrow();
    Path file = folder.resolve("hashes.txt");
    Files.writeString(file, "# from the sandbox\n" + image.sha256() + "\n");
    String unseen = "ab".repeat(32);

    CliRun run =
        api2()
            .stdin(unseen + "\n\n")
            .run(
                "hashes",
                "search",
                phish.attachmentSha256().toUpperCase(),
                "-",
                "--file",
                "hashes.txt",
                "--format",
                "ndjson");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(ndjson(run.out))
        .extracting(r -> r.path("verdict").asText())
        .containsExactly("DETECTED", "NOT_DETECTED", "UNSUPPORTED");
  }

  @Test
  void hashesSearchRefusesMd5WithOneLine() {
    assertOneLineError(
        api2().run("hashes", "search", "d41d8cd98f00b204e9800998ecf8427e"),
        ExitCode.USAGE,
        "looks like an MD5 hash");
    assertOneLineError(api2().run("hashes", "search"), ExitCode.USAGE, "no hashes to search");
  }

  @Test
  void incidentsFindThenGetAndAnUnknownIdIsNotFound() throws Exception {
    CliRun find = api1().run("incidents", "find", "--type", "manual", "--format", "json");
    assertThat(find.exitCode).as(find.toString()).isZero();
    JsonNode incidents = Json.MAPPER.readTree(find.out);
    assertThat(incidents).isNotEmpty();
    String id = incidents.get(0).path("id").asText();

    CliRun get = api1().run("incidents", "get", id);
    assertThat(get.exitCode).as(get.toString()).isZero();
    assertThat(get.out).contains(incidents.get(0).path("code").asText()).contains("restoreCode");

    assertOneLineError(
        api1().run("incidents", "get", "eNo1jkNoSuchIncident"),
        ExitCode.NOT_FOUND,
        "eNo1jkNoSuchIncident");
    assertOneLineError(
        api1().run("incidents", "find", "--type", "notification"), ExitCode.USAGE, "notify_only");
  }

  @Test
  void urlsManagedFiltersExactly() throws Exception {
    CliRun run =
        api2()
            .run(
                "urls", "managed", "--filter", phish.senderDomain(), "--exact", "--format", "json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode rows = Json.MAPPER.readTree(run.out);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).path("action").asText()).isEqualTo("block");
    assertOneLineError(api2().run("urls", "managed", "--exact"), ExitCode.USAGE, "--exact needs");
  }

  @Test
  void messagesHeldListsTheHoldQueue() {
    CliRun run = api1().run("messages", "held", "--route", "inbound");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out.lines().findFirst())
        .hasValueSatisfying(h -> assertThat(h).startsWith("received"));
    assertThat(run.out.lines().skip(1)).isNotEmpty().allMatch(l -> l.contains("INBOUND"));
  }
}
