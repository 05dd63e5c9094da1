package dev.mci.cli.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Json;
import dev.mci.cli.testing.InProcessCli;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.simulator.tenant.Route;
import dev.mci.simulator.tenant.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mci investigate} end to end: the CLI in-process, the simulator on loopback. */
class InvestigateCommandTest {
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

  @AfterEach
  void clearFaults() {
    server.faults().clear();
  }

  private Runs api2() {
    SimulatorCredentials sim = server.credentials();
    return Runs.in(folder)
        .set("MIMECAST_BASE_URL", server.baseUrl().toString())
        .set("MIMECAST_CLIENT_ID", sim.clientId())
        .set("MIMECAST_CLIENT_SECRET", sim.clientSecret());
  }

  private Path onlyCase(Path root) throws Exception {
    try (Stream<Path> cases = Files.list(root)) {
      return cases.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  @Test
  void investigatingThePlantedPhishWritesTheCaseAndExitsZero() throws Exception {
    Path cases = folder.resolve("cases");

    InProcessCli.Run run =
        api2().run("investigate", phish.messageIdHeader(), "--case-dir", cases.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    Path caseFolder = onlyCase(cases);
    assertThat(run.out())
        .contains("(complete, ")
        .contains("reached " + phish.recipients().size() + " recipients")
        .contains("Report: " + caseFolder.resolve("report.html").toAbsolutePath());
    assertThat(caseFolder.resolve("case.json")).exists();
    assertThat(caseFolder.resolve("evidence/SHA256SUMS")).exists();
  }

  @Test
  void twoFailingStepsExitWithThePartialCodeAndNameTheFailures() throws Exception {
    server.faults().enqueue("/api/message-finder/search", ScriptedFault.delay(Duration.ZERO));
    server.faults().enqueue("/api/message-finder/search", ScriptedFault.status(403));
    server.faults().enqueue("/api/message-finder/search", ScriptedFault.status(403));

    InProcessCli.Run run =
        api2().run("investigate", phish.messageIdHeader(), "--case-dir", "cases");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PARTIAL);
    assertThat(run.out()).contains("(partial, ");
    assertThat(run.out().lines().filter(l -> l.contains("Failed: blast radius"))).hasSize(2);
    assertThat(onlyCase(folder.resolve("cases")).resolve("case.json")).exists();
  }

  @Test
  void anAmbiguousAddressIsAOneLineErrorListingTheChoices() {
    InProcessCli.Run run = api2().run("investigate", internalSender(), "--case-dir", "cases");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--type sender").contains("--type user").doesNotContain("\tat ");
    assertThat(folder.resolve("cases")).doesNotExist();
  }

  @Test
  void aChosenTypeSettlesAnAmbiguousAddress() {
    InProcessCli.Run run =
        api2()
            .run(
                "investigate",
                internalSender(),
                "--type",
                "user",
                "--since",
                "3d",
                "--case-dir",
                "cases");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("a recipient or user address " + internalSender());
  }

  @Test
  void textThatIsNoIndicatorFailsBeforeAnyCall() {
    int before = server.requests().all().size();

    InProcessCli.Run run = api2().run("investigate", "hello world");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("mci: 'hello world' is not an indicator");
    assertThat(server.requests().all().size()).isEqualTo(before);
  }

  @Test
  void anUnknownTypeListsTheTypes() {
    InProcessCli.Run run = api2().run("investigate", phish.messageIdHeader(), "--type", "email");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains("mimecast-id, message-id, sender, domain, ip, sha256, url, rewritten-url, user");
  }

  @Test
  void jsonOutputCarriesTheFindingsAndWhereTheCaseIs() throws Exception {
    InProcessCli.Run run =
        api2()
            .run(
                "investigate",
                phish.maliciousUrl().rewritten(),
                "--case-dir",
                "cases",
                "--format",
                "json");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    JsonNode result = Json.MAPPER.readTree(run.out());
    assertThat(result.get("status").asText()).isEqualTo("COMPLETE");
    assertThat(result.get("indicator").get("type").asText()).isEqualTo("REWRITTEN_URL");
    assertThat(result.get("findings").findValuesAsText("statement"))
        .contains("The rewritten link decodes to " + phish.maliciousUrl().original());
    assertThat(Path.of(result.get("report").asText())).exists();
  }

  @Test
  void withoutACaseDirTheCaseGoesWhereCaseListLooks() throws Exception {
    InProcessCli.Run investigate = api2().run("investigate", phish.maliciousUrl().rewritten());
    InProcessCli.Run list = Runs.in(folder).run("case", "list", "--format", "json");

    assertThat(investigate.exitCode()).as(investigate.toString()).isEqualTo(ExitCode.OK);
    Path caseFolder = onlyCase(folder.resolve("mci-cases"));
    assertThat(Json.MAPPER.readTree(list.out()).get(0).get("id").asText())
        .isEqualTo(caseFolder.getFileName().toString());
  }

  /** An internal user who sent mail in the last few days: both a sender and a user. */
  private static String internalSender() {
    Tenant tenant = server.tenant();
    return tenant
        .messages(tenant.indexRange(tenant.now().minus(Duration.ofDays(2)), tenant.now()))
        .filter(m -> m.route() == Route.OUTBOUND || m.route() == Route.INTERNAL)
        .map(m -> m.headerFrom().address())
        .findFirst()
        .orElseThrow();
  }
}
