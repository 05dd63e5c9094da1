package dev.mci.investigate.engine;

import java.time.Instant;

/**
 * One HTTP attempt, as written to a line of {@code audit.ndjson}. Holds no secret: the client's
 * call records carry none.
 *
 * @param time when the attempt was sent (UTC)
 * @param step the step that made it, or the phase outside steps (e.g. {@code resolve-indicator})
 * @param endpoint the API path
 * @param requestId the {@code x-mc-req-id} sent
 * @param status the HTTP status, 0 when no response arrived
 * @param durationMillis time until the response headers arrived
 * @param attempt 1 for a first attempt, 2 for its first retry, and so on
 * @param outcome {@code ok}, {@code retrying: <reason>} or {@code failed: <reason>}
 * @param chain how many calls lie on the longest chain of calls this one had to wait for, itself
 *     included: 1 for a call that waited for none, n + 1 for the call after a page, a retry or a
 *     step whose chain was n; 0 when unknown (entries written before it was recorded). The largest
 *     value of a run is its longest dependent chain of calls.
 */
public record AuditEntry(
    Instant time,
    String step,
    String endpoint,
    String requestId,
    int status,
    long durationMillis,
    int attempt,
    String outcome,
    int chain) {

  /** An entry whose place on a chain is unknown. */
  public AuditEntry(
      Instant time,
      String step,
      String endpoint,
      String requestId,
      int status,
      long durationMillis,
      int attempt,
      String outcome) {
    this(time, step, endpoint, requestId, status, durationMillis, attempt, outcome, 0);
  }
}
