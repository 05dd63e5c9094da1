package dev.mci.cli.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.groups.SimulatedCli;
import dev.mci.cli.support.Json;
import dev.mci.cli.testing.InProcessCli;
import dev.mci.simulator.tenant.User;
import dev.mci.simulator.tenant.UserBehaviour;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwarenessCommandsTest {

  @TempDir static Path folder;
  private static SimulatedCli cli;

  @BeforeAll
  static void start() {
    cli = new SimulatedCli(folder);
  }

  @AfterAll
  static void stop() {
    cli.close();
  }

  private static List<String> emails(JsonNode rows, String field) {
    List<String> emails = new ArrayList<>();
    rows.forEach(r -> emails.add(r.get(field).asText()));
    return emails;
  }

  @Test
  void phishingClickedListsTheLatestCampaignsClickers() throws Exception {
    InProcessCli.Run run = cli.api2("awareness", "phishing", "--clicked", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(emails(Json.MAPPER.readTree(run.out()), "email"))
        .containsExactlyInAnyOrderElementsOf(
            cli.server.tenant().behaviours().stream()
                .filter(UserBehaviour::clickedLatestSimulation)
                .map(b -> b.user().address())
                .toList());
  }

  @Test
  void campaignsListIdsThatPhishingAccepts() throws Exception {
    InProcessCli.Run campaigns = cli.api1("awareness", "campaigns", "--format", "json");
    assertThat(campaigns.exitCode()).as(campaigns.toString()).isZero();
    JsonNode first = Json.MAPPER.readTree(campaigns.out()).get(0);

    InProcessCli.Run run =
        cli.api1(
            "awareness", "phishing", "--campaign", first.get("id").asText(), "--format", "csv");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines().skip(1)).hasSize(first.get("sent").asInt());
  }

  @Test
  void phishingWithAnUnknownCampaignIsNotFound() {
    InProcessCli.Run run = cli.api2("awareness", "phishing", "--campaign", "eNqNoSuchCampaign");

    assertThat(run.exitCode()).isEqualTo(7);
    assertThat(run.err()).contains("no phishing campaign has the id");
  }

  @Test
  void safeScoresTakeADisplayNameAndARiskRange() throws Exception {
    User cfo = cli.server.tenant().users().get(1);

    InProcessCli.Run one =
        cli.api2("awareness", "safe-scores", "--user", cfo.displayName(), "--format", "json");
    InProcessCli.Run risky =
        cli.api2("awareness", "safe-scores", "--risk", "D-F", "--format", "json");

    assertThat(one.exitCode()).as(one.toString()).isZero();
    assertThat(emails(Json.MAPPER.readTree(one.out()), "emailAddress"))
        .containsExactly(cfo.address());
    assertThat(risky.exitCode()).as(risky.toString()).isZero();
    JsonNode rows = Json.MAPPER.readTree(risky.out());
    rows.forEach(r -> assertThat(r.get("risk").asText()).isIn("D", "F"));
    assertThat(emails(rows, "emailAddress"))
        .containsAll(cli.server.tenant().riskyUsers().stream().map(User::address).toList());
  }

  @Test
  void aRiskGradeThatDoesNotExistIsAUsageError() {
    InProcessCli.Run run = cli.api2("awareness", "safe-scores", "--risk", "E");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--risk 'E' is not a SAFE grade");
  }

  @Test
  void trainingShowsModulesForAUserGivenByAddress() {
    User risky = cli.server.tenant().riskyUsers().get(0);

    InProcessCli.Run run = cli.api1("awareness", "training", "--user", risky.address());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("User: " + risky.displayName() + " <" + risky.address() + ">");
    assertThat(run.out()).contains("module").contains("watchedDate").contains("onWatchlist");
  }

  @Test
  void anUnknownUserIsSaidPlainlyWithSuggestions() {
    User cfo = cli.server.tenant().users().get(1);

    InProcessCli.Run unknown =
        cli.api2("awareness", "training", "--user", "nobody@acme-corp.example");
    InProcessCli.Run partial = cli.api2("awareness", "training", "--user", cfo.firstName());

    assertThat(unknown.exitCode()).isEqualTo(7);
    assertThat(unknown.err())
        .isEqualTo(
            "mci: unknown user 'nobody@acme-corp.example': no Awareness Training user has that"
                + " address"
                + System.lineSeparator());
    assertThat(partial.exitCode()).isEqualTo(7);
    assertThat(partial.err()).contains("did you mean").contains(cfo.address());
  }

  @Test
  void performanceByDepartmentAndWatchlist() throws Exception {
    InProcessCli.Run performance =
        cli.api2("awareness", "performance", "--department", "Finance", "--format", "json");
    InProcessCli.Run watchlist = cli.api1("awareness", "watchlist", "--format", "json");
    InProcessCli.Run blank = cli.api1("awareness", "watchlist", "--department", " ");

    assertThat(performance.exitCode()).as(performance.toString()).isZero();
    assertThat(emails(Json.MAPPER.readTree(performance.out()), "email"))
        .containsExactlyElementsOf(
            cli.server.tenant().users().stream()
                .filter(u -> u.department().equals("Finance"))
                .map(User::address)
                .toList());
    assertThat(watchlist.exitCode()).as(watchlist.toString()).isZero();
    assertThat(emails(Json.MAPPER.readTree(watchlist.out()), "email"))
        .containsAll(cli.server.tenant().riskyUsers().stream().map(User::address).toList());
    assertThat(blank.exitCode()).isEqualTo(2);
  }
}
