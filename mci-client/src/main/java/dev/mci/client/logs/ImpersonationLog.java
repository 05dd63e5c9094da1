package dev.mci.client.logs;

import java.time.Instant;
import java.util.List;

/**
 * One Impersonation Protect log row ({@code impersonationLogs[]}). Fields the server did not send
 * are null (lists empty).
 *
 * @param id the log's id ({@code MTOKEN:...})
 * @param eventTime when the message was checked
 * @param senderAddress sender
 * @param recipientAddress recipient
 * @param subject subject
 * @param definition the definition that applied
 * @param hits number of identifiers that fired
 * @param identifiers the identifiers that fired, e.g. {@code internal_user_name}
 * @param action action taken, e.g. {@code none}, {@code hold}
 * @param taggedExternal whether the subject was tagged external
 * @param taggedMalicious whether the subject was tagged malicious
 * @param senderIpAddress the sending IP
 * @param impersonationResults what each identifier matched
 * @param messageId Internet Message-ID with angle brackets
 */
public record ImpersonationLog(
    String id,
    Instant eventTime,
    String senderAddress,
    String recipientAddress,
    String subject,
    String definition,
    Integer hits,
    List<String> identifiers,
    String action,
    Boolean taggedExternal,
    Boolean taggedMalicious,
    String senderIpAddress,
    List<ImpersonationResult> impersonationResults,
    String messageId) {

  /** Copies the lists; null becomes empty. */
  public ImpersonationLog {
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    impersonationResults =
        impersonationResults == null ? List.of() : List.copyOf(impersonationResults);
  }

  /**
   * One {@code impersonationResults[]} entry.
   *
   * @param impersonationDomainSource the identifier, e.g. {@code internal_user_name}
   * @param stringSimilarToDomain the text that resembled something of the tenant's
   * @param similarDomain what it resembled, e.g. {@code Name <address>}; null for dictionary hits
   * @param checkerResult e.g. {@code hit}; null when not reported
   */
  public record ImpersonationResult(
      String impersonationDomainSource,
      String stringSimilarToDomain,
      String similarDomain,
      String checkerResult) {}
}
