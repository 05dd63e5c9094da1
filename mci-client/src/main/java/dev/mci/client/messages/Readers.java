package dev.mci.client.messages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.client.InvalidResponseException;
import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Turns the JSON of the archive and Message Finder endpoints into records, leniently: absent or
 * null fields become null, and the shapes the reference records side by side are all accepted.
 */
final class Readers {

  private final Envelope envelope;

  Readers(Envelope envelope) {
    this.envelope = envelope;
  }

  /** Archive search items: {@code data[0].items[]} (current) or a flat {@code data[]} (older). */
  List<ArchivedMessage> archivedMessages() {
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode element : envelope.data()) {
      if (element.has("items")) {
        items.addAll(Json.elements(element, "items"));
      } else if (element.isObject() && element.size() > 0 && !element.has("queryDuration")) {
        items.add(element);
      }
    }
    List<ArchivedMessage> messages = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      List<EmailAddress> to = new ArrayList<>();
      for (JsonNode address : Json.elements(item, "displaytoaddresslist")) {
        to.add(address(address));
      }
      messages.add(
          new ArchivedMessage(
              Json.text(item, "id"),
              Json.text(item, "subject"),
              Json.text(item, "displayfrom"),
              Json.text(item, "displayfromaddress"),
              Json.text(item, "displayto"),
              to,
              date(item, "receiveddate"),
              number(item, "size"),
              integer(item, "attachmentcount"),
              Json.text(item, "status"),
              Json.text(item, "smash")));
    }
    return messages;
  }

  List<ListedMessage> listedMessages() {
    List<ListedMessage> messages = new ArrayList<>();
    for (JsonNode item : envelope.data()) {
      messages.add(
          new ListedMessage(
              Json.text(item, "id"),
              Json.text(item, "status"),
              date(item, "received"),
              address(item.get("from")),
              addresses(item.get("to")),
              Json.text(item, "subject"),
              number(item, "size"),
              integer(item, "attachmentCount"),
              Json.text(item, "smash"),
              Json.bool(item, "read"),
              Json.bool(item, "ccm"),
              Json.bool(item, "recalled"),
              Json.bool(item, "expired")));
    }
    return messages;
  }

  MessageDetail detail(MessageContext context) {
    JsonNode item = first();
    List<MessageDetail.Header> headers = new ArrayList<>();
    for (JsonNode header : Json.elements(item, "headers")) {
      List<String> values = new ArrayList<>();
      JsonNode raw = header.get("values");
      if (raw != null && raw.isArray()) {
        raw.forEach(v -> values.add(v.asText()));
      } else if (raw != null && raw.isValueNode() && !raw.isNull()) {
        values.add(raw.asText());
      }
      headers.add(new MessageDetail.Header(Json.text(header, "name"), values));
    }
    List<MessageDetail.Attachment> attachments = new ArrayList<>();
    for (JsonNode attachment : Json.elements(item, "attachments")) {
      String name = Json.text(attachment, "filename");
      attachments.add(
          new MessageDetail.Attachment(
              Json.text(attachment, "id"),
              name != null ? name : Json.text(attachment, "fileName"),
              Json.text(attachment, "extension"),
              Json.text(attachment, "contentType"),
              Json.text(attachment, "contentId"),
              Json.text(attachment, "sha256"),
              number(attachment, "size")));
    }
    EmailAddress replyTo = address(item.get("replyTo"));
    if (replyTo != null && (replyTo.emailAddress() == null || replyTo.emailAddress().isBlank())) {
      replyTo = null;
    }
    return new MessageDetail(
        Json.text(item, "id"),
        context,
        Json.text(item, "status"),
        Json.text(item, "smash"),
        Json.text(item, "mimeMessageId"),
        Json.text(item, "subject"),
        Json.text(item, "headerDate"),
        date(item, "received"),
        date(item, "processed"),
        number(item, "size"),
        Json.bool(item, "hasHtmlBody"),
        address(item.get("from")),
        address(item.get("envelopeFrom")),
        replyTo,
        addresses(item.get("to")),
        addresses(item.get("cc")),
        headers,
        attachments,
        Json.text(item, "messageBodyPreview"));
  }

  MessageInfo info() {
    JsonNode item = first();
    JsonNode recipientInfo = item.get("recipientInfo");
    MessageInfo.Receipt receipt =
        recipientInfo == null || !recipientInfo.isObject()
            ? null
            : new MessageInfo.Receipt(
                copy(recipientInfo.get("messageInfo")),
                leg(recipientInfo.get("recipientMetaInfo")));
    Map<String, MessageInfo.Delivery> deliveries = new LinkedHashMap<>();
    JsonNode delivered = item.get("deliveredMessage");
    if (delivered != null && delivered.isObject()) {
      delivered
          .properties()
          .forEach(
              entry -> {
                JsonNode value = entry.getValue();
                List<MessageInfo.Policy> policies = new ArrayList<>();
                for (JsonNode policy : Json.elements(value, "policyInfo")) {
                  policies.add(
                      new MessageInfo.Policy(
                          Json.text(policy, "policyType"),
                          Json.text(policy, "policyName"),
                          Json.bool(policy, "inherited")));
                }
                deliveries.put(
                    entry.getKey(),
                    new MessageInfo.Delivery(
                        copy(value.get("messageInfo")),
                        policies,
                        leg(value.get("deliveryMetaInfo"))));
              });
    }
    JsonNode retention = item.get("retentionInfo");
    JsonNode spam = item.get("spamInfo");
    JsonNode detail = spam == null ? null : spam.get("spamProcessingDetail");
    JsonNode queue = item.get("queueInfo");
    return new MessageInfo(
        Json.text(item, "id"),
        Json.text(item, "status"),
        receipt,
        deliveries,
        retention == null || !retention.isObject()
            ? null
            : new MessageInfo.Retention(
                date(retention, "currentPurgeDate"),
                date(retention, "originalPurgeDate"),
                Json.text(retention, "purgeBasedOn"),
                integer(retention, "retentionAdjustmentDays")),
        spam == null || !spam.isObject()
            ? null
            : new MessageInfo.Spam(
                integer(spam, "spamScore"),
                Json.text(spam, "detectionLevel"),
                Json.bool(detail, "greyEmail"),
                check(detail, "rbl"),
                check(detail, "spf"),
                check(detail, "dkim"),
                check(detail, "dmarc"),
                check(detail, "permittedSender"),
                check(detail, "managedSender")),
        queue == null || !queue.isObject()
            ? null
            : new MessageInfo.Queue(
                Json.text(queue, "id"),
                date(queue, "createTime"),
                Json.bool(queue, "deferred"),
                Json.text(queue, "reason"),
                Json.text(queue, "info"),
                Json.text(queue, "heldGroup"),
                Json.text(queue, "route"),
                Json.text(queue, "remoteIp")));
  }

  private MessageInfo.Copy copy(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    return new MessageInfo.Copy(
        Json.text(node, "fromHeader"),
        Json.text(node, "fromEnvelope"),
        texts(node, "to"),
        texts(node, "cc"),
        Json.text(node, "subject"),
        date(node, "sent"),
        date(node, "processed"),
        Json.text(node, "transmissionInfo"),
        Json.text(node, "route"));
  }

  private MessageInfo.Leg leg(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    List<MessageInfo.Component> components = new ArrayList<>();
    for (JsonNode c : Json.elements(node, "components")) {
      String hash = Json.text(c, "hash");
      components.add(
          new MessageInfo.Component(
              Json.text(c, "type"),
              Json.text(c, "name"),
              Json.text(c, "extension"),
              Json.text(c, "mimeType"),
              number(c, "size"),
              hash == null ? null : hash.toLowerCase(java.util.Locale.ROOT)));
    }
    String event = Json.text(node, "receiptEvent");
    return new MessageInfo.Leg(
        event != null ? event : Json.text(node, "deliveryEvent"),
        Json.text(node, "emailAddress"),
        integer(node, "messageExpiresIn"),
        Json.text(node, "processingServer"),
        number(node, "transmissionSize"),
        number(node, "binaryEmailSize"),
        Json.text(node, "remoteIp"),
        Json.text(node, "remoteHost"),
        Json.text(node, "remoteServerGreeting"),
        Json.text(node, "receiptAcknowledgement"),
        date(node, "transmissionStart"),
        date(node, "transmissionEnd"),
        Json.text(node, "encryptionInfo"),
        components);
  }

  private static MessageInfo.Check check(JsonNode parent, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || !node.isObject()) {
      return null;
    }
    return new MessageInfo.Check(Json.bool(node, "allow"), Json.text(node, "info"));
  }

  private JsonNode first() {
    return envelope
        .first()
        .orElseThrow(
            () ->
                new InvalidResponseException(
                    envelope.endpoint(),
                    envelope.requestId(),
                    "the response holds no data and no failure",
                    null));
  }

  /** An address object; a bare string counts as the address. */
  static EmailAddress address(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return new EmailAddress(node.asText(), null);
    }
    if (!node.isObject()) {
      return null;
    }
    return new EmailAddress(Json.text(node, "emailAddress"), Json.text(node, "displayableName"));
  }

  /** One address object or a list of them (the reference says either may come). */
  static List<EmailAddress> addresses(JsonNode node) {
    List<EmailAddress> addresses = new ArrayList<>();
    if (node == null || node.isNull()) {
      return addresses;
    }
    if (node.isArray()) {
      node.forEach(
          element -> {
            EmailAddress address = address(element);
            if (address != null) {
              addresses.add(address);
            }
          });
    } else {
      EmailAddress address = address(node);
      if (address != null) {
        addresses.add(address);
      }
    }
    return addresses;
  }

  private static List<String> texts(JsonNode node, String field) {
    List<String> values = new ArrayList<>();
    JsonNode value = node.get(field);
    if (value != null && value.isArray()) {
      value.forEach(v -> values.add(v.asText()));
    } else if (value != null && value.isTextual()) {
      values.add(value.asText());
    }
    return values;
  }

  private Instant date(JsonNode node, String field) {
    return envelope.date(node, field);
  }

  private static Long number(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.canConvertToLong()) {
      return value.longValue();
    }
    try {
      return Long.parseLong(value.asText().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer integer(JsonNode node, String field) {
    OptionalInt value = Json.integer(node, field);
    return value.isPresent() ? value.getAsInt() : null;
  }
}
