package dev.mci.client.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.MimecastClient;
import dev.mci.client.NotFoundException;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.Fixtures;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recorded Blocked Senders policy responses in shared/fixtures, parsed by the client. */
class PolicyFixturesTest {

  private static final String GET_POLICY = "/api/policy/blockedsenders/get-policy";

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2024-07-01T00:00:00Z");

  @AfterEach
  void stop() {
    server.close();
  }

  private MimecastClient serving(String body) {
    server.on(GET_POLICY, request -> Reply.json(200, body));
    return TestClients.hmac(server, time).maxRetries(0).build();
  }

  /** XSOAR's helper hands back data[] (or data[0]) only; put it back into an envelope. */
  private static String envelope(String data) {
    return "{\"meta\":{\"status\":200},\"data\":" + data + ",\"fail\":[]}";
  }

  @Test
  void parsesXsoarListPoliciesResponse() {
    try (MimecastClient client =
        serving(envelope(Fixtures.read("xsoar/list_policies_response.json")))) {
      List<BlockedSenderPolicy> policies = client.policies().blockedSenders();

      assertThat(policies)
          .containsExactly(
              new BlockedSenderPolicy(
                  "eNo1jr",
                  "no_action",
                  "test",
                  "envelope_from",
                  PolicyScope.of("internal_addresses"),
                  PolicyScope.of("external_addresses"),
                  Optional.empty(),
                  Optional.empty(),
                  false,
                  false,
                  List.of(),
                  true,
                  false,
                  Optional.of(Instant.parse("2024-04-17T09:01:16Z")),
                  Optional.of(Instant.parse("2024-04-17T09:01:16Z"))));
      assertThat(policies.get(0).exempts()).isTrue();
    }
  }

  @Test
  void parsesXsoarCreateBlockSenderPolicyResponse() {
    try (MimecastClient client =
        serving(
            envelope(
                "[" + Fixtures.read("xsoar/create_block_sender_policy_response.json") + "]"))) {
      BlockedSenderPolicy policy = client.policies().blockedSenders().get(0);

      assertThat(policy.id()).startsWith("eNo1jrsOgjAAAP-lM0Npi4KJg_EFvoJIRd2wVCwoxRYkaPx3cXC");
      assertThat(policy.blocks()).isTrue();
      assertThat(policy.fromPart()).isEqualTo("both");
      assertThat(policy.from()).isEqualTo(PolicyScope.of("email_domain", "google.com"));
      assertThat(policy.to()).isEqualTo(PolicyScope.of("everyone"));
      assertThat(policy.inForceAt(time.instant())).isTrue();
    }
  }

  @Test
  void parsesRapid7CreateBlockedSenderPolicy() {
    try (MimecastClient client =
        serving(Fixtures.read("rapid7/create_blocked_sender_policy.json.resp"))) {
      BlockedSenderPolicy policy = client.policies().blockedSenders().get(0);

      assertThat(policy.description()).isEqualTo("some test policy");
      assertThat(policy.from()).isEqualTo(PolicyScope.of("everyone"));
      assertThat(policy.created()).contains(Instant.parse("2022-04-21T06:51:04Z"));
      assertThat(policy.sourceIps()).isEmpty();
    }
  }

  @Test
  void rapid7DeleteBlockedSenderPolicyBadIsNotFound() {
    try (MimecastClient client =
        serving(Fixtures.read("rapid7/delete_blocked_sender_policy_bad.json.resp"))) {
      assertThatThrownBy(() -> client.policies().blockedSender("eNoGone"))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("'eNoGone'");
    }
  }
}
