package dev.mci.investigate.cases;

import java.util.List;

/**
 * An attachment in the case.
 *
 * @param fileName the file name as sent (may be hostile: treat as text)
 * @param sha256 lower-case hex SHA-256
 * @param size size in bytes, null when unknown
 * @param contentType MIME type, null when unknown
 * @param messageIds the case's messages that carry it
 * @param otherMessages how many other messages in the organisation carry the same hash (org-wide
 *     hash search), null when not searched
 * @param verdict Attachment Protect's verdict, null when unknown
 * @param foundBy the step that found it
 */
public record CaseAttachment(
    String fileName,
    String sha256,
    Long size,
    String contentType,
    List<String> messageIds,
    Integer otherMessages,
    String verdict,
    String foundBy) {

  /** Copies the message ids; null becomes empty. */
  public CaseAttachment {
    messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
  }
}
