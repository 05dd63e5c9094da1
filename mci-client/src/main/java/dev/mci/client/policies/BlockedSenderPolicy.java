package dev.mci.client.policies;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Blocked Senders policy (reference 07 §1.1): who it covers, when, from which IPs, and whether
 * it blocks or exempts.
 *
 * @param id the policy id
 * @param option {@code block_sender} (block) or {@code no_action} (an exception that takes no
 *     action)
 * @param description the policy's narrative, shown as its name in the console
 * @param fromPart which sender address is matched: {@code envelope_from}, {@code header_from} or
 *     {@code both}
 * @param from the sender scope
 * @param to the recipient scope
 * @param validFrom the start ({@code fromDate}); empty when {@code fromEternal}
 * @param validUntil the end ({@code toDate}); empty when {@code toEternal}
 * @param override whether it takes precedence over other Blocked Senders policies
 * @param bidirectional whether it also applies with sender and recipient swapped
 * @param sourceIps CIDR ranges ({@code conditions.sourceIPs}) the sending IP must be in; empty when
 *     the policy has no IP condition
 * @param enabled whether the policy is switched on
 * @param enforced the console's "enforced" flag
 * @param created when it was created
 * @param lastUpdated when it last changed
 */
public record BlockedSenderPolicy(
    String id,
    String option,
    String description,
    String fromPart,
    PolicyScope from,
    PolicyScope to,
    Optional<Instant> validFrom,
    Optional<Instant> validUntil,
    boolean override,
    boolean bidirectional,
    List<String> sourceIps,
    boolean enabled,
    boolean enforced,
    Optional<Instant> created,
    Optional<Instant> lastUpdated) {

  /** The {@code option} of a blocking policy. */
  public static final String BLOCK_SENDER = "block_sender";

  /** The {@code option} of an exception. */
  public static final String NO_ACTION = "no_action";

  /** Copies the list and checks nothing is null. */
  public BlockedSenderPolicy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(fromPart, "fromPart");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    sourceIps = List.copyOf(sourceIps);
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastUpdated, "lastUpdated");
  }

  /** Whether the policy blocks ({@code block_sender}). */
  public boolean blocks() {
    return BLOCK_SENDER.equalsIgnoreCase(option);
  }

  /** Whether the policy is an exception that takes no action ({@code no_action}). */
  public boolean exempts() {
    return NO_ACTION.equalsIgnoreCase(option);
  }

  /** Whether {@code at} falls inside the policy's dates (both ends inclusive). */
  public boolean inForceAt(Instant at) {
    return validFrom.map(start -> !at.isBefore(start)).orElse(true)
        && validUntil.map(end -> !at.isAfter(end)).orElse(true);
  }
}
