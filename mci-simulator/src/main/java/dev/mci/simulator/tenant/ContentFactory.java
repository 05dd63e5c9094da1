package dev.mci.simulator.tenant;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds a message's {@link MessageContent} from the seed and the message alone, so the content is
 * never stored and is identical on every call. Thread-safe.
 */
final class ContentFactory {

  private static final long SALT_TEXT = 0xB0D7L;
  private static final long SALT_TRANSMISSION = 0x5177L;
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private static final List<String> VENDOR =
      List.of(
          "Please find attached the latest documents for your records.",
          "Payment is due within thirty days of the invoice date.",
          "Let us know if any of the details need to be corrected.",
          "Our bank details have not changed since the last invoice.",
          "The shipment is scheduled to leave our warehouse this week.",
          "A copy has also been sent to your accounts payable team.");
  private static final List<String> PARTNER =
      List.of(
          "Thanks for the call earlier, here is a quick summary.",
          "Could we find time next week to go through the open points?",
          "I have shared the draft with the rest of the team.",
          "Happy to adjust the timeline if that helps on your side.",
          "Looking forward to the next steps.",
          "The revised figures are in the shared folder.");
  private static final List<String> NEWSLETTER =
      List.of(
          "Here are this week's top stories, picked for you.",
          "Markets moved sharply after the latest announcements.",
          "Read the full analysis on our website.",
          "Our editors looked at what the numbers mean for your sector.",
          "You are receiving this because you subscribed to our updates.");
  private static final List<String> SAAS =
      List.of(
          "There is new activity on your account.",
          "Sign in to review the details.",
          "If you did not expect this notification, you can ignore it.",
          "This is an automated message, please do not reply.",
          "Your workspace settings were updated.");
  private static final List<String> FREEMAIL =
      List.of(
          "Hope you are doing well.",
          "I wanted to follow up on our conversation.",
          "Let me know what you think when you have a moment.",
          "Sorry for the late reply, it has been a busy week.",
          "I will be in town next month if you are free.");
  private static final List<String> SPAM =
      List.of(
          "Your account has been selected for an exclusive reward.",
          "Act now, this offer expires in 24 hours.",
          "Verify your details to avoid suspension of your account.",
          "Claim your prize before it is given to someone else.",
          "Unusual sign-in activity was detected on your mailbox.");
  private static final List<String> LOOKALIKE =
      List.of(
          "I need a payment processed today, the details are in the attached document.",
          "This is time sensitive and confidential, please do not discuss it with anyone else.",
          "Open the attachment and confirm the transfer once it has gone out.",
          "I am travelling and can only be reached by email.",
          "Treat this as a priority over anything else on your desk this afternoon.");
  private static final List<String> COLLEAGUE =
      List.of(
          "Please see the notes below.",
          "Can you take a look before our meeting?",
          "I have attached the latest version.",
          "Thanks for your help with this.",
          "Let me know if you need anything else from me.",
          "We agreed to revisit this at the end of the quarter.");

  private final long seed;
  private final String region;
  private final String company;
  private final String primaryDomain;
  private final String gatewayIp;
  private final List<Domain> domains;
  private final String freemailDomain;

  ContentFactory(long seed, String region, String company, String gatewayIp, List<Domain> domains) {
    this.seed = seed;
    this.region = region;
    this.company = company;
    this.primaryDomain = Names.PRIMARY_DOMAIN;
    this.gatewayIp = gatewayIp;
    this.domains = List.copyOf(domains);
    this.freemailDomain =
        domains.stream()
            .filter(d -> d.kind() == Domain.Kind.FREEMAIL)
            .map(Domain::name)
            .findFirst()
            .orElse(Names.PRIMARY_DOMAIN);
  }

  MessageContent create(Message message) {
    Rng r = Rng.of(seed, SALT_TEXT, message.index());
    Domain.Kind kind = kindOf(message);
    Optional<Mailbox> replyTo = replyTo(message, kind, r);
    String greeting;
    List<String> paragraphs = new ArrayList<>();
    List<String> signature = new ArrayList<>();
    if (message.scenario()) {
      greeting = firstName(message.recipients().get(0)) + ",";
      paragraphs.add(
          "I need you to process an urgent wire transfer before the end of the day. We are"
              + " closing a confidential acquisition and the payment must go out today.");
      paragraphs.add(
          "The beneficiary details are in the attached document. Confirm the transfer with the"
              + " link below as soon as it is done.");
      paragraphs.add(
          "I am in meetings all afternoon, so reply by email only. Please keep this between us"
              + " for now.");
      signature.add(firstName(message.headerFrom()));
      signature.add("Sent from my iPhone");
    } else {
      List<String> pool = sentences(kind);
      greeting = greeting(message, kind);
      for (int p = 0; p < 2; p++) {
        paragraphs.add(r.pick(pool) + " " + r.pick(pool));
      }
      signature.add(
          message.headerFrom().displayName().isEmpty()
              ? message.headerFrom().address()
              : message.headerFrom().displayName());
      signature.add(organisation(message, kind));
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < message.urls().size(); i++) {
      labels.add(message.scenario() ? "Confirm the transfer" : label(kind));
    }
    Optional<String> banner =
        message.route() == Route.INBOUND
            ? Optional.of(
                "[EXTERNAL] This email came from outside "
                    + company
                    + ". Do not click links or open attachments unless you recognise the sender"
                    + " and know the content is safe.")
            : Optional.empty();
    return new MessageContent(
        message,
        replyTo,
        greeting,
        paragraphs,
        labels,
        signature,
        banner,
        deliveredAttachments(message),
        transmission(message));
  }

  private List<DeliveredAttachment> deliveredAttachments(Message message) {
    List<DeliveredAttachment> delivered = new ArrayList<>();
    for (AttachmentFile file : message.attachments()) {
      // The scenario's page got through (its held copy was released); other hostile files
      // were caught: archives dropped, the rest swapped for a notice.
      if (!file.malicious() || message.scenario() || message.route() != Route.INBOUND) {
        delivered.add(
            new DeliveredAttachment(file, DeliveredAttachment.Action.KEPT, Optional.empty(), ""));
      } else if (file.contentType().equals("application/zip")) {
        delivered.add(
            new DeliveredAttachment(
                file,
                DeliveredAttachment.Action.REMOVED,
                Optional.empty(),
                "Default Attachment Management Definition - Block Dangerous File Types"));
      } else {
        delivered.add(
            new DeliveredAttachment(
                file,
                DeliveredAttachment.Action.REPLACED,
                Optional.of(notice(file)),
                "Default Inbound Attachment Protect Definition"));
      }
    }
    return delivered;
  }

  private static AttachmentFile notice(AttachmentFile original) {
    byte[] text =
        ("Mimecast Attachment Protection replaced an attachment of this message because it was"
                + " found to be malicious.\r\n\r\nOriginal file name: "
                + original.fileName().replaceAll("\\p{Cntrl}", "?")
                + "\r\nOriginal file type: "
                + original.contentType()
                + "\r\nOriginal size: "
                + original.size()
                + " bytes\r\nOriginal SHA-256: "
                + original.sha256()
                + "\r\n\r\nContact your IT team if you need the original file.\r\n")
            .getBytes(StandardCharsets.UTF_8);
    return new AttachmentFile(
        -1, original.fileName() + ".txt", "text/plain", text.length, false, text::clone);
  }

  private Transmission transmission(Message message) {
    Rng r = Rng.of(seed, SALT_TRANSMISSION, message.index());
    String senderDomain = message.envelopeFrom().domain();
    String remoteHost;
    if (message.route() == Route.INBOUND) {
      remoteHost =
          kindOf(message) == Domain.Kind.SPAM
              ? "smtp-" + r.between(10, 99) + "." + senderDomain
              : "mx" + r.between(1, 4) + "." + senderDomain;
    } else {
      remoteHost = "mail." + primaryDomain;
    }
    int mta = r.between(100, 999);
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < 22; i++) {
      token.append(ALPHANUMERIC.charAt(r.nextInt(ALPHANUMERIC.length())));
    }
    String smtpId = region + "-mta-" + mta + "-" + token + "-1";
    String processingServer = region + "-mta-" + mta + "." + region + ".mimecast.lan";
    boolean tls = message.route() != Route.INBOUND || r.chance(0.9);
    Instant receiptEnd = message.received();
    Instant receiptStart = receiptEnd.minusSeconds(r.between(1, 3));
    int deliveryNode = r.between(1, 250);
    String deliveryServer = region + "-smtp-delivery-" + deliveryNode + ".mimecast.com";
    String deliveryIp = "205.139.110." + deliveryNode;
    String nextHost;
    String nextIp;
    if (message.route() == Route.OUTBOUND) {
      String recipientDomain = message.recipients().get(0).domain();
      nextHost = "mx." + recipientDomain;
      nextIp =
          domains.stream()
              .filter(d -> d.name().equalsIgnoreCase(recipientDomain))
              .map(Domain::sendingIp)
              .findFirst()
              .orElse("192.0.2.200");
    } else {
      nextHost = "mail." + primaryDomain;
      nextIp = gatewayIp;
    }
    Instant released =
        message.deliveries().stream()
            .flatMap(d -> d.hold().flatMap(Hold::releasedAt).stream())
            .findFirst()
            .orElse(receiptEnd);
    Instant deliveryStart = released.plusSeconds(r.between(1, 4));
    Instant deliveryEnd = deliveryStart.plusSeconds(r.between(1, 3));
    return new Transmission(
        remoteHost,
        "EHLO " + remoteHost,
        smtpId,
        processingServer,
        tls,
        receiptStart,
        receiptEnd,
        deliveryServer,
        deliveryIp,
        nextHost,
        nextIp,
        deliveryStart,
        deliveryEnd);
  }

  private Optional<Mailbox> replyTo(Message message, Domain.Kind kind, Rng r) {
    Mailbox from = message.headerFrom();
    if (message.scenario() || kind == Domain.Kind.LOOKALIKE) {
      // The classic executive-fraud tell: replies go to a free mailbox, not the CEO.
      String local = from.displayName().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".");
      return Optional.of(new Mailbox(from.displayName(), local + ".office@" + freemailDomain));
    }
    switch (kind) {
      case SPAM:
        return r.chance(0.5)
            ? Optional.of(
                new Mailbox(
                    from.displayName(), "claims-" + r.between(100, 9999) + "@" + freemailDomain))
            : Optional.empty();
      case NEWSLETTER:
      case SAAS:
        return Optional.of(new Mailbox(from.displayName(), "support@" + from.domain()));
      case VENDOR:
        return r.chance(0.15)
            ? Optional.of(new Mailbox(from.displayName(), "accounts-receivable@" + from.domain()))
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private Domain.Kind kindOf(Message message) {
    if (message.route() != Route.INBOUND) {
      return Domain.Kind.INTERNAL;
    }
    String domain = message.headerFrom().domain();
    return domains.stream()
        .filter(d -> d.name().equalsIgnoreCase(domain))
        .map(Domain::kind)
        .findFirst()
        .orElse(Domain.Kind.PARTNER);
  }

  private static List<String> sentences(Domain.Kind kind) {
    switch (kind) {
      case VENDOR:
        return VENDOR;
      case PARTNER:
        return PARTNER;
      case NEWSLETTER:
        return NEWSLETTER;
      case SAAS:
        return SAAS;
      case FREEMAIL:
        return FREEMAIL;
      case SPAM:
        return SPAM;
      case LOOKALIKE:
        return LOOKALIKE;
      default:
        return COLLEAGUE;
    }
  }

  private static String label(Domain.Kind kind) {
    switch (kind) {
      case VENDOR:
        return "View the invoice";
      case NEWSLETTER:
        return "Read more";
      case SAAS:
        return "Open your account";
      case SPAM:
        return "Verify now";
      default:
        return "Shared document";
    }
  }

  private static String greeting(Message message, Domain.Kind kind) {
    if (kind == Domain.Kind.NEWSLETTER || kind == Domain.Kind.SAAS || kind == Domain.Kind.SPAM) {
      return "Hello,";
    }
    return message.recipients().size() == 1
        ? "Hi " + firstName(message.recipients().get(0)) + ","
        : "Hi all,";
  }

  private String organisation(Message message, Domain.Kind kind) {
    if (kind == Domain.Kind.INTERNAL) {
      return company;
    }
    String domain = message.headerFrom().domain();
    return domains.stream()
        .filter(d -> d.name().equalsIgnoreCase(domain))
        .map(Domain::brand)
        .findFirst()
        .orElse(domain);
  }

  private static String firstName(Mailbox mailbox) {
    String name = mailbox.displayName().strip();
    if (name.isEmpty()) {
      return mailbox.address().substring(0, mailbox.address().indexOf('@'));
    }
    int space = name.indexOf(' ');
    return space > 0 ? name.substring(0, space) : name;
  }

  /** A 40-hex digest standing for Mimecast's {@code smash} content hash. */
  static String smash(long seed, Message message) {
    long a = Rng.mix(seed, 0x5A5AL, message.index());
    long b = Rng.mix(a, message.sizeBytes(), message.received().getEpochSecond());
    long c = Rng.mix(b, 0x5A5BL, message.index());
    byte[] bytes = new byte[20];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (a >>> (8 * i));
      bytes[8 + i] = (byte) (b >>> (8 * i));
    }
    for (int i = 0; i < 4; i++) {
      bytes[16 + i] = (byte) (c >>> (8 * i));
    }
    return HexFormat.of().formatHex(bytes);
  }
}
