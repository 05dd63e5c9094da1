package dev.mci.client;

import java.time.Duration;
import java.time.Instant;

/**
 * One HTTP attempt, as reported to a {@link CallListener}. Never holds a secret.
 *
 * @param start when the attempt was sent (by the client's clock)
 * @param endpoint the API path, e.g. {@code /api/message-finder/search}; pre-signed download URLs
 *     are reported by the path of the call that produced them, never by the URL itself
 * @param requestId the {@code x-mc-req-id} sent with the attempt
 * @param httpStatus the HTTP status received, 0 when no response arrived
 * @param duration time until the response headers arrived (by the client's clock)
 * @param attempt 1 for the first attempt of a call, 2 for its first retry, and so on
 * @param outcome {@code ok}, or {@code retrying: <reason>}, or {@code failed: <reason>}
 */
public record CallRecord(
    Instant start,
    String endpoint,
    String requestId,
    int httpStatus,
    Duration duration,
    int attempt,
    String outcome) {}
