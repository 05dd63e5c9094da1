package dev.mci.simulator.policies;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Blocked Senders policy of the simulated tenant (reference 07 §1.1).
 *
 * @param id opaque policy id
 * @param option {@code block_sender} or {@code no_action}
 * @param description the policy narrative
 * @param fromPart {@code envelope_from}, {@code header_from} or {@code both}
 * @param from the sender scope
 * @param to the recipient scope
 * @param validFrom start; empty for "eternal" (no start limit)
 * @param validUntil end; empty for "eternal" (no end limit)
 * @param override whether it takes precedence over other policies of the type
 * @param bidirectional whether it also applies with sender and recipient swapped
 * @param sourceIps CIDR ranges the sending IP must fall in; empty when unconditioned
 * @param enabled whether it is switched on
 * @param enforced the console's "enforced" flag
 * @param created creation time
 * @param lastUpdated last change
 */
public record BlockedSenderPolicy(
    String id,
    String option,
    String description,
    String fromPart,
    Scope from,
    Scope to,
    Optional<Instant> validFrom,
    Optional<Instant> validUntil,
    boolean override,
    boolean bidirectional,
    List<String> sourceIps,
    boolean enabled,
    boolean enforced,
    Instant created,
    Instant lastUpdated) {

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

  /**
   * A sender or recipient scope.
   *
   * @param type {@code everyone}, {@code internal_addresses}, {@code external_addresses}, {@code
   *     email_domain}, {@code individual_email_address} or {@code profile_group}
   * @param value the domain, address or group id the type needs; empty for the others
   */
  public record Scope(String type, Optional<String> value) {

    /** Checks nothing is null. */
    public Scope {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
    }

    static Scope of(String type) {
      return new Scope(type, Optional.empty());
    }

    static Scope of(String type, String value) {
      return new Scope(type, Optional.of(value));
    }

    /** The key that carries the value on the wire: {@code emailDomain}, {@code groupId}, ... */
    String valueKey() {
      switch (type) {
        case "email_domain":
          return "emailDomain";
        case "individual_email_address":
          return "emailAddress";
        case "profile_group":
          return "groupId";
        default:
          return "value";
      }
    }
  }
}
