package dev.mci.client.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.InvalidRequestException;
import dev.mci.client.groups.DirectoryGroup;
import dev.mci.client.groups.GroupDirectory;
import dev.mci.client.groups.GroupMember;
import dev.mci.client.policies.PolicyExplanation.Verdict;
import dev.mci.client.policies.PolicyMatch.Applicability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The explainer's matching rules, on hand-made policies and groups (no HTTP). */
class PolicyExplainerTest {

  private static final Instant NOW = Instant.parse("2025-05-20T10:00:00Z");

  private static final DirectoryGroup ROOT = group("root", "Mimecast Groups", null);
  private static final DirectoryGroup PERMITTED = group("g-permitted", "Permitted Senders", "root");
  private static final DirectoryGroup BLOCKED = group("g-blocked", "Blocked Senders", "root");
  private static final DirectoryGroup EXECUTIVES = group("g-exec", "Executives", "root");
  private static final DirectoryGroup VIP = group("g-vip", "VIP Protection", "g-exec");
  private static final DirectoryGroup ALL_STAFF = group("g-all", "All Staff", "root");

  private static final GroupDirectory DIRECTORY =
      GroupDirectory.of(
          List.of(ROOT, PERMITTED, BLOCKED, EXECUTIVES, VIP, ALL_STAFF),
          Map.of(
              "g-permitted",
              List.of(
                  address("ceo@acme-c0rp.example", false, "Requested by the CEO's office"),
                  domain("partner.example", false)),
              "g-blocked",
              List.of(domain("spam.example", false)),
              "g-exec",
              List.of(address("ceo@acme.example", true, null)),
              "g-vip",
              List.of(address("cfo@acme.example", true, null)),
              "g-all",
              List.of(domain("acme.example", true), domain("acme-labs.example", true))));

  private static DirectoryGroup group(String id, String name, String parent) {
    return new DirectoryGroup(id, name, "cloud", Optional.ofNullable(parent), 0, 0);
  }

  private static GroupMember address(String address, boolean internal, String note) {
    return new GroupMember(
        Optional.of(address),
        address.substring(address.indexOf('@') + 1),
        internal,
        "created_manually",
        "",
        Optional.ofNullable(note));
  }

  private static GroupMember domain(String domain, boolean internal) {
    return new GroupMember(
        Optional.empty(), domain, internal, "created_manually", "", Optional.empty());
  }

  /** A policy builder with the common defaults: eternal, enabled, both parts, no conditions. */
  private static final class P {
    String id = "p-" + System.nanoTime();
    String option = "block_sender";
    String description = "policy";
    String fromPart = "both";
    PolicyScope from = PolicyScope.of("everyone");
    PolicyScope to = PolicyScope.of("everyone");
    Instant start;
    Instant end;
    boolean override;
    boolean bidirectional;
    List<String> ips = new ArrayList<>();
    boolean enabled = true;

    P named(String text) {
      description = text;
      return this;
    }

    BlockedSenderPolicy build() {
      return new BlockedSenderPolicy(
          id,
          option,
          description,
          fromPart,
          from,
          to,
          Optional.ofNullable(start),
          Optional.ofNullable(end),
          override,
          bidirectional,
          ips,
          enabled,
          true,
          Optional.empty(),
          Optional.empty());
    }
  }

  private static PolicyExplanation explain(MailFlow flow, BlockedSenderPolicy... policies) {
    return PolicyExplainer.of(List.of(policies), DIRECTORY).explain(flow);
  }

  private static MailFlow mail(String sender, String recipient) {
    return MailFlow.of(sender, recipient, NOW);
  }

  private static PolicyMatch only(PolicyExplanation explanation) {
    assertThat(explanation.policies()).hasSize(1);
    return explanation.policies().get(0);
  }

  @Test
  void aDomainBlockAppliesToItsDomainOnly() {
    P block = new P().named("Block spam.example");
    block.from = PolicyScope.of("email_domain", "spam.example");

    PolicyExplanation hit = explain(mail("win@spam.example", "cfo@acme.example"), block.build());
    PolicyExplanation miss =
        explain(mail("win@sub.spam.example", "cfo@acme.example"), block.build());

    assertThat(hit.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(hit.summary()).startsWith("Blocked by 'Block spam.example'");
    assertThat(miss.verdict()).isEqualTo(Verdict.NOT_BLOCKED);
    assertThat(only(miss).reasons())
        .anyMatch(r -> r.contains("sub.spam.example is not spam.example"));
  }

  @Test
  void aBidirectionalPolicyAppliesBothWaysAndAOneWayPolicyOnlyForwards() {
    P wall = new P().named("Ethical wall");
    wall.from = PolicyScope.of("email_domain", "rival.example");
    wall.to = PolicyScope.of("email_domain", "acme-labs.example");
    wall.bidirectional = true;
    P oneWay = new P().named("One way");
    oneWay.from = wall.from;
    oneWay.to = wall.to;

    PolicyMatch forward =
        only(explain(mail("a@rival.example", "b@acme-labs.example"), wall.build()));
    PolicyMatch backward =
        only(explain(mail("b@acme-labs.example", "a@rival.example"), wall.build()));
    PolicyMatch oneWayBack =
        only(explain(mail("b@acme-labs.example", "a@rival.example"), oneWay.build()));
    PolicyMatch unrelated = only(explain(mail("b@acme.example", "a@rival.example"), wall.build()));

    assertThat(forward.applies()).isTrue();
    assertThat(forward.reversed()).isFalse();
    assertThat(backward.applies()).isTrue();
    assertThat(backward.reversed()).isTrue();
    assertThat(backward.reasons().get(0)).contains("sender and recipient swapped");
    assertThat(oneWayBack.applicability()).isEqualTo(Applicability.DOES_NOT_APPLY);
    assertThat(unrelated.applicability()).isEqualTo(Applicability.DOES_NOT_APPLY);
  }

  @Test
  void anIpConditionedPolicyNeedsTheSendingIpInItsRange() {
    P relay = new P().named("Spam relay");
    relay.from = PolicyScope.of("external_addresses");
    relay.ips = List.of("192.0.2.44/30", "2001:db8::/32");
    MailFlow flow = mail("x@elsewhere.example", "cfo@acme.example");

    PolicyMatch inside = only(explain(flow.fromIp("192.0.2.46"), relay.build()));
    PolicyMatch outside = only(explain(flow.fromIp("192.0.2.48"), relay.build()));
    PolicyMatch ipv6 = only(explain(flow.fromIp("2001:db8::7"), relay.build()));
    PolicyExplanation unknown = explain(flow, relay.build());

    assertThat(inside.applies()).isTrue();
    assertThat(inside.reasons()).anyMatch(r -> r.contains("192.0.2.46 is in 192.0.2.44/30"));
    assertThat(outside.applicability()).isEqualTo(Applicability.DOES_NOT_APPLY);
    assertThat(outside.reasons()).anyMatch(r -> r.contains("outside"));
    assertThat(ipv6.applies()).isTrue();
    assertThat(only(unknown).applicability()).isEqualTo(Applicability.APPLIES_IF);
    assertThat(unknown.verdict()).isEqualTo(Verdict.NOT_BLOCKED);
    assertThat(unknown.caveats())
        .anyMatch(c -> c.contains("Spam relay") && c.contains("no sending IP"));
  }

  @Test
  void anExpiredPolicyDoesNotMatchButSaysItWouldHave() {
    P old = new P().named("Contract dispute");
    old.from = PolicyScope.of("email_domain", "vendor.example");
    old.start = NOW.minusSeconds(200 * 86_400L);
    old.end = NOW.minusSeconds(100 * 86_400L);
    P future = new P().named("Next quarter");
    future.from = old.from;
    future.start = NOW.plusSeconds(86_400);

    PolicyExplanation explanation =
        explain(mail("ap@vendor.example", "cfo@acme.example"), old.build(), future.build());

    assertThat(explanation.verdict()).isEqualTo(Verdict.NOT_BLOCKED);
    assertThat(explanation.policies())
        .allSatisfy(m -> assertThat(m.applicability()).isEqualTo(Applicability.DOES_NOT_APPLY));
    assertThat(explanation.policies().get(0).reasons())
        .anySatisfy(r -> assertThat(r).startsWith("expired on " + old.end))
        .anySatisfy(r -> assertThat(r).startsWith("it would otherwise apply"));
    assertThat(explanation.policies().get(1).reasons())
        .anyMatch(r -> r.startsWith("not in force until"));
    // The same policy applied while it was in force.
    MailFlow back = MailFlow.of("ap@vendor.example", "cfo@acme.example", old.end.minusSeconds(60));
    assertThat(PolicyExplainer.of(List.of(old.build()), DIRECTORY).explain(back).verdict())
        .isEqualTo(Verdict.BLOCKED);
  }

  @Test
  void aPermittedSendersOverrideLetsABlockedLookalikeThrough() {
    P lookalike = new P().named("Block lookalike");
    lookalike.from = PolicyScope.of("email_domain", "acme-c0rp.example");
    P exception = new P().named("Permitted Senders exception");
    exception.option = "no_action";
    exception.override = true;
    exception.from = PolicyScope.of("profile_group", "g-permitted");

    PolicyExplanation explanation =
        explain(
            mail("ceo@acme-c0rp.example", "cfo@acme.example"),
            lookalike.build(),
            exception.build());

    assertThat(explanation.verdict()).isEqualTo(Verdict.EXEMPT);
    assertThat(explanation.deciding().orElseThrow().policy().description())
        .isEqualTo("Permitted Senders exception");
    assertThat(explanation.applying()).hasSize(2);
    assertThat(explanation.summary())
        .contains("Permitted Senders")
        .contains("Requested by the CEO's office")
        .contains("takes precedence over 'Block lookalike'");
    assertThat(explanation.senderGroups())
        .extracting(m -> m.group().name())
        .containsExactly("Permitted Senders");
    assertThat(explanation.recipientGroups())
        .extracting(m -> m.group().name())
        .containsExactly("VIP Protection", "All Staff");
  }

  @Test
  void withoutOverrideTheMoreSpecificSenderScopeWins() {
    P everyone = new P().named("Block all external");
    everyone.from = PolicyScope.of("external_addresses");
    P partner = new P().named("Partner exception");
    partner.option = "no_action";
    partner.from = PolicyScope.of("profile_group", "g-permitted");
    P address = new P().named("Block one partner address");
    address.from = PolicyScope.of("individual_email_address", "bad@partner.example");

    PolicyExplanation good =
        explain(mail("ok@partner.example", "cfo@acme.example"), everyone.build(), partner.build());
    PolicyExplanation bad =
        explain(
            mail("bad@partner.example", "cfo@acme.example"),
            everyone.build(),
            partner.build(),
            address.build());

    assertThat(good.verdict()).isEqualTo(Verdict.EXEMPT);
    assertThat(good.deciding().orElseThrow().memberships())
        .singleElement()
        .satisfies(m -> assertThat(m.entry().wholeDomain()).isTrue());
    assertThat(bad.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(bad.deciding().orElseThrow().policy().description())
        .isEqualTo("Block one partner address");
  }

  @Test
  void aGroupScopeCountsMembersOfNestedGroups() {
    P toExecutives = new P().named("Voucher spam to Executives");
    toExecutives.from = PolicyScope.of("email_domain", "vouchers.example");
    toExecutives.to = PolicyScope.of("profile_group", "g-exec");

    PolicyMatch nested =
        only(explain(mail("x@vouchers.example", "cfo@acme.example"), toExecutives.build()));
    PolicyMatch outside =
        only(explain(mail("x@vouchers.example", "dev@acme.example"), toExecutives.build()));

    assertThat(nested.applies()).isTrue();
    assertThat(nested.memberships())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.nested()).isTrue();
              assertThat(m.holder().name()).isEqualTo("VIP Protection");
            });
    assertThat(outside.applies()).isFalse();
  }

  @Test
  void fromPartDecidesWhichSenderAddressIsRead() {
    P header = new P().named("Header only");
    header.fromPart = "header_from";
    header.from = PolicyScope.of("email_domain", "spoof.example");
    P envelope = new P().named("Envelope only");
    envelope.fromPart = "envelope_from";
    envelope.from = header.from;
    MailFlow flow =
        mail("bounce@mailer.example", "cfo@acme.example").withHeaderFrom("ceo@spoof.example");

    PolicyExplanation explanation = explain(flow, header.build(), envelope.build());

    assertThat(explanation.policies().get(0).applies()).isTrue();
    assertThat(explanation.policies().get(0).reasons())
        .anyMatch(r -> r.startsWith("header sender"));
    assertThat(explanation.policies().get(1).applies()).isFalse();
  }

  @Test
  void internalAndExternalFollowTheAccountsDomainsAndDisabledPoliciesNeverApply() {
    P outbound = new P().named("Block outbound to rival");
    outbound.from = PolicyScope.of("internal_addresses");
    outbound.to = PolicyScope.of("email_domain", "rival.example");
    P disabled = new P().named("Draft");
    disabled.enabled = false;

    PolicyExplanation fromInside =
        explain(mail("cfo@acme.example", "x@rival.example"), outbound.build(), disabled.build());
    PolicyExplanation fromOutside =
        explain(mail("x@partner.example", "x@rival.example"), outbound.build());

    assertThat(fromInside.policies().get(0).applies()).isTrue();
    assertThat(fromInside.policies().get(1).applicability())
        .isEqualTo(Applicability.DOES_NOT_APPLY);
    assertThat(fromInside.policies().get(1).reasons()).contains("switched off (enabled: false)");
    assertThat(fromOutside.verdict()).isEqualTo(Verdict.NOT_BLOCKED);
  }

  @Test
  void aScopeTheApiCannotEvaluateMakesThePolicyConditional() {
    P freemail = new P().named("Free mail");
    freemail.from = PolicyScope.of("free_mail_domains");

    PolicyExplanation explanation =
        explain(mail("x@mail.example", "cfo@acme.example"), freemail.build());

    assertThat(only(explanation).applicability()).isEqualTo(Applicability.APPLIES_IF);
    assertThat(explanation.caveats()).singleElement().asString().contains("free_mail_domains");
  }

  @Test
  void malformedAddressesAndIpsAreRejected() {
    PolicyExplainer explainer = PolicyExplainer.of(List.of(), DIRECTORY);

    assertThatThrownBy(() -> explainer.explain(mail("not-an-address", "cfo@acme.example")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("sender 'not-an-address' is not an e-mail address");
    assertThatThrownBy(
            () -> explainer.explain(mail("a@b.example", "cfo@acme.example").fromIp("mail.example")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not an IPv4 or IPv6 address");
  }
}
