package dev.mci.investigate.steps;

import dev.mci.client.policies.MailFlow;
import dev.mci.client.policies.PolicyExplainer;
import dev.mci.client.policies.PolicyExplanation;
import dev.mci.client.policies.PolicyMatch;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.GroupMembership;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Playbook step 8 (policy): why the located messages got through. The Blocked Senders policies and
 * a snapshot of the groups are read once, then each distinct flow (sender, recipient, IP) is
 * explained locally; every group that holds the sender is recorded, as a permit when an exempting
 * policy names it or it is a permitted-senders group.
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
    PolicyExplainer explainer = context.client().policies().explainer();
    List<PolicyExplanation> explanations = new ArrayList<>();
    flows.values().stream().limit(MAX_FLOWS).forEach(f -> explanations.add(explainer.explain(f)));
    context
        .evidence()
        .saveJson("policy-explain.json", explanations, "why the located messages got through");
    for (PolicyExplanation explanation : explanations) {
      List<String> exempting =
          explanation.applying().stream()
              .filter(m -> !m.policy().blocks())
              .flatMap(m -> m.memberships().stream())
              .map(g -> g.group().id())
              .toList();
      for (var membership : explanation.senderGroups()) {
        boolean permits =
            exempting.contains(membership.group().id())
                || membership.group().name().toLowerCase(Locale.ROOT).contains("permit");
        context
            .record()
            .membership(
                new GroupMembership(
                    membership.group().name(),
                    membership.entry().entry(),
                    permits ? "permit" : "member",
                    KEY.name()));
      }
    }
    return explanations;
  }

  static boolean exempts(PolicyMatch match) {
    return match.applies() && !match.policy().blocks();
  }
}
