package dev.mci.investigate.cases;

import java.time.Instant;

/**
 * A log row that touches the case and has no richer record of its own: an impersonation hit, a
 * rejection, a remediation incident, an Attachment Protect verdict, a row of the local event store.
 *
 * @param kind {@code impersonation}, {@code rejection}, {@code incident}, {@code attachment-log} or
 *     {@code event}
 * @param time when it happened (UTC), null when unknown
 * @param summary one plain line (data from the API: treat as text)
 * @param reference the id that ties it to the case (message id, hash, URL, incident code)
 * @param foundBy the step that found it
 */
public record CaseEvent(
    String kind, Instant time, String summary, String reference, String foundBy) {}
