package dev.mci.client.policies;

import dev.mci.client.groups.GroupMembership;
import java.util.List;
import java.util.Objects;

/**
 * How one policy relates to one {@link MailFlow}.
 *
 * @param policy the policy
 * @param applicability whether it applies
 * @param reversed whether it applies only because it is bidirectional (sender and recipient
 *     swapped)
 * @param reasons plain sentences saying why, e.g. "sender domain acme-c0rp.example matches
 *     email_domain acme-c0rp.example" or "expired on 2025-01-31T00:00:00Z"
 * @param memberships the group memberships that made a {@code profile_group} scope match
 */
public record PolicyMatch(
    BlockedSenderPolicy policy,
    Applicability applicability,
    boolean reversed,
    List<String> reasons,
    List<GroupMembership> memberships) {

  /** Whether a policy applies to a flow. */
  public enum Applicability {
    /** Every condition holds. */
    APPLIES,
    /**
     * It applies only if something the caller did not give holds: the sending IP is in the policy's
     * ranges, or a scope type the API cannot evaluate matches.
     */
    APPLIES_IF,
    /** It does not apply: disabled, outside its dates, or a scope or IP range does not match. */
    DOES_NOT_APPLY
  }

  /** Copies the lists and checks nothing is null. */
  public PolicyMatch {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(applicability, "applicability");
    reasons = List.copyOf(reasons);
    memberships = List.copyOf(memberships);
  }

  /** Whether the policy applies outright. */
  public boolean applies() {
    return applicability == Applicability.APPLIES;
  }
}
