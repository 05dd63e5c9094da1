package dev.mci.investigate.steps;

import dev.mci.client.MimecastClient;
import dev.mci.client.groups.DirectoryGroup;
import dev.mci.client.groups.GroupDirectory;
import dev.mci.client.groups.GroupMember;
import dev.mci.client.groups.GroupMembership;
import dev.mci.client.groups.GroupSearch;
import dev.mci.client.groups.GroupSource;
import dev.mci.client.policies.BlockedSenderPolicy;
import dev.mci.client.policies.MailFlow;
import dev.mci.client.policies.PolicyExplainer;
import dev.mci.client.policies.PolicyExplanation;
import dev.mci.client.policies.PolicyMatch;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Playbook step 8 (policy): why the located messages got through. The Blocked Senders policies and
 * a snapshot of the groups are read once, then each distinct flow (sender, recipient, IP) is
 * explained locally. Every group that holds the sender is recorded, as a {@code permit} when the
 * data says so: an exempting ({@code no_action}) policy that applies to the flow matched the sender
 * through that group's entry (reference 07 §1); otherwise as a {@code member}.
 *
 * <p>The snapshot is the client's {@code policies().explainer()}, with its independent calls made
 * side by side: the policies and each source's group listing at once, then every group's members at
 * once (each group's pages in turn).
 */
public final class PolicyExplainStep implements Step<List<PolicyExplanation>> {

  /** The explanations, one per distinct flow. */
  public static final StepKey<List<PolicyExplanation>> KEY = StepKey.of("policy-explain");

  /** The most flows explained (all are local once the snapshot is read). */
  static final int MAX_FLOWS = 200;

  @Override
  public StepKey<List<PolicyExplanation>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "policy: blocked-sender policies and group memberships (policies explain)";
  }

  @Override
  public List<StepKey<?>> needs() {
    return List.of(LocateMessagesStep.KEY);
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.POLICY_EXPLAIN);
  }

  @Override
  public List<PolicyExplanation> run(StepContext context) {
    Map<String, MailFlow> flows = new LinkedHashMap<>();
    for (CaseMessage m : context.result(LocateMessagesStep.KEY)) {
      String header = m.sender().address();
      String envelope = m.envelopeFrom() == null ? header : m.envelopeFrom().address();
      if (header.isEmpty() || m.received() == null) {
        continue;
      }
      for (Address to : m.to()) {
        MailFlow flow =
            new MailFlow(
                envelope.isEmpty() ? header : envelope,
                header,
                to.address(),
                Optional.ofNullable(m.senderIp()),
                m.received());
        flows.putIfAbsent(
            (flow.envelopeFrom() + " " + flow.recipient() + " " + m.senderIp())
                .toLowerCase(Locale.ROOT),
            flow);
      }
    }
    if (flows.isEmpty()) {
      return List.of();
    }
    PolicyExplainer explainer = explainer(context);
    List<PolicyExplanation> explanations = new ArrayList<>();
    flows.values().stream().limit(MAX_FLOWS).forEach(f -> explanations.add(explainer.explain(f)));
    context
        .evidence()
        .saveJson("policy-explain.json", explanations, "why the located messages got through");
    for (PolicyExplanation explanation : explanations) {
      Set<String> permitting = permittingGroups(explanation);
      for (GroupMembership membership : explanation.senderGroups()) {
        context
            .record()
            .membership(
                new dev.mci.investigate.cases.GroupMembership(
                    membership.group().name(),
                    membership.entry().entry(),
                    permitting.contains(membership.holder().id()) ? "permit" : "member",
                    KEY.name()));
      }
    }
    return explanations;
  }

  /**
   * The groups whose entry for the sender made an exempting policy apply to the flow: the group the
   * policy names, or the nested group below it that holds the entry.
   */
  static Set<String> permittingGroups(PolicyExplanation explanation) {
    MailFlow flow = explanation.flow();
    Set<String> ids = new HashSet<>();
    for (PolicyMatch match : explanation.applying()) {
      if (!match.policy().exempts()) {
        continue;
      }
      for (GroupMembership membership : match.memberships()) {
        GroupMember entry = membership.entry();
        if (entry.covers(flow.envelopeFrom()) || entry.covers(flow.headerFrom())) {
          ids.add(membership.holder().id());
        }
      }
    }
    return ids;
  }

  /** The client's explainer, its independent calls made concurrently. */
  private static PolicyExplainer explainer(StepContext context) {
    MimecastClient client = context.client();
    List<Supplier<List<?>>> listings = new ArrayList<>();
    listings.add(() -> client.policies().blockedSenders());
    for (GroupSource source : GroupSource.values()) {
      listings.add(() -> client.groups().find(GroupSearch.all().from(source)).stream().toList());
    }
    List<List<?>> listed = context.forEach(listings, Supplier::get);
    Map<String, DirectoryGroup> groups = new LinkedHashMap<>();
    for (List<?> sourceGroups : listed.subList(1, listed.size())) {
      for (Object group : sourceGroups) {
        DirectoryGroup g = (DirectoryGroup) group;
        groups.putIfAbsent(g.id(), g);
      }
    }
    List<String> ids = List.copyOf(groups.keySet());
    List<List<GroupMember>> members =
        context.forEach(ids, id -> client.groups().members(id).stream().toList());
    Map<String, List<GroupMember>> byGroup = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      byGroup.put(ids.get(i), members.get(i));
    }
    List<BlockedSenderPolicy> policies = new ArrayList<>();
    for (Object policy : listed.get(0)) {
      policies.add((BlockedSenderPolicy) policy);
    }
    return PolicyExplainer.of(policies, GroupDirectory.of(List.copyOf(groups.values()), byGroup));
  }
}
