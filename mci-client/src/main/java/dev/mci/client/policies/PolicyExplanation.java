package dev.mci.client.policies;

import dev.mci.client.groups.GroupMembership;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why mail from one sender to one recipient was or was not blocked by the Blocked Senders policies,
 * as {@link PolicyExplainer} worked it out.
 *
 * @param flow the mail examined
 * @param verdict the outcome
 * @param deciding the policy that decides it; empty when none applies
 * @param policies every policy with its applicability, in the order Mimecast listed them
 * @param senderGroups the groups the sender (envelope or header address) belongs to
 * @param recipientGroups the groups the recipient belongs to
 * @param caveats what could change the verdict, e.g. a policy that applies only from some IPs
 */
public record PolicyExplanation(
    MailFlow flow,
    Verdict verdict,
    Optional<PolicyMatch> deciding,
    List<PolicyMatch> policies,
    List<GroupMembership> senderGroups,
    List<GroupMembership> recipientGroups,
    List<String> caveats) {

  /** The outcome for the flow. */
  public enum Verdict {
    /** A {@code block_sender} policy decides: the mail is blocked. */
    BLOCKED,
    /** A {@code no_action} exception decides: the mail is let through despite any block. */
    EXEMPT,
    /** No policy applies: Blocked Senders policies do not stop the mail. */
    NOT_BLOCKED
  }

  /** Copies the lists and checks nothing is null. */
  public PolicyExplanation {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(deciding, "deciding");
    policies = List.copyOf(policies);
    senderGroups = List.copyOf(senderGroups);
    recipientGroups = List.copyOf(recipientGroups);
    caveats = List.copyOf(caveats);
  }

  /** The policies that apply outright. */
  public List<PolicyMatch> applying() {
    return policies.stream().filter(PolicyMatch::applies).toList();
  }

  /** One paragraph for people: the verdict, the deciding policy and why, and what it overrides. */
  public String summary() {
    if (deciding.isEmpty()) {
      return "Not blocked: no Blocked Senders policy applies from "
          + flow.envelopeFrom()
          + " to "
          + flow.recipient()
          + ".";
    }
    PolicyMatch decider = deciding.get();
    BlockedSenderPolicy policy = decider.policy();
    StringBuilder text = new StringBuilder();
    text.append(verdict == Verdict.BLOCKED ? "Blocked by '" : "Not blocked: exception '")
        .append(policy.description())
        .append("' (")
        .append(policy.option())
        .append(policy.override() ? ", override" : "")
        .append(decider.reversed() ? ", bidirectional" : "")
        .append("): ")
        .append(String.join("; ", decider.reasons()))
        .append('.');
    List<String> outranked =
        applying().stream()
            .filter(m -> m != decider && m.policy().blocks() != policy.blocks())
            .map(m -> "'" + m.policy().description() + "'")
            .toList();
    if (!outranked.isEmpty()) {
      text.append(" It takes precedence over ")
          .append(outranked.stream().collect(Collectors.joining(", ")))
          .append(verdict == Verdict.EXEMPT ? ", which would otherwise block it." : ".");
    }
    return text.toString();
  }
}
