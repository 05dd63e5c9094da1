package dev.mci.simulator.events;

import dev.mci.simulator.tenant.AttachmentFile;
import dev.mci.simulator.tenant.AuthResults;
import dev.mci.simulator.tenant.AuthVerdict;
import dev.mci.simulator.tenant.Click;
import dev.mci.simulator.tenant.Delivery;
import dev.mci.simulator.tenant.DeliveryStatus;
import dev.mci.simulator.tenant.Domain;
import dev.mci.simulator.tenant.GatewayRejection;
import dev.mci.simulator.tenant.Hold;
import dev.mci.simulator.tenant.Mailbox;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.Route;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.TenantActivity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SIEM events one tenant message produces (reference 05 §5.3), with the same message id,
 * sender, recipients, IP, subject and attachment hashes that Message Finder and the archive show: a
 * receipt per recipient (accepted or rejected), a process event, a delivery per delivered or failed
 * copy (a held copy is delivered when it is released), attachment protect and av events per file, a
 * spam event for junk, impersonation protect hits for the planted phish, and journal events for
 * internal mail. One {@code aggregateId} joins them all.
 */
final class MessageEvents {

  /**
   * The latest an event can follow its message's receipt: a click up to 10 hours later (a held copy
   * is released within 3 hours).
   */
  static final Duration MAX_LAG = TenantActivity.MAX_CLICK_DELAY.plusMinutes(15);

  private static final long SALT_AGGREGATE = 0xA66L;
  private static final long SALT_STEP = 0x57E9L;
  private static final long SALT_DRAW = 0xD2A3L;
  private static final String[] CIPHERS = {
    "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "ECDHE-RSA-AES256-GCM-SHA384"
  };

  private final Tenant tenant;
  private final EventIds ids;
  private final String accountId;
  private final String primaryDomain;

  MessageEvents(Tenant tenant, EventIds ids) {
    this.tenant = tenant;
    this.ids = ids;
    this.accountId = tenant.account().accountCode();
    this.primaryDomain = tenant.internalDomains().get(0).name();
  }

  /** The {@code aggregateId} of message {@code index} (received at {@code epochSecond}). */
  String aggregateId(Message message) {
    return ids.aggregateId(SALT_AGGREGATE, message.index(), message.received().getEpochSecond());
  }

  /** Every event of the message, in time order. */
  List<SiemEvent> of(Message message) {
    List<SiemEvent> events = new ArrayList<>();
    long index = message.index();
    long second = message.received().getEpochSecond();
    long received = message.received().toEpochMilli();
    String aggregateId = aggregateId(message);
    boolean rejected = message.deliveries().get(0).status() == DeliveryStatus.REJECTED;
    String direction = direction(message.route());
    String tlsVersion = ids.draw(SALT_DRAW, index, 1, 5) == 0 ? "TLSv1.2" : "TLSv1.3";
    String cipher = CIPHERS[ids.draw(SALT_DRAW, index, 2, CIPHERS.length)];
    String attachmentCount = Integer.toString(message.attachments().size());
    String attachmentBytes =
        Long.toString(message.attachments().stream().mapToLong(AttachmentFile::size).sum());

    String receiptId = ids.processingId(SALT_STEP, index * 16, second);
    Map<Integer, GatewayRejection> rejections = new HashMap<>();
    if (rejected) {
      for (GatewayRejection rejection : tenant.activity().rejections(message)) {
        rejections.put(rejection.delivery().recipientIndex(), rejection);
      }
    }
    for (Delivery copy : message.deliveries()) {
      GatewayRejection rejection = rejections.get(copy.recipientIndex());
      Map<String, Object> f = common(aggregateId, receiptId);
      String action = rejected ? "Rej" : "Acc";
      f.put("action", action);
      f.put("subtype", action);
      f.put("direction", direction);
      f.put("messageId", message.messageIdHeader());
      f.put("numberAttachments", attachmentCount);
      f.put("receiptErrors", null);
      f.put("recipients", copy.recipient().address());
      f.put("rejectionCode", rejected ? "550" : null);
      f.put(
          "rejectionInfo",
          rejection != null ? rejection.description() : rejected ? copy.info() : null);
      f.put(
          "rejectionType",
          rejection != null ? rejection.info() : rejected ? rejectionType(message) : null);
      f.put("senderEnvelope", message.envelopeFrom().address());
      f.put("senderHeader", message.headerFrom().address());
      f.put("senderIp", message.senderIp());
      f.put("spamDetectionLevel", detectionLevel(message.detectionLevel()));
      f.put("spamInfo", "[]");
      f.put(
          "spamProcessingDetail",
          message.route() == Route.INBOUND ? spamProcessingDetail(message.authResults()) : null);
      f.put("spamScore", Integer.toString(message.spamScore()));
      f.put("subject", message.subject());
      f.put("tlsCipher", cipher);
      f.put("tlsVersion", tlsVersion);
      f.put("virusFound", null);
      events.add(SiemEvent.of(SiemType.RECEIPT, received + copy.recipientIndex(), f));
    }
    if (rejected) {
      return events;
    }

    String processId = ids.processingId(SALT_STEP, index * 16 + 1, second);
    if (message.route() == Route.INBOUND && isJunk(message)) {
      Map<String, Object> f = common(aggregateId, processId);
      f.put("subtype", null);
      f.put("messageId", message.messageIdHeader());
      f.put("recipients", message.deliveries().get(0).recipient().address());
      f.put("route", "Inbound");
      f.put("senderDomain", message.envelopeFrom().domain());
      f.put("senderEnvelope", message.envelopeFrom().address());
      f.put("senderHeader", message.headerFrom().address());
      f.put("senderIp", message.senderIp());
      f.put("subject", message.subject());
      f.put("taggedExternal", "true");
      f.put("taggedMalicious", Boolean.toString(message.spamScore() >= 15));
      events.add(SiemEvent.of(SiemType.SPAM, received + 1_000, f));
    }
    if (message.scenario()) {
      String impersonationId = ids.processingId(SALT_STEP, index * 16 + 2, second);
      for (Delivery copy : message.deliveries()) {
        Map<String, Object> f = common(aggregateId, impersonationId);
        f.put("subtype", null);
        f.put("action", copy.hold().isPresent() ? "Hold" : "Tag");
        f.put("messageId", message.messageIdHeader());
        f.put("newDomain", "true");
        f.put("policyDefinition", "Default Impersonation Protect");
        f.put("recipients", copy.recipient().address());
        f.put("route", "Inbound");
        f.put("senderEnvelope", message.envelopeFrom().address());
        f.put("senderHeader", message.headerFrom().address());
        f.put("senderIp", message.senderIp());
        f.put("subject", message.subject());
        f.put("taggedExternal", "true");
        f.put("taggedMalicious", "true");
        events.add(
            SiemEvent.of(
                SiemType.IMPERSONATION_PROTECT, received + 1_200 + copy.recipientIndex(), f));
      }
    }
    Map<String, Object> process = common(aggregateId, processId);
    String processAction = processAction(message);
    process.put("action", processAction);
    process.put("subtype", processAction);
    process.put(
        "attachments",
        message.attachments().isEmpty()
            ? null
            : message.attachments().stream()
                .map(file -> "\"" + file.fileName() + "\"")
                .collect(Collectors.joining(",")));
    process.put("emailSize", Long.toString(message.sizeBytes()));
    process.put("holdReason", holdReason(message));
    process.put("messageId", message.messageIdHeader());
    process.put("numberAttachments", attachmentCount);
    process.put("senderEnvelope", message.envelopeFrom().address());
    process.put("subject", message.subject());
    process.put("totalSizeAttachments", attachmentBytes);
    events.add(SiemEvent.of(SiemType.PROCESS, received + 1_500, process));

    if (message.route() == Route.INBOUND) {
      int fileNumber = 0;
      for (AttachmentFile file : message.attachments()) {
        String[] hashes = ids.hashes(file);
        String scanId = ids.processingId(SALT_STEP, index * 16 + 3 + fileNumber, second);
        Map<String, Object> f = common(aggregateId, scanId);
        f.put("subtype", null);
        f.put("fileExtension", extension(file.fileName()));
        f.put("fileName", file.fileName());
        f.put("md5", hashes[0]);
        f.put("sha1", hashes[1]);
        f.put("sha256", file.sha256());
        events.add(SiemEvent.of(SiemType.ATTACHMENT_PROTECT, received + 2_500 + fileNumber, f));
        if (file.malicious() && !message.scenario()) {
          Map<String, Object> av = new LinkedHashMap<>(f);
          av.put("recipients", message.deliveries().get(0).recipient().address());
          av.put("senderDomain", message.envelopeFrom().domain());
          av.put("senderDomainInternal", "false");
          av.put("senderEnvelope", message.envelopeFrom().address());
          av.put("senderIp", message.senderIp());
          av.put("subject", message.subject());
          events.add(SiemEvent.of(SiemType.AV, received + 2_600 + fileNumber, av));
        }
        fileNumber++;
      }
    }
    if (message.route() == Route.INTERNAL) {
      String journalId = ids.processingId(SALT_STEP, index * 16 + 12, second);
      for (Delivery copy : message.deliveries()) {
        Map<String, Object> f = common(aggregateId, journalId);
        f.put("subtype", null);
        f.put("direction", "Internal");
        f.put("messageId", message.messageIdHeader());
        f.put("recipients", copy.recipient().address());
        f.put("senderEnvelope", message.envelopeFrom().address());
        f.put("subject", message.subject());
        events.add(SiemEvent.of(SiemType.JOURNAL, received + 800 + copy.recipientIndex(), f));
      }
    }

    String deliveryId = ids.processingId(SALT_STEP, index * 16 + 13, second);
    for (Delivery copy : message.deliveries()) {
      Long at = deliveredAt(message, copy);
      if (at == null) {
        continue;
      }
      boolean delivered = copy.status() == DeliveryStatus.ARCHIVED;
      boolean inbound = message.route() != Route.OUTBOUND;
      Map<String, Object> f = common(aggregateId, deliveryId);
      f.put("subtype", Boolean.toString(delivered));
      f.put("Hostname", inbound ? "mail." + primaryDomain : "mx1." + copy.recipient().domain());
      f.put("delivered", Boolean.toString(delivered));
      f.put(
          "deliveryAttempts",
          copy.status() == DeliveryStatus.DEFERRED ? "3" : delivered ? "1" : "2");
      f.put("deliveryErrors", delivered ? null : copy.info());
      f.put("deliveryTime", Integer.toString(150 + ids.draw(SALT_DRAW, index, 3, 4_000)));
      f.put("destinationIp", inbound ? "10.20.0.25" : destinationIp(copy.recipient()));
      f.put("direction", direction);
      f.put("emailSize", Long.toString(message.sizeBytes()));
      f.put("messageId", message.messageIdHeader());
      f.put("numberAttachments", attachmentCount);
      f.put("recipients", copy.recipient().address());
      f.put("rejectionCode", delivered ? null : "550");
      f.put("rejectionInfo", delivered ? null : copy.info());
      f.put("rejectionType", delivered ? null : "Recipient Rejected");
      f.put("route", direction);
      f.put("senderEnvelope", message.envelopeFrom().address());
      f.put("subject", message.subject());
      f.put("tlsCipher", cipher);
      f.put("tlsUsed", "Yes");
      f.put("tlsVersion", tlsVersion);
      f.put("totalSizeAttachments", attachmentBytes);
      events.add(SiemEvent.of(SiemType.DELIVERY, at + copy.recipientIndex(), f));
    }
    for (Click click : tenant.activity().clicks(message)) {
      Map<String, Object> f =
          common(aggregateId, ids.processingId(SALT_STEP, index * 16 + 14, second));
      f.put("subtype", null);
      f.put("action", click.action());
      f.put("blockReason", click.blocked() ? click.scanResult() : null);
      f.put("recipients", click.user().address());
      f.put("route", "inbound");
      f.put("sender", message.envelopeFrom().address());
      f.put("senderDomain", message.envelopeFrom().domain());
      f.put(
          "sourceIp",
          tenant.user(click.user().address()).map(u -> tenant.behaviour(u).clickIp()).orElse(null));
      f.put("subject", message.subject());
      f.put("url", click.url().original());
      f.put("urlCategory", click.url().category());
      events.add(SiemEvent.of(SiemType.URL_PROTECT, click.at().toEpochMilli(), f));
    }
    events.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
    return events;
  }

  private Map<String, Object> common(String aggregateId, String processingId) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("accountId", accountId);
    f.put("aggregateId", aggregateId);
    f.put("processingId", processingId);
    return f;
  }

  /** When a copy left Mimecast, or null when it never did (held, rejected, queued). */
  private static Long deliveredAt(Message message, Delivery copy) {
    long received = message.received().toEpochMilli();
    switch (copy.status()) {
      case ARCHIVED:
        if (copy.hold().isPresent() && copy.hold().get().released()) {
          return copy.hold().get().releasedAt().orElseThrow().toEpochMilli() + 2_000;
        }
        return received + 3_000;
      case BOUNCED:
      case DEFERRED:
        return received + 4_000;
      default:
        return null;
    }
  }

  private boolean isJunk(Message message) {
    String domain = message.envelopeFrom().domain();
    for (Domain d : tenant.domains()) {
      if (d.name().equals(domain) && d.kind() == Domain.Kind.SPAM) {
        return true;
      }
    }
    return message.spamScore() >= 8;
  }

  private static String processAction(Message message) {
    if (message.deliveries().stream().anyMatch(d -> d.hold().isPresent())) {
      return "Hld";
    }
    if (message.attachments().stream().anyMatch(AttachmentFile::malicious)) {
      return "Sdbx";
    }
    return "Acc";
  }

  private static String holdReason(Message message) {
    return message.deliveries().stream()
        .map(Delivery::hold)
        .flatMap(java.util.Optional::stream)
        .map(Hold::reason)
        .findFirst()
        .map(
            reason ->
                switch (reason) {
                  case "Spam Signature" -> "Spm";
                  case "Attachment Protection" -> "Atp";
                  default -> "Cnt";
                })
        .orElse(null);
  }

  private static String rejectionType(Message message) {
    return message.spamScore() >= 8 ? "Header Rejected" : "Manual Envelope Rejection";
  }

  private static String direction(Route route) {
    return switch (route) {
      case INBOUND -> "Inbound";
      case OUTBOUND -> "Outbound";
      case INTERNAL -> "Internal";
    };
  }

  private static String detectionLevel(String level) {
    return switch (level) {
      case "relaxed" -> "5";
      case "moderate" -> "7";
      case "aggressive" -> "9";
      default -> null;
    };
  }

  private static String spamProcessingDetail(AuthResults auth) {
    return "{\"spf\":"
        + verdict(auth.spf())
        + ",\"dkim\":"
        + verdict(auth.dkim())
        + ",\"dmarc\":"
        + verdict(auth.dmarc())
        + "}";
  }

  private static String verdict(AuthVerdict verdict) {
    boolean allow = verdict != AuthVerdict.FAIL;
    String info =
        switch (verdict) {
          case PASS -> "ALLOW";
          case FAIL -> "FAIL";
          case NONE -> "UNKNOWN";
          default -> verdict.name();
        };
    return "{\"allow\":" + allow + ",\"info\":\"" + info + "\"}";
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String destinationIp(Mailbox recipient) {
    int h = recipient.domain().hashCode();
    return "192.0.2." + (100 + Math.floorMod(h, 100));
  }
}
