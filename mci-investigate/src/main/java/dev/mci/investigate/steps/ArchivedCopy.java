package dev.mci.investigate.steps;

import dev.mci.client.messages.MessageDetail;
import java.util.List;

/**
 * One located message as the archive knows it.
 *
 * @param archiveId the archive id (input to detail, part and get-file)
 * @param copyIds the Message Finder ids of its recipient copies in the case
 * @param mailbox a recipient the delivered form can be fetched for
 * @param detail the detail as received
 */
public record ArchivedCopy(
    String archiveId, List<String> copyIds, String mailbox, MessageDetail detail) {

  /** Copies the ids. */
  public ArchivedCopy {
    copyIds = List.copyOf(copyIds);
  }
}
