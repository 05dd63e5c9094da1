package dev.mci.cli.policies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.groups.SimulatedCli;
import dev.mci.cli.support.Json;
import dev.mci.cli.testing.InProcessCli;
import dev.mci.simulator.tenant.PhishingScenario;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoliciesCommandsTest {

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

  @Test
  void blockedSendersListsEveryPolicyAndOneById() throws Exception {
    InProcessCli.Run all = cli.api2("policies", "blocked-senders", "--format", "json");
    assertThat(all.exitCode()).as(all.toString()).isZero();
    JsonNode policies = Json.MAPPER.readTree(all.out());
    JsonNode wall = null;
    for (JsonNode policy : policies) {
      if (policy.get("bidirectional").asBoolean()) {
        wall = policy;
      }
    }
    assertThat(wall).isNotNull();

    InProcessCli.Run one = cli.api1("policies", "blocked-senders", "--id", wall.get("id").asText());

    assertThat(one.exitCode()).as(one.toString()).isZero();
    assertThat(one.out())
        .contains(wall.get("description").asText())
        .contains("bidirectional  true");
  }

  @Test
  void anUnknownPolicyIdIsNotFound() {
    InProcessCli.Run run = cli.api2("policies", "blocked-senders", "--id", "eNoNoSuchPolicy");

    assertThat(run.exitCode()).isEqualTo(7);
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void explainShowsThePermittedSendersEntryThatLetThePhishThrough() {
    PhishingScenario phish = cli.server.tenant().scenario();

    InProcessCli.Run run =
        cli.api2(
            "policies",
            "explain",
            "--sender",
            phish.sender().address(),
            "--recipient",
            phish.heldRecipient().address(),
            "--sender-ip",
            phish.sendingIp(),
            "--at",
            phish.received().toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .startsWith("Verdict: EXEMPT")
        .contains("Not blocked: exception 'Permitted Senders exception'")
        .contains("Block lookalike domain " + phish.senderDomain())
        .contains("Sender groups:\n  - Permitted Senders: entry " + phish.sender().address());
  }

  @Test
  void explainAsJsonCarriesTheVerdictAndEveryPolicy() throws Exception {
    String sales =
        cli.server.tenant().users().stream()
            .filter(u -> u.department().equals("Sales"))
            .findFirst()
            .orElseThrow()
            .address();

    InProcessCli.Run run =
        cli.api1(
            "policies",
            "explain",
            "--sender",
            "analyst@rival-labs.example",
            "--recipient",
            sales,
            "--format",
            "ndjson");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode explanation = Json.MAPPER.readTree(run.out());
    assertThat(explanation.get("verdict").asText()).isEqualTo("NOT_BLOCKED");
    assertThat(explanation.get("policies")).hasSizeGreaterThan(5);
  }

  @Test
  void explainRejectsAMalformedAddressAndAMissingRecipient() {
    InProcessCli.Run malformed =
        cli.api2("policies", "explain", "--sender", "not-an-address", "--recipient", "a@b.example");
    InProcessCli.Run missing = cli.api2("policies", "explain", "--sender", "a@b.example");
    InProcessCli.Run badIp =
        cli.api2(
            "policies",
            "explain",
            "--sender",
            "a@b.example",
            "--recipient",
            "c@d.example",
            "--sender-ip",
            "mail.example");

    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err()).contains("--sender 'not-an-address' is not an e-mail address");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--recipient");
    assertThat(badIp.exitCode()).isEqualTo(2);
    assertThat(badIp.err()).contains("not an IPv4 or IPv6 address").doesNotContain("at dev.");
  }
}
