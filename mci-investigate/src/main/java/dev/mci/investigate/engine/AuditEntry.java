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
 */
public record AuditEntry(
    Instant time,
    String step,
    String endpoint,
    String requestId,
    int status,
    long durationMillis,
    int attempt,
    String outcome) {}
