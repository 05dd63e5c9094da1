package dev.mci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.support.Json;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.MessageUrl;
import dev.mci.simulator.tenant.PhishingScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end: the CLI in-process, the simulator on loopback, real HTTP between. */
class CommandsEndToEndTest {
  private static SimulatorServer server;
  private static PhishingScenario phish;

  @TempDir Path folder;

  @BeforeAll
  static void start() {
    server = SimulatorServer.start(SimulatorConfig.builder().port(0).portV1(0).build());
    phish = server.tenant().scenario();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private CliRun.Env api2() {
    SimulatorCredentials sim = server.credentials();
    return CliRun.env(folder)
        .set("MIMECAST_BASE_URL", server.baseUrl().toString())
        .set("MIMECAST_CLIENT_ID", sim.clientId())
        .set("MIMECAST_CLIENT_SECRET", sim.clientSecret());
  }

  private CliRun.Env api1() {
    SimulatorCredentials sim = server.credentials();
    return CliRun.env(folder)
        .set("MIMECAST_BASE_URL", server.baseUrlV1().toString())
        .set("MIMECAST_APP_ID", sim.appId())
        .set("MIMECAST_APP_KEY", sim.appKey())
        .set("MIMECAST_ACCESS_KEY", sim.accessKey())
        .set("MIMECAST_SECRET_KEY", sim.secretKey());
  }

  @Test
  void messagesSearchOverApi2PrintsEveryRecipientAsJson() throws Exception {
    CliRun run =
        api2()
            .run(
                "messages",
                "search",
                "--from",
                phish.senderDomain(),
                "--since",
                "7d",
                "--format",
                "json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode rows = Json.MAPPER.readTree(run.out);
    assertThat(rows.size()).isEqualTo(phish.recipients().size());
    assertThat(rows.get(0).get("subject").asText()).isEqualTo(phish.subject());
    assertThat(rows.get(0).get("senderIp").asText()).isEqualTo(phish.sendingIp());
  }

  @Test
  void messagesSearchOverApi1StreamsNdjsonAndTheTableShowsTheSubject() {
    CliRun ndjson =
        api1()
            .run(
                "messages",
                "search",
                "--message-id",
                phish.messageIdHeader(),
                "--since",
                "7d",
                "--format",
                "ndjson");
    assertThat(ndjson.exitCode).as(ndjson.toString()).isZero();
    assertThat(ndjson.out.lines()).hasSize(phish.recipients().size());

    CliRun table =
        api1()
            .run("messages", "search", "--sender-ip", phish.sendingIp(), "--since", "7d", "--all");
    assertThat(table.exitCode).as(table.toString()).isZero();
    assertThat(table.out.lines().findFirst().orElseThrow())
        .startsWith("received")
        .contains("subject");
    assertThat(table.out).contains(phish.subject());
  }

  @Test
  void messagesSearchBeyondThirtyDaysPointsToArchiveSearch() {
    CliRun run = api2().run("messages", "search", "--from", phish.senderDomain(), "--since", "45d");
    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.err).contains("30 days").contains("archive");
  }

  @Test
  void urlsDecodeKeepsInputOrderAndReportsPartialFailure() throws Exception {
    List<MessageUrl> urls = phish.urls();
    String stdin = urls.get(0).rewritten() + "\nhttps://example.org/plain\n";
    CliRun run = api2().stdin(stdin).run("urls", "decode", "-", "--format", "json");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.PARTIAL);
    JsonNode rows = Json.MAPPER.readTree(run.out);
    assertThat(rows.get(0).get("url").asText()).isEqualTo(urls.get(0).original());
    assertThat(rows.get(1).get("success").asBoolean()).isFalse();
    assertThat(rows.get(1).get("input").asText()).isEqualTo("https://example.org/plain");
  }

  @Test
  void authCheckNamesTheAccountForBothGenerations() {
    CliRun v2 = api2().run("auth", "check");
    CliRun v1 = api1().run("auth", "check");

    assertThat(v2.exitCode).as(v2.toString()).isZero();
    assertThat(v2.out).contains("V2_OAUTH").contains(server.tenant().account().accountCode());
    assertThat(v1.exitCode).as(v1.toString()).isZero();
    assertThat(v1.out).contains("V1_HMAC");
  }

  @Test
  void authCheckWithAWrongSecretExitsWithTheAuthCode() {
    CliRun run = api2().set("MIMECAST_CLIENT_SECRET", "wrong-secret-value").run("auth", "check");
    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.AUTH);
    assertThat(run.err)
        .startsWith("mci: ")
        .doesNotContain("wrong-secret-value")
        .doesNotContain("\tat ");
  }

  @Test
  void aProfileWithAnOwnerOnlySecretFileWorks() throws Exception {
    Path profiles = Files.createDirectories(folder.resolve("config/profiles"));
    Path secret = folder.resolve("sim.secret");
    Files.writeString(secret, server.credentials().clientSecret() + "\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(
        profiles.resolve("sim.properties"),
        "baseUrl="
            + server.baseUrl()
            + "\nclientId="
            + server.credentials().clientId()
            + "\nclientSecretFile="
            + secret
            + "\n");

    CliRun run = CliRun.env(folder).run("--profile", "sim", "auth", "check");
    assertThat(run.exitCode).as(run.toString()).isZero();

    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
    CliRun exposed = CliRun.env(folder).run("--profile", "sim", "auth", "check");
    assertThat(exposed.exitCode).isEqualTo(ExitCode.CONFIG);
    assertThat(exposed.err).contains("chmod 600");
  }

  @Test
  void simPrintsOneJsonLineWithEverythingAScriptNeeds() throws Exception {
    CliRun run = CliRun.env(folder).run("sim", "--format", "json", "--stop-after", "0");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out.lines()).hasSize(1);
    JsonNode line = Json.MAPPER.readTree(run.out);
    assertThat(line.fieldNames())
        .toIterable()
        .containsExactly(
            "baseUrl",
            "baseUrlV1",
            "clientId",
            "clientSecret",
            "appId",
            "appKey",
            "accessKey",
            "secretKey");
    assertThat(line.get("baseUrl").asText()).startsWith("http://127.0.0.1:");
  }

  @Test
  void demoTriagesThePlantedPhishAndSaysWhereTheResultsAre() throws Exception {
    Path out = folder.resolve("demo");
    CliRun run = CliRun.env(folder).run("demo", "--out", out.toString());

    assertThat(run.exitCode).as(run.toString()).isZero();
    Path caseFolder;
    try (var folders = Files.list(out)) {
      caseFolder =
          folders.filter(f -> Files.exists(f.resolve("case.json"))).findFirst().orElseThrow();
    }
    assertThat(run.out)
        .contains("reached " + phish.recipients().size() + " recipients")
        .contains("The sender domain " + phish.senderDomain() + " imitates the internal domain")
        .contains("was seen in " + phish.earlierWave().size() + " other messages")
        .contains("The local event store holds")
        .contains("Report: " + caseFolder.resolve("report.html").toAbsolutePath());
    assertThat(out.resolve("events").resolve("events.db")).exists();
    JsonNode model = Json.MAPPER.readTree(caseFolder.resolve("case.json").toFile());
    long located = 0;
    for (JsonNode message : model.get("data").get("messages")) {
      if (message.get("relation").asText().equalsIgnoreCase("located")) {
        located++;
      }
    }
    assertThat(located).isEqualTo(phish.recipients().size());
    assertThat(Files.readString(caseFolder.resolve("report.md"))).contains(phish.senderDomain());
  }
}
