package dev.mci.investigate.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.client.groups.DirectoryGroup;
import dev.mci.client.groups.GroupDirectory;
import dev.mci.client.groups.GroupMember;
import dev.mci.client.policies.BlockedSenderPolicy;
import dev.mci.client.policies.MailFlow;
import dev.mci.client.policies.PolicyExplainer;
import dev.mci.client.policies.PolicyExplanation;
import dev.mci.client.policies.PolicyScope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which of the sender's groups the policy step calls a permit: what the policies say, not names.
 */
class PolicyExplainStepTest {

  private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");
  private static final String SENDER = "billing@vendor-pay.example";
  private static final String RECIPIENT = "dana.ortiz@acme-corp.example";

  @Test
  void aGroupNamedPermittedSendersIsOnlyAMemberWhenNoExceptionNamesIt() {
    DirectoryGroup permitted = group("g-1", "Permitted Senders", null);
    List<BlockedSenderPolicy> policies =
        List.of(policy("block_sender", PolicyScope.of("email_domain", "other.example"), true));

    assertThat(effects(policies, List.of(permitted), Map.of("g-1", List.of(entry(SENDER)))))
        .containsExactly("Permitted Senders: member");
  }

  @Test
  void aGroupAnApplyingExceptionNamesIsAPermitWhateverItsName() {
    DirectoryGroup partners = group("g-1", "Finance partners", null);
    List<BlockedSenderPolicy> policies =
        List.of(policy("no_action", PolicyScope.of("profile_group", "g-1"), true));

    assertThat(effects(policies, List.of(partners), Map.of("g-1", List.of(entry(SENDER)))))
        .containsExactly("Finance partners: permit");
  }

  @Test
  void anExceptionThatIsSwitchedOffPermitsNothing() {
    DirectoryGroup permitted = group("g-1", "Permitted Senders", null);
    List<BlockedSenderPolicy> policies =
        List.of(policy("no_action", PolicyScope.of("profile_group", "g-1"), false));

    assertThat(effects(policies, List.of(permitted), Map.of("g-1", List.of(entry(SENDER)))))
        .containsExactly("Permitted Senders: member");
  }

  @Test
  void aBlockOnTheGroupIsNoPermit() {
    DirectoryGroup blocked = group("g-1", "Blocked Senders", null);
    List<BlockedSenderPolicy> policies =
        List.of(policy("block_sender", PolicyScope.of("profile_group", "g-1"), true));

    assertThat(effects(policies, List.of(blocked), Map.of("g-1", List.of(entry(SENDER)))))
        .containsExactly("Blocked Senders: member");
  }

  @Test
  void theNestedGroupHoldingTheEntryPermitsWhenTheExceptionNamesItsParent() {
    DirectoryGroup trusted = group("g-parent", "Trusted", null);
    DirectoryGroup vendors = group("g-child", "Vendors", "g-parent");
    DirectoryGroup other = group("g-other", "Newsletter senders", null);
    List<BlockedSenderPolicy> policies =
        List.of(policy("no_action", PolicyScope.of("profile_group", "g-parent"), true));

    assertThat(
            effects(
                policies,
                List.of(trusted, vendors, other),
                Map.of("g-child", List.of(entry(SENDER)), "g-other", List.of(entry(SENDER)))))
        .containsExactly("Vendors: permit", "Newsletter senders: member");
  }

  private static List<String> effects(
      List<BlockedSenderPolicy> policies,
      List<DirectoryGroup> groups,
      Map<String, List<GroupMember>> members) {
    PolicyExplanation explanation =
        PolicyExplainer.of(policies, GroupDirectory.of(groups, members))
            .explain(MailFlow.of(SENDER, RECIPIENT, AT));
    Set<String> permitting = PolicyExplainStep.permittingGroups(explanation);
    return explanation.senderGroups().stream()
        .map(
            m ->
                m.group().name() + (permitting.contains(m.holder().id()) ? ": permit" : ": member"))
        .toList();
  }

  private static DirectoryGroup group(String id, String name, String parent) {
    return new DirectoryGroup(id, name, "cloud", Optional.ofNullable(parent), 1, 0);
  }

  private static GroupMember entry(String address) {
    return new GroupMember(
        Optional.of(address),
        address.substring(address.indexOf('@') + 1),
        false,
        "created_manually",
        "",
        Optional.empty());
  }

  private static BlockedSenderPolicy policy(String option, PolicyScope from, boolean enabled) {
    return new BlockedSenderPolicy(
        "policy-" + option,
        option,
        option + " for " + from,
        "both",
        from,
        PolicyScope.of("everyone"),
        Optional.empty(),
        Optional.empty(),
        false,
        false,
        List.of(),
        enabled,
        true,
        Optional.empty(),
        Optional.empty());
  }
}
