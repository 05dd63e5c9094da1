package dev.mci.simulator.policies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.tenant.Group;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PoliciesAreaTest {

  private static SimulatorServer server;
  private static SimClient client;

  @BeforeAll
  static void start() {
    MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    server = SimulatorServer.start(SimulatorConfig.builder().clock(clock).build());
    client = new SimClient(server, clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<JsonNode> all() {
    JsonNode reply = client.v2(PoliciesArea.GET_POLICY, "{\"data\":[]}").json();
    assertThat(reply.at("/meta/pagination").isMissingNode()).isTrue();
    List<JsonNode> policies = new ArrayList<>();
    reply.get("data").forEach(policies::add);
    return policies;
  }

  @Test
  void listsEveryPolicyInOneUnpagedAnswerInTheRecordedShape() {
    List<JsonNode> policies = all();

    assertThat(policies).hasSize(BlockedSenderPolicies.of(server.tenant()).all().size());
    for (JsonNode policy : policies) {
      assertThat(policy.get("id").asText()).startsWith("eNo");
      assertThat(policy.get("option").asText()).isIn("block_sender", "no_action");
      JsonNode body = policy.get("policy");
      assertThat(body.get("fromType").asText()).isEqualTo(body.at("/from/type").asText());
      assertThat(body.get("toType").asText()).isEqualTo(body.at("/to/type").asText());
      assertThat(body.get("conditions").isObject()).isTrue();
      assertThat(body.has("fromDate") && body.has("toDate") && body.has("bidirectional")).isTrue();
    }
  }

  @Test
  void eternalPoliciesCarryTheSentinelDates() {
    JsonNode spamGroupPolicy =
        all().stream()
            .filter(p -> p.at("/policy/from/type").asText().equals("profile_group"))
            .findFirst()
            .orElseThrow()
            .get("policy");

    assertThat(spamGroupPolicy.get("fromEternal").asBoolean()).isTrue();
    assertThat(spamGroupPolicy.get("fromDate").asText()).isEqualTo("1900-01-01T00:00:00+0000");
    assertThat(spamGroupPolicy.get("toDate").asText()).isEqualTo("2100-01-01T23:59:59+0000");
  }

  @Test
  void theLookalikeBlockWasInForceWhenThePhishArrivedAndAPermittedSendersOverrideExists() {
    String lookalike = server.tenant().scenario().senderDomain();
    Instant arrived = server.tenant().scenario().received();
    Group permitted =
        server.tenant().groups().stream()
            .filter(g -> g.description().equals("Permitted Senders"))
            .findFirst()
            .orElseThrow();

    JsonNode block =
        all().stream()
            .filter(p -> p.at("/policy/from/emailDomain").asText().equals(lookalike))
            .findFirst()
            .orElseThrow();
    JsonNode exception =
        all().stream()
            .filter(p -> p.at("/policy/from/groupId").asText().equals(permitted.id()))
            .findFirst()
            .orElseThrow();

    assertThat(block.get("option").asText()).isEqualTo("block_sender");
    assertThat(block.at("/policy/fromEternal").asBoolean()).isFalse();
    assertThat(ApiDates.parse(block.at("/policy/fromDate").asText()).orElseThrow())
        .isBefore(arrived);
    assertThat(exception.get("option").asText()).isEqualTo("no_action");
    assertThat(exception.at("/policy/override").asBoolean()).isTrue();
  }

  @Test
  void oneItemPerIdAndAnUnknownIdIsAnInvalidTokenKeyedByItsItem() {
    String known = all().get(3).get("id").asText();
    String unknown = "eNoNotAPolicyOfThisTenant0000";

    JsonNode reply =
        client
            .v1(
                PoliciesArea.GET_POLICY,
                "{\"data\":[{\"id\":\"" + known + "\"},{\"id\":\"" + unknown + "\"}]}")
            .json();

    assertThat(reply.get("data")).hasSize(1);
    assertThat(reply.at("/data/0/id").asText()).isEqualTo(known);
    assertThat(reply.at("/fail/0/key/id").asText()).isEqualTo(unknown);
    assertThat(reply.at("/fail/0/errors/0/code").asText()).isEqualTo("xdk_failure");
  }

  @Test
  void coversIpConditionedBidirectionalExpiredAndDisabledPolicies() {
    Instant now = server.tenant().now();
    List<JsonNode> bodies = all().stream().map(p -> p.get("policy")).toList();

    assertThat(bodies).anyMatch(b -> b.at("/conditions/sourceIPs/0").asText().endsWith("/30"));
    assertThat(bodies).anyMatch(b -> b.get("bidirectional").asBoolean());
    assertThat(bodies)
        .anyMatch(
            b ->
                !b.get("toEternal").asBoolean()
                    && ApiDates.parse(b.get("toDate").asText()).orElseThrow().isBefore(now));
    assertThat(bodies).anyMatch(b -> !b.get("enabled").asBoolean());
  }
}
