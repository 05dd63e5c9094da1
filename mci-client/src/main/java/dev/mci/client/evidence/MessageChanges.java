package dev.mci.client.evidence;

import dev.mci.client.evidence.ParsedMessage.Attachment;
import dev.mci.client.evidence.ParsedMessage.Header;
import dev.mci.client.evidence.ParsedMessage.UrlSource;
import java.util.List;

/**
 * What changed between the copy Mimecast received and the copy it delivered, as found by {@link
 * MessageDiff}.
 *
 * @param urls URLs rewritten (with their originals), added or dropped
 * @param addedText body lines only the delivered copy has (banners, notices)
 * @param removedText body lines only the received copy has
 * @param attachments attachments removed, replaced or added
 * @param addedHeaders headers only the delivered copy has
 * @param removedHeaders headers only the received copy has
 */
public record MessageChanges(
    List<UrlChange> urls,
    List<String> addedText,
    List<String> removedText,
    List<AttachmentChange> attachments,
    List<Header> addedHeaders,
    List<Header> removedHeaders) {

  /** Copies the lists. */
  public MessageChanges {
    urls = List.copyOf(urls);
    addedText = List.copyOf(addedText);
    removedText = List.copyOf(removedText);
    attachments = List.copyOf(attachments);
    addedHeaders = List.copyOf(addedHeaders);
    removedHeaders = List.copyOf(removedHeaders);
  }

  /** Whether the body and attachments reached the recipient unchanged (headers aside). */
  public boolean contentUnchanged() {
    return urls.isEmpty() && addedText.isEmpty() && removedText.isEmpty() && attachments.isEmpty();
  }

  /** The URL changes that are rewrites (both forms known). */
  public List<UrlChange> rewrittenUrls() {
    return urls.stream().filter(UrlChange::rewritten).toList();
  }

  /**
   * One URL as received and as delivered.
   *
   * @param original the URL the sender wrote; null when the delivered copy added it
   * @param delivered the URL the recipient got; null when it was dropped
   * @param source where in the body it was found first
   */
  public record UrlChange(String original, String delivered, UrlSource source) {
    /** Whether the URL was rewritten (present in both copies, different). */
    public boolean rewritten() {
      return original != null && delivered != null;
    }
  }

  /** What happened to an attachment. */
  public enum AttachmentAction {
    /** Gone from the delivered copy. */
    REMOVED,
    /** Swapped for another file (e.g. a notice). */
    REPLACED,
    /** Only in the delivered copy. */
    ADDED
  }

  /**
   * One attachment change.
   *
   * @param action removed, replaced or added
   * @param received the attachment as received; null when added
   * @param delivered the attachment as delivered; null when removed
   */
  public record AttachmentChange(
      AttachmentAction action, Attachment received, Attachment delivered) {}
}
