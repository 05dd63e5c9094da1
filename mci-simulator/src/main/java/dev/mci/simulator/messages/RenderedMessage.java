package dev.mci.simulator.messages;

import dev.mci.simulator.tenant.AttachmentFile;
import dev.mci.simulator.tenant.ContentForm;
import dev.mci.simulator.tenant.Message;
import java.util.List;
import java.util.Objects;

/**
 * One form of a message rendered as RFC 822, plus the pieces the JSON endpoints report about it.
 *
 * @param message the message
 * @param form received or delivered
 * @param bytes the whole message, CRLF line ends
 * @param headers the top-level header fields in order, values unfolded
 * @param text the decoded plain-text body
 * @param html the decoded HTML body
 * @param attachments the attached files in order
 * @param stub the "stubbed" transmission: every header, part bodies left out (Message Finder's
 *     {@code transmission.eml} component and {@code transmissionInfo})
 */
record RenderedMessage(
    Message message,
    ContentForm form,
    byte[] bytes,
    List<HeaderField> headers,
    String text,
    String html,
    List<AttachmentFile> attachments,
    String stub) {

  RenderedMessage {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(bytes, "bytes");
    headers = List.copyOf(headers);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(stub, "stub");
  }

  /** One header field: name and unfolded value. */
  record HeaderField(String name, String value) {}
}
