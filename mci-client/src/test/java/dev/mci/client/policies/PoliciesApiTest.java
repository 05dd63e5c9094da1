package dev.mci.client.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.AuthenticationException;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.NotFoundException;
import dev.mci.client.ServerException;
import dev.mci.client.groups.LocalTenant;
import dev.mci.client.groups.LocalTenant.Generation;
import dev.mci.client.policies.PolicyExplanation.Verdict;
import dev.mci.client.policies.PolicyMatch.Applicability;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.tenant.Domain;
import dev.mci.simulator.tenant.Group;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.simulator.tenant.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * get-policy end to end, and the explainer over the simulated tenant's real policies and groups:
 * the planted phish, an IP-conditioned block, a bidirectional wall, an expired block, a nested
 * group and plain internal mail.
 */
class PoliciesApiTest {

  private static final String GET_POLICY = "/api/policy/blockedsenders/get-policy";

  private static LocalTenant local;
  private static PolicyExplainer explainer;

  @BeforeAll
  static void start() {
    local = new LocalTenant();
    try (MimecastClient client = local.client(Generation.API_2_OAUTH)) {
      explainer = client.policies().explainer();
    }
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  private static BlockedSenderPolicy policyNamed(String prefix) {
    return explainer.policies().stream()
        .filter(p -> p.description().startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }

  private static Domain domain(String prefix) {
    return local.tenant().domains().stream()
        .filter(d -> d.name().startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }

  private static User userIn(String department) {
    return local.tenant().users().stream()
        .filter(u -> u.department().equals(department))
        .findFirst()
        .orElseThrow();
  }

  private static PolicyMatch match(PolicyExplanation explanation, BlockedSenderPolicy policy) {
    return explanation.policies().stream()
        .filter(m -> m.policy().id().equals(policy.id()))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void readsEveryPolicyAndOneByIdOnBothGenerations(Generation generation) {
    try (MimecastClient client = local.client(generation)) {
      List<BlockedSenderPolicy> all = client.policies().blockedSenders();

      assertThat(all)
          .hasSize(explainer.policies().size())
          .containsExactlyElementsOf(explainer.policies());
      BlockedSenderPolicy wall =
          all.stream().filter(BlockedSenderPolicy::bidirectional).findFirst().orElseThrow();
      assertThat(client.policies().blockedSender(wall.id())).isEqualTo(wall);
    }
  }

  @Test
  void aPolicyIdTheAccountDoesNotHaveIsNotFound() {
    try (MimecastClient client = local.client(Generation.API_1_HMAC)) {
      assertThatThrownBy(() -> client.policies().blockedSender("eNoUnknownPolicy"))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("no blocked-sender policy has the id 'eNoUnknownPolicy'");
      assertThatThrownBy(() -> client.policies().blockedSender(""))
          .isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void rateLimitsAreWaitedOutAndServerErrorsEndInAServerException() {
    local.server.faults().enqueue(GET_POLICY, ScriptedFault.rateLimited(Duration.ofSeconds(2)));
    int sleeps = local.time.sleeps().size();
    try (MimecastClient client = local.client(Generation.API_2_OAUTH)) {
      assertThat(client.policies().blockedSenders()).isNotEmpty();
      assertThat(local.time.sleeps().subList(sleeps, local.time.sleeps().size()))
          .containsExactly(Duration.ofSeconds(2));

      local.failNext(GET_POLICY, 503, 4);
      assertThatThrownBy(() -> client.policies().blockedSenders())
          .isInstanceOf(ServerException.class);
    }
    try (MimecastClient client = local.clientWithWrongSecret()) {
      assertThatThrownBy(() -> client.policies().blockedSenders())
          .isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void thePlantedPhishGotThroughBecauseItsSenderIsAPermittedSender() {
    PhishingScenario scenario = local.tenant().scenario();
    MailFlow flow =
        new MailFlow(
            scenario.envelopeSender().address(),
            scenario.sender().address(),
            scenario.heldRecipient().address(),
            java.util.Optional.of(scenario.sendingIp()),
            scenario.received());

    PolicyExplanation explanation = explainer.explain(flow);

    assertThat(explanation.verdict()).isEqualTo(Verdict.EXEMPT);
    assertThat(explanation.deciding().orElseThrow().policy().description())
        .isEqualTo("Permitted Senders exception");
    assertThat(match(explanation, policyNamed("Block lookalike domain")).applies()).isTrue();
    assertThat(explanation.senderGroups())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.group().name()).isEqualTo("Permitted Senders");
              assertThat(m.entry().notes()).isPresent();
            });
    assertThat(explanation.summary()).contains("which would otherwise block it");
  }

  @Test
  void theSpamRelayBlockNeedsTheSendingIpInsideItsRange() {
    BlockedSenderPolicy relay = policyNamed("Block external mail from the spam relay range");
    Domain spam = domain("crypto-yield-now.");
    Domain freemail = domain("mailbox-free.");
    String recipient = userIn("Sales").address();
    Instant now = local.tenant().now();

    PolicyExplanation fromRelay =
        explainer.explain(
            MailFlow.of("promo@" + spam.name(), recipient, now).fromIp(spam.sendingIp()));
    PolicyExplanation fromElsewhere =
        explainer.explain(
            MailFlow.of("friend@" + freemail.name(), recipient, now).fromIp(freemail.sendingIp()));
    PolicyExplanation noIp =
        explainer.explain(MailFlow.of("friend@" + freemail.name(), recipient, now));

    assertThat(match(fromRelay, relay).applies()).isTrue();
    assertThat(fromRelay.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(match(fromElsewhere, relay).applicability()).isEqualTo(Applicability.DOES_NOT_APPLY);
    assertThat(fromElsewhere.verdict()).isEqualTo(Verdict.NOT_BLOCKED);
    assertThat(match(noIp, relay).applicability()).isEqualTo(Applicability.APPLIES_IF);
  }

  @Test
  void theEthicalWallBlocksBothWays() {
    BlockedSenderPolicy wall = policyNamed("Ethical wall");
    String labs = userIn("Research").address();
    String rival = "analyst@rival-labs.example";
    Instant now = local.tenant().now();

    PolicyExplanation inbound = explainer.explain(MailFlow.of(rival, labs, now));
    PolicyExplanation outbound = explainer.explain(MailFlow.of(labs, rival, now));
    PolicyExplanation otherDomain =
        explainer.explain(MailFlow.of(userIn("Finance").address(), rival, now));

    assertThat(inbound.deciding().orElseThrow().policy()).isEqualTo(wall);
    assertThat(outbound.deciding().orElseThrow().policy()).isEqualTo(wall);
    assertThat(outbound.deciding().orElseThrow().reversed()).isTrue();
    assertThat(otherDomain.verdict()).isEqualTo(Verdict.NOT_BLOCKED);
  }

  @Test
  void theExpiredVendorBlockNoLongerMatches() {
    BlockedSenderPolicy expired = policyNamed("Block Umbrella Office Supplies");
    String vendor = "orders@" + domain("umbrella-office.").name();
    String recipient = userIn("Procurement").address();

    PolicyExplanation today =
        explainer.explain(MailFlow.of(vendor, recipient, local.tenant().now()));
    PolicyExplanation back =
        explainer.explain(
            MailFlow.of(vendor, recipient, expired.validUntil().orElseThrow().minusSeconds(3600)));

    assertThat(today.verdict()).isEqualTo(Verdict.NOT_BLOCKED);
    assertThat(match(today, expired).reasons().get(0)).startsWith("expired on");
    assertThat(back.verdict()).isEqualTo(Verdict.BLOCKED);
  }

  @Test
  void voucherSpamIsBlockedForAVipThroughTheNestedGroupButNotForOthers() {
    Group vip =
        local.tenant().groups().stream()
            .filter(g -> g.description().equals("VIP Protection"))
            .findFirst()
            .orElseThrow();
    Group executives =
        local.tenant().groups().stream()
            .filter(g -> g.description().equals("Executives"))
            .findFirst()
            .orElseThrow();
    String nestedOnly =
        vip.members().stream()
            .map(dev.mci.simulator.tenant.GroupMember::emailAddress)
            .filter(a -> executives.members().stream().noneMatch(e -> e.emailAddress().equals(a)))
            .findFirst()
            .orElseThrow();
    Instant now = local.tenant().now();

    PolicyExplanation vipMail =
        explainer.explain(MailFlow.of("win@gift-voucher-rewards.example", nestedOnly, now));
    PolicyExplanation staffMail =
        explainer.explain(
            MailFlow.of("win@gift-voucher-rewards.example", userIn("Sales").address(), now));

    assertThat(vipMail.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(vipMail.deciding().orElseThrow().memberships())
        .singleElement()
        .satisfies(m -> assertThat(m.holder().name()).isEqualTo("VIP Protection"));
    assertThat(staffMail.verdict()).isEqualTo(Verdict.NOT_BLOCKED);
  }

  @Test
  void ordinaryInternalMailMeetsNoPolicy() {
    PolicyExplanation explanation =
        explainer.explain(
            MailFlow.of(
                userIn("Sales").address(), userIn("Legal").address(), local.tenant().now()));

    assertThat(explanation.verdict()).isEqualTo(Verdict.NOT_BLOCKED);
    assertThat(explanation.deciding()).isEmpty();
    assertThat(explanation.senderGroups())
        .extracting(m -> m.group().name())
        .contains("All Staff", "Sales");
  }
}
