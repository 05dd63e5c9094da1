package dev.mci.client.messages;

import java.time.Instant;
import java.util.List;

/**
 * One result of {@link MessagesApi#locate(Lookup)}, from whichever source covered the window.
 *
 * @param source where it was found; the id belongs to that source's id family
 * @param id a Message Finder id (one row per recipient) or an archive id (one row per message)
 * @param received when Mimecast received it
 * @param from sender
 * @param to recipients
 * @param subject subject line
 * @param status Message Finder status, or the archive status
 */
public record FoundMessage(
    Source source,
    String id,
    Instant received,
    EmailAddress from,
    List<EmailAddress> to,
    String subject,
    String status) {

  /** Where a message was found. */
  public enum Source {
    /** Message Finder: about the last 30 days, near real time. */
    MESSAGE_FINDER,
    /** The archive: the account's whole retention. */
    ARCHIVE
  }

  /** Copies the list; null becomes empty. */
  public FoundMessage {
    to = to == null ? List.of() : List.copyOf(to);
  }
}
