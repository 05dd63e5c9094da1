package dev.mci.simulator.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Impersonation Protect detection on one recipient's copy of an inbound message. Derived by
 * {@link TenantActivity#impersonationHits(Message)}.
 *
 * @param at when the message was checked
 * @param message the message
 * @param delivery the recipient's copy
 * @param id the log id ({@code MTOKEN:...})
 * @param definition the definition that applied
 * @param identifiers the identifiers that fired, e.g. {@code internal_user_name}
 * @param matches what each identifier matched
 * @param action {@code none} or {@code hold}; {@code hold} exactly when the copy is held
 * @param taggedExternal whether the subject was tagged as external
 * @param taggedMalicious whether the subject was tagged as malicious
 */
public record ImpersonationHit(
    Instant at,
    Message message,
    Delivery delivery,
    String id,
    String definition,
    List<String> identifiers,
    List<Match> matches,
    String action,
    boolean taggedExternal,
    boolean taggedMalicious) {

  /** Copies lists and checks nothing is null. */
  public ImpersonationHit {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(definition, "definition");
    identifiers = List.copyOf(identifiers);
    matches = List.copyOf(matches);
    Objects.requireNonNull(action, "action");
  }

  /**
   * One {@code impersonationResults[]} entry.
   *
   * @param source the identifier, e.g. {@code internal_user_name}
   * @param similarTo the text that looked like something of the tenant's
   * @param similarDomain what it resembled, e.g. {@code Name <address>}; absent for dictionary hits
   * @param checkerResult {@code hit} when reported
   */
  public record Match(
      String source,
      String similarTo,
      Optional<String> similarDomain,
      Optional<String> checkerResult) {

    /** Checks nothing is null. */
    public Match {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(similarTo, "similarTo");
      Objects.requireNonNull(similarDomain, "similarDomain");
      Objects.requireNonNull(checkerResult, "checkerResult");
    }
  }
}
