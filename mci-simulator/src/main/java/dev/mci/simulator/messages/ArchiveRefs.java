package dev.mci.simulator.messages;

import dev.mci.simulator.tenant.AttachmentFile;
import dev.mci.simulator.tenant.ContentForm;
import dev.mci.simulator.tenant.DecodedId;
import dev.mci.simulator.tenant.DeliveredAttachment;
import dev.mci.simulator.tenant.IdFamily;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.MessageContent;
import dev.mci.simulator.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The archive's ids: messages by archive id, and attachment ids that name an attachment of an
 * archived message (its position), the notice that replaced it on delivery (position plus {@link
 * #REPLACEMENT}), or a synthetic file of any size ({@link SyntheticFiles}).
 */
final class ArchiveRefs {

  /** Sub-coordinate offset of a delivered replacement notice. */
  static final int REPLACEMENT = 0x100;

  /** Sub-coordinate of a synthetic file; the index is its size. */
  static final int SYNTHETIC = 0xFFFF;

  /** What an attachment id names. */
  sealed interface FileRef permits Attached, Synthetic {}

  /** An attachment (or its replacement notice) of an archived message. */
  record Attached(Message message, AttachmentFile file) implements FileRef {}

  /** A synthetic file of {@code size} bytes. */
  record Synthetic(long size) implements FileRef {}

  /** One attachment as a form of the message shows it, with its id. */
  record ListedAttachment(String id, AttachmentFile file) {}

  private final Tenant tenant;

  ArchiveRefs(Tenant tenant) {
    this.tenant = tenant;
  }

  /** The archived message an archive id names. */
  Optional<Message> archived(String id) {
    return tenant.messageByArchiveId(id);
  }

  /**
   * The archived message an archive id, or a Message Finder id of one of its copies, names (one API
   * 2.0 client passes Message Finder ids to get-message-part; 01 §0.7).
   */
  Optional<Message> archivedOrTracked(String id) {
    return archived(id)
        .or(
            () ->
                tenant
                    .messageCopy(id)
                    .map(copy -> copy.message())
                    .filter(m -> m.archiveId().isPresent()));
  }

  /** The attachments of {@code form} with their ids, in order. */
  List<ListedAttachment> attachments(Message message, ContentForm form) {
    List<ListedAttachment> listed = new ArrayList<>();
    if (form == ContentForm.RECEIVED) {
      for (int k = 0; k < message.attachments().size(); k++) {
        listed.add(new ListedAttachment(attachmentId(message, k), message.attachments().get(k)));
      }
      return listed;
    }
    MessageContent content = tenant.content(message);
    List<DeliveredAttachment> delivered = content.deliveredAttachments();
    for (int k = 0; k < delivered.size(); k++) {
      DeliveredAttachment d = delivered.get(k);
      switch (d.action()) {
        case KEPT -> listed.add(new ListedAttachment(attachmentId(message, k), d.original()));
        case REPLACED ->
            listed.add(
                new ListedAttachment(
                    tenant.ids().encode(IdFamily.ATTACHMENT, message.index(), REPLACEMENT + k),
                    d.replacement().orElseThrow()));
        case REMOVED -> {
          // Not in the delivered copy.
        }
      }
    }
    return listed;
  }

  /** The file an attachment id names, or the whole message an archive id names. */
  Optional<FileRef> file(String id) {
    Optional<DecodedId> decoded = tenant.ids().decode(id, IdFamily.ATTACHMENT);
    if (decoded.isEmpty()) {
      return Optional.empty();
    }
    DecodedId d = decoded.get();
    if (d.sub() == SYNTHETIC) {
      return Optional.of(new Synthetic(d.index()));
    }
    if (d.index() >= tenant.messageCount()) {
      return Optional.empty();
    }
    Message message = tenant.message(d.index());
    if (message.archiveId().isEmpty()) {
      return Optional.empty();
    }
    if (d.sub() < message.attachments().size()) {
      return Optional.of(new Attached(message, message.attachments().get(d.sub())));
    }
    int replaced = d.sub() - REPLACEMENT;
    List<DeliveredAttachment> delivered = tenant.content(message).deliveredAttachments();
    if (replaced >= 0 && replaced < delivered.size()) {
      return delivered.get(replaced).replacement().map(notice -> new Attached(message, notice));
    }
    return Optional.empty();
  }

  private String attachmentId(Message message, int position) {
    return tenant.ids().encode(IdFamily.ATTACHMENT, message.index(), position);
  }
}
