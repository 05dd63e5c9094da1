package dev.mci.simulator.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiCall;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiHandler;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.messages.RenderedMessage.HeaderField;
import dev.mci.simulator.tenant.ContentForm;
import dev.mci.simulator.tenant.Mailbox;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.MessageContent;
import dev.mci.simulator.tenant.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/archive/get-message-detail} (reference 02 §2): the structured view of one form
 * of an archived message, read off the same RFC 822 rendering that get-message-part serves: the
 * header list (without {@code Return-Path}, as observed), envelope sender, Reply-To, and the
 * attachments with their SHA-256 and get-file ids.
 */
final class ArchiveMessageDetail implements ApiHandler {

  private static final int PREVIEW = 100;

  private final Tenant tenant;
  private final Rfc822Renderer renderer;
  private final ArchiveRefs refs;

  ArchiveMessageDetail(Tenant tenant, Rfc822Renderer renderer) {
    this.tenant = tenant;
    this.renderer = renderer;
    this.refs = new ArchiveRefs(tenant);
  }

  @Override
  public ApiReply handle(ApiCall call) {
    List<ObjectNode> items = call.items().isEmpty() ? List.of(Json.object()) : call.items();
    return ApiReply.eachItem(items, this::detail);
  }

  private JsonNode detail(ObjectNode item) {
    List<ApiError> errors = new ArrayList<>();
    String id = Items.required(item, "id", errors);
    ContentForm form = Items.context(item, false, errors).orElse(ContentForm.DELIVERED);
    Items.check(errors);
    Message message = refs.archived(id).orElseThrow(Items::invalidId);
    MessageContent content = tenant.content(message);
    RenderedMessage rendered = renderer.render(message, form);

    ObjectNode detail = Json.object();
    detail.put("id", message.archiveId().orElseThrow());
    detail.put("status", "ARCHIVED");
    detail.put("smash", tenant.smash(message));
    detail.put("mimeMessageId", message.messageIdHeader());
    detail.put("subject", message.subject());
    detail.put("headerDate", header(rendered, "Date"));
    detail.put("received", ApiDates.format(message.received()));
    detail.put("processed", ApiDates.format(message.received()));
    detail.put("size", message.sizeBytes());
    detail.put("hasHtmlBody", true);
    detail.put("hasTextBody", true);
    mailbox(detail.putObject("from"), message.headerFrom());
    ObjectNode envelopeFrom = detail.putObject("envelopeFrom");
    envelopeFrom.put("displayableName", "");
    envelopeFrom.put("emailAddress", message.envelopeFrom().address());
    ObjectNode replyTo = detail.putObject("replyTo");
    replyTo.put("displayableName", content.replyTo().map(Mailbox::displayName).orElse(""));
    replyTo.put("emailAddress", content.replyTo().map(Mailbox::address).orElse(""));
    ArrayNode to = detail.putArray("to");
    for (Mailbox recipient : message.recipients()) {
      mailbox(to.addObject(), recipient);
    }
    detail.putArray("cc");
    // One entry per header name, values in order; Return-Path is not listed (field notes).
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    for (HeaderField header : rendered.headers()) {
      if (!header.name().equalsIgnoreCase("Return-Path")) {
        grouped.computeIfAbsent(header.name(), name -> new ArrayList<>()).add(header.value());
      }
    }
    ArrayNode headers = detail.putArray("headers");
    grouped.forEach(
        (name, values) -> {
          ObjectNode entry = headers.addObject();
          entry.put("name", name);
          ArrayNode list = entry.putArray("values");
          values.forEach(list::add);
        });
    ArrayNode attachments = detail.putArray("attachments");
    for (ArchiveRefs.ListedAttachment listed : refs.attachments(message, form)) {
      ObjectNode attachment = attachments.addObject();
      attachment.put("id", listed.id());
      attachment.put("filename", listed.file().fileName());
      attachment.put("extension", extension(listed.file().fileName()));
      attachment.put("contentType", listed.file().contentType());
      attachment.put("contentId", "");
      attachment.put("bodyType", 5);
      attachment.put("sha256", listed.file().sha256());
      attachment.put("size", listed.file().size());
    }
    String preview = rendered.text().replaceAll("\\s+", " ").strip();
    detail.put(
        "messageBodyPreview", preview.length() > PREVIEW ? preview.substring(0, PREVIEW) : preview);
    return detail;
  }

  private static String header(RenderedMessage rendered, String name) {
    return rendered.headers().stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(HeaderField::value)
        .findFirst()
        .orElse("");
  }

  private static void mailbox(ObjectNode node, Mailbox mailbox) {
    node.put("displayableName", mailbox.displayName());
    node.put("emailAddress", mailbox.address());
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
  }
}
