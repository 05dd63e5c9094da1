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
import dev.mci.simulator.tenant.AttachmentFile;
import dev.mci.simulator.tenant.AuthVerdict;
import dev.mci.simulator.tenant.ContentForm;
import dev.mci.simulator.tenant.Delivery;
import dev.mci.simulator.tenant.DeliveryStatus;
import dev.mci.simulator.tenant.Domain;
import dev.mci.simulator.tenant.Hold;
import dev.mci.simulator.tenant.IdFamily;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.MessageCopy;
import dev.mci.simulator.tenant.Route;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.Transmission;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/message-finder/get-message-info} (reference 02 §1): the full processing record
 * of one recipient's copy, in the recorded fixture's shape. The header block ({@code
 * transmissionInfo}) and component hashes come from the same rendering as the archive endpoints, so
 * every hash can be checked against downloaded bytes. Copies older than Message Finder's 30 days
 * are gone, like ids that never existed ({@code xdk_failure}).
 */
final class MessageFinderInfo implements ApiHandler {

  private final Tenant tenant;
  private final Rfc822Renderer renderer;

  MessageFinderInfo(Tenant tenant, Rfc822Renderer renderer) {
    this.tenant = tenant;
    this.renderer = renderer;
  }

  @Override
  public ApiReply handle(ApiCall call) {
    List<ObjectNode> items = call.items().isEmpty() ? List.of(Json.object()) : call.items();
    return ApiReply.eachItem(items, item -> info(item, call.now()));
  }

  private JsonNode info(ObjectNode item, Instant now) {
    List<ApiError> errors = new ArrayList<>();
    String id = Items.required(item, "id", errors);
    Items.check(errors);
    MessageCopy copy =
        tenant
            .messageCopy(id)
            .filter(c -> c.message().received().isAfter(now.minus(MessageFinderSearch.HISTORY)))
            .orElseThrow(Items::invalidId);
    Message message = copy.message();
    Delivery delivery = copy.delivery();
    RenderedMessage received = renderer.render(message, ContentForm.RECEIVED);
    Transmission transmission = tenant.content(message).transmission();
    int expiresIn =
        (int)
            Math.max(
                0,
                MessageFinderSearch.HISTORY
                    .minus(Duration.between(message.received(), now))
                    .toDays());

    ObjectNode info = Json.object();
    info.put("id", delivery.messageFinderId());
    info.put("status", delivery.status().wire());

    ObjectNode recipientInfo = info.putObject("recipientInfo");
    messageInfo(recipientInfo.putObject("messageInfo"), message, delivery, received, false);
    ObjectNode meta = recipientInfo.putObject("recipientMetaInfo");
    meta.put("receiptEvent", receiptEvent(message));
    meta.put("spamEvent", "na");
    meta.put("messageExpiresIn", expiresIn);
    meta.put("processingServer", transmission.processingServer());
    meta.put("transmissionSize", received.bytes().length);
    meta.put("binaryEmailSize", message.sizeBytes());
    meta.put("remoteIp", message.senderIp());
    meta.put("remoteHost", transmission.remoteHost());
    meta.put("remoteServerGreeting", transmission.greeting());
    meta.put(
        "receiptAcknowledgement",
        "250 SmtpThread-"
            + (message.index() % 9_000_000 + 1_000_000)
            + "@"
            + transmission.processingServer().replace(".mimecast.lan", "")
            + " Received OK");
    meta.put("transmissionStart", ApiDates.format(transmission.receiptStart()));
    meta.put("transmissionEnd", ApiDates.format(transmission.receiptEnd()));
    meta.put("encryptionInfo", transmission.tls() ? "TLS" : "");
    components(meta.putArray("components"), received);

    ObjectNode delivered = info.putObject("deliveredMessage");
    if (delivery.status() == DeliveryStatus.ARCHIVED) {
      RenderedMessage copyDelivered = renderer.render(message, ContentForm.DELIVERED);
      ObjectNode entry = delivered.putObject(delivery.recipient().address());
      messageInfo(entry.putObject("messageInfo"), message, delivery, copyDelivered, true);
      policies(entry.putArray("policyInfo"), message);
      ObjectNode deliveryMeta = entry.putObject("deliveryMetaInfo");
      deliveryMeta.put(
          "deliveryEvent",
          message.route() == Route.OUTBOUND
              ? "Email Delivered"
              : "Email Delivered via Routing Rule");
      deliveryMeta.put("emailAddress", delivery.recipient().address());
      deliveryMeta.put("messageExpiresIn", expiresIn);
      deliveryMeta.put("processingServer", transmission.processingServer());
      deliveryMeta.put("transmissionSize", copyDelivered.bytes().length);
      deliveryMeta.put("remoteIp", transmission.nextIp());
      deliveryMeta.put("remoteHost", transmission.nextHost());
      deliveryMeta.put("remoteServerGreeting", "220 " + transmission.nextHost() + " ESMTP");
      deliveryMeta.put("receiptAcknowledgement", "250 2.0.0 OK: message queued");
      deliveryMeta.put("transmissionStart", ApiDates.format(transmission.deliveryStart()));
      deliveryMeta.put("transmissionEnd", ApiDates.format(transmission.deliveryEnd()));
      deliveryMeta.put("encryptionInfo", "TLS");
      components(deliveryMeta.putArray("components"), copyDelivered);
    }

    ObjectNode retention = info.putObject("retentionInfo");
    String purge =
        ApiDates.format(message.received().atZone(ZoneOffset.UTC).plusYears(7).toInstant());
    retention.put("currentPurgeDate", purge);
    retention.put("purgeBasedOn", "original");
    retention.put("originalPurgeDate", purge);
    retention.put("retentionAdjustmentDays", -1);
    for (String empty :
        List.of("litigationHoldInfo", "fbrStamps", "smartTags", "fbrExpireCheck", "audits")) {
      retention.putArray(empty);
    }

    ObjectNode spam = info.putObject("spamInfo");
    spam.put("spamScore", message.spamScore());
    spam.put("detectionLevel", message.detectionLevel());
    ObjectNode detail = spam.putObject("spamProcessingDetail");
    verdict(detail.putObject("rbl"), true, "");
    detail.put("greyEmail", kindOf(message) == Domain.Kind.NEWSLETTER);
    verdict(detail.putObject("spf"), true, spfInfo(message.authResults().spf()));
    verdict(
        detail.putObject("dkim"),
        true,
        message.authResults().dkim() == AuthVerdict.PASS ? "allow" : "unknown");
    verdict(
        detail.putObject("dmarc"),
        true,
        message.authResults().dmarc() == AuthVerdict.PASS ? "allow" : "unknown");
    verdict(detail.putObject("permittedSender"), true, message.scenario() ? "whitelist" : "none");
    verdict(detail.putObject("managedSender"), true, "unknown");

    if (delivery.hold().isPresent() || delivery.status() != DeliveryStatus.ARCHIVED) {
      queueInfo(info.putObject("queueInfo"), message, delivery, transmission);
    }
    return info;
  }

  private static void messageInfo(
      ObjectNode node,
      Message message,
      Delivery delivery,
      RenderedMessage rendered,
      boolean route) {
    node.put("fromHeader", message.headerFrom().address());
    node.put("fromEnvelope", message.envelopeFrom().address());
    node.putArray("to").add(delivery.recipient().address());
    node.putArray("cc");
    node.put("subject", message.subject());
    node.put("sent", ApiDates.format(message.sent()));
    node.put("processed", ApiDates.format(message.received()));
    node.put("transmissionInfo", "<pre>\n" + escape(rendered.stub()) + "\n</pre>");
    if (route) {
      node.put("route", message.route().wire());
    }
  }

  private static void components(ArrayNode components, RenderedMessage rendered) {
    byte[] stub = rendered.stub().getBytes(StandardCharsets.UTF_8);
    component(
        components,
        "Email Transmission File",
        "transmission.eml",
        "eml",
        "message/rfc822-stubbed",
        stub.length,
        sha256(stub));
    byte[] html = rendered.html().getBytes(StandardCharsets.UTF_8);
    component(
        components,
        "Email Primary Body HTML",
        "body.htm",
        "htm",
        "text/html",
        html.length,
        sha256(html));
    byte[] text = rendered.text().getBytes(StandardCharsets.UTF_8);
    component(
        components,
        "Email Primary Body Plain Text",
        "body.txt",
        "txt",
        "text/plain",
        text.length,
        sha256(text));
    for (AttachmentFile file : rendered.attachments()) {
      String name = file.fileName();
      int dot = name.lastIndexOf('.');
      component(
          components,
          "Email Attachment",
          name,
          dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT),
          file.contentType(),
          file.size(),
          file.sha256());
    }
  }

  private static void component(
      ArrayNode components,
      String type,
      String name,
      String extension,
      String mimeType,
      long size,
      String hash) {
    ObjectNode c = components.addObject();
    c.put("type", type);
    c.put("name", name);
    c.put("extension", extension);
    c.put("mimeType", mimeType);
    c.put("size", size);
    c.put("hash", hash);
  }

  private void policies(ArrayNode policies, Message message) {
    List<String[]> applied = new ArrayList<>();
    if (message.route() == Route.INBOUND) {
      if (message.scenario()) {
        applied.add(new String[] {"Permitted Senders", "Permit sender"});
      }
      applied.add(new String[] {"Secure Receipt", "Opportunistic TLS"});
      applied.add(new String[] {"URL Protection", "Default Inbound URL Protect Definition"});
      applied.add(
          new String[] {"Attachment Protection", "Default Inbound Attachment Protect Definition"});
      applied.add(
          new String[] {
            "DNS Authentication - Inbound Checks", "Default DNS Authentication Inbound Definition"
          });
      applied.add(
          new String[] {
            "Attachment Management",
            "Default Attachment Management Definition - Block Dangerous File Types"
          });
      applied.add(
          new String[] {"Spam Scanning", capitalise(message.detectionLevel()) + " Spam Detection"});
      applied.add(
          new String[] {"Impersonation Protection", "Default Impersonation Protect Definition"});
    } else {
      applied.add(new String[] {"Secure Delivery", "Opportunistic TLS"});
      applied.add(
          new String[] {"Attachment Management", "Default Attachment Management Definition"});
    }
    applied.add(new String[] {"Delivery Routing", "Default Delivery Route"});
    for (String[] policy : applied) {
      ObjectNode p = policies.addObject();
      p.put("policyType", policy[0]);
      p.put("policyName", policy[1]);
      p.put("inherited", false);
    }
  }

  private void queueInfo(
      ObjectNode queue, Message message, Delivery delivery, Transmission transmission) {
    Instant created = delivery.hold().map(Hold::heldAt).orElse(message.received());
    queue.put("id", tenant.ids().encode(IdFamily.HELD, message.index(), delivery.recipientIndex()));
    queue.put("createTime", ApiDates.format(created));
    queue.put("deferred", delivery.status() == DeliveryStatus.DEFERRED);
    queue.put("attachments", message.hasAttachments());
    queue.put("fromEnvelope", message.envelopeFrom().address());
    queue.put("fromHeader", message.headerFrom().address());
    queue.put("heldGroup", "Administrator");
    queue.put(
        "info",
        delivery.hold().map(h -> "- " + h.reason() + " (Holding Message)").orElse(delivery.info()));
    queue.put("reason", delivery.hold().map(Hold::policy).orElse(delivery.info()));
    queue.put("manageRecipient", false);
    queue.put("mtaServerName", transmission.processingServer());
    queue.put("route", message.route().wire());
    queue.put("size", message.sizeBytes());
    queue.put("subject", message.subject());
    queue.put("to", delivery.recipient().address());
    queue.put("remoteIp", message.senderIp());
    queue.put("remoteServerName", transmission.remoteHost());
    queue.put("remoteServerGreeting", transmission.greeting());
  }

  private static String receiptEvent(Message message) {
    if (message.scenario()) {
      return "Email Received via header based Permitted Sender";
    }
    return message.authResults().spf() == AuthVerdict.FAIL
        ? "Email Received - SPF check failed"
        : "Email Received";
  }

  private static String spfInfo(AuthVerdict spf) {
    return switch (spf) {
      case PASS -> "allow";
      case FAIL -> "fail";
      case SOFTFAIL -> "softfail";
      case NEUTRAL -> "neutral";
      case NONE -> "unknown";
    };
  }

  private Domain.Kind kindOf(Message message) {
    String domain = message.headerFrom().domain();
    return tenant.domains().stream()
        .filter(d -> d.name().equals(domain))
        .map(Domain::kind)
        .findFirst()
        .orElse(Domain.Kind.INTERNAL);
  }

  private static void verdict(ObjectNode node, boolean allow, String info) {
    node.put("allow", allow);
    node.put("info", info);
  }

  private static String capitalise(String word) {
    return word.isEmpty() ? "Relaxed" : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /**
   * The recorded form escapes {@code <}, {@code >} and {@code "} (and so must escape {@code &}).
   */
  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
