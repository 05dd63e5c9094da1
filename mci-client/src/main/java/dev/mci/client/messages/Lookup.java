package dev.mci.client.messages;

import java.time.Instant;

/**
 * What {@link MessagesApi#locate(Lookup)} looks for: sender, recipient and subject within a window.
 * At least one of from, to and subject is needed. Unset values are null; blank counts as unset.
 *
 * @param from sender address or domain
 * @param to recipient address or domain
 * @param subject subject words
 * @param start earliest message (required: it decides where to search)
 * @param end latest message; now when null
 */
public record Lookup(String from, String to, String subject, Instant start, Instant end) {

  /** Normalises blanks to null. */
  public Lookup {
    from = from == null || from.isBlank() ? null : from.strip();
    to = to == null || to.isBlank() ? null : to.strip();
    subject = subject == null || subject.isBlank() ? null : subject.strip();
  }
}
