package dev.mci.simulator.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds message {@code i} from the seed alone. Every draw comes from a generator seeded with
 * {@code (seed, i)}, so the message never needs storing and is identical on every call.
 */
final class MessageFactory {

  private static final long SALT_MESSAGE = 0x3E55L;

  private final long seed;
  private final Timeline timeline;
  private final TenantIds ids;
  private final List<User> users;
  private final List<Domain> externals;
  private final int[] externalWeights;
  private final int totalWeight;
  private final List<Domain> correspondents;
  private final UrlCatalogue urls;
  private final List<AttachmentFile> benignAttachments;
  private final List<AttachmentFile> maliciousAttachments;
  private final String gatewayIp;
  private final String adminAddress;
  // Filled while the tenant is built, before any request can read it.
  private final Map<Long, Message> planted = new ConcurrentHashMap<>();

  MessageFactory(
      long seed,
      Timeline timeline,
      TenantIds ids,
      List<User> users,
      List<Domain> externals,
      UrlCatalogue urls,
      List<AttachmentFile> attachments,
      String gatewayIp,
      String adminAddress) {
    this.seed = seed;
    this.timeline = timeline;
    this.ids = ids;
    this.users = users;
    this.externals = externals;
    this.externalWeights = new int[externals.size()];
    int total = 0;
    for (int i = 0; i < externals.size(); i++) {
      total += weightOf(externals.get(i));
      externalWeights[i] = total;
    }
    this.totalWeight = total;
    this.correspondents =
        externals.stream()
            .filter(
                d ->
                    d.kind() == Domain.Kind.PARTNER
                        || d.kind() == Domain.Kind.VENDOR
                        || d.kind() == Domain.Kind.FREEMAIL)
            .toList();
    this.urls = urls;
    List<AttachmentFile> benign = attachments.stream().filter(a -> !a.malicious()).toList();
    List<AttachmentFile> hostile = attachments.stream().filter(AttachmentFile::malicious).toList();
    // A tiny catalogue could lack one kind; fall back to the whole catalogue rather than fail.
    this.benignAttachments = benign.isEmpty() ? attachments : benign;
    this.maliciousAttachments = hostile.isEmpty() ? attachments : hostile;
    this.gatewayIp = gatewayIp;
    this.adminAddress = adminAddress;
  }

  /** Serves {@code message} at its index instead of a generated one. */
  void plant(Message message) {
    if (!timeline.isPlanted(message.index())) {
      throw new IllegalArgumentException("index " + message.index() + " is not a planted slot");
    }
    planted.put(message.index(), message);
  }

  Message create(long index) {
    if (timeline.isPlanted(index)) {
      Message message = planted.get(index);
      if (message != null) {
        return message;
      }
    }
    Rng r = Rng.of(seed, SALT_MESSAGE, index);
    Instant received = timeline.timeOf(index);
    double routeDraw = r.nextDouble();
    if (routeDraw < 0.60) {
      return inbound(index, received, r);
    }
    return routeDraw < 0.85 ? outbound(index, received, r) : internal(index, received, r);
  }

  private Message inbound(long index, Instant received, Rng r) {
    int slot = pickExternal(r);
    Domain domain = externals.get(slot);
    Mailbox from = externalSender(domain, r);
    Mailbox envelope =
        domain.kind() == Domain.Kind.NEWSLETTER || domain.kind() == Domain.Kind.SAAS
            ? new Mailbox("", "bounce-" + r.between(1000, 99999) + "@mail." + domain.name())
            : from;
    List<Mailbox> recipients = internalRecipients(r, null);
    String subject = subject(subjectsFor(domain.kind()), domain.brand(), r);

    boolean spam = domain.kind() == Domain.Kind.SPAM;
    List<AttachmentFile> files = new ArrayList<>();
    double attachShare =
        switch (domain.kind()) {
          case VENDOR -> 0.5;
          case PARTNER -> 0.3;
          case FREEMAIL, SPAM -> 0.25;
          default -> 0.05;
        };
    if (r.chance(attachShare)) {
      List<AttachmentFile> pool = spam ? maliciousAttachments : benignAttachments;
      files.add(r.pick(pool));
      if (r.chance(0.2)) {
        files.add(r.pick(pool));
      }
    }
    List<MessageUrl> links = new ArrayList<>();
    double urlShare =
        switch (domain.kind()) {
          case NEWSLETTER -> 0.9;
          case SAAS, SPAM -> 0.8;
          case VENDOR -> 0.3;
          default -> 0.2;
        };
    if (r.chance(urlShare)) {
      List<Integer> own = urls.forDomain(slot);
      int count = domain.kind() == Domain.Kind.NEWSLETTER ? r.between(2, 4) : r.between(1, 2);
      for (int k = 0; k < count && !own.isEmpty(); k++) {
        links.add(urls.get(r.pick(own)));
      }
    }
    boolean hostileContent = spam || files.stream().anyMatch(AttachmentFile::malicious);

    DeliveryStatus status;
    double s = r.nextDouble();
    if (spam) {
      status =
          s < 0.55
              ? DeliveryStatus.REJECTED
              : s < 0.9 ? DeliveryStatus.HELD : DeliveryStatus.ARCHIVED;
    } else {
      status =
          s < 0.93
              ? DeliveryStatus.ARCHIVED
              : s < 0.955
                  ? DeliveryStatus.HELD
                  : s < 0.97
                      ? DeliveryStatus.BOUNCED
                      : s < 0.98 ? DeliveryStatus.DEFERRED : DeliveryStatus.REJECTED;
    }
    int spamScore =
        hostileContent
            ? r.between(8, 30)
            : status == DeliveryStatus.HELD ? r.between(5, 12) : r.between(0, 4);
    double level = r.nextDouble();
    String detectionLevel = level < 0.6 ? "relaxed" : level < 0.9 ? "moderate" : "aggressive";
    AuthResults auth = spam ? spamAuth(r) : cleanAuth(r);

    Hold hold = null;
    if (status == DeliveryStatus.HELD) {
      hold = holdFor(received, r, hostileContent, false);
    } else if (status == DeliveryStatus.ARCHIVED && r.chance(0.015)) {
      hold = holdFor(received, r, hostileContent, true);
    }
    return assemble(
        index,
        received,
        r,
        Route.INBOUND,
        envelope,
        from,
        recipients,
        subject,
        domain.sendingIp(),
        spamScore,
        detectionLevel,
        auth,
        files,
        links,
        status,
        hold);
  }

  private Message outbound(long index, Instant received, Rng r) {
    User sender = users.get(r.nextInt(users.size()));
    int count = r.chance(0.8) ? 1 : r.between(2, 3);
    List<Mailbox> recipients = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      Domain domain = r.pick(correspondents);
      String first = r.pick(Names.FIRST_NAMES);
      String last = r.pick(Names.LAST_NAMES);
      Mailbox to = new Mailbox(first + " " + last, localPart(first, last) + "@" + domain.name());
      if (recipients.stream().noneMatch(m -> m.address().equals(to.address()))) {
        recipients.add(to);
      }
    }
    String subject = subject(Names.OUTBOUND_SUBJECTS, "", r);
    List<AttachmentFile> files = new ArrayList<>();
    if (r.chance(0.25)) {
      files.add(r.pick(benignAttachments));
    }
    double s = r.nextDouble();
    DeliveryStatus status =
        s < 0.96
            ? DeliveryStatus.ARCHIVED
            : s < 0.98
                ? DeliveryStatus.BOUNCED
                : s < 0.99 ? DeliveryStatus.DEFERRED : DeliveryStatus.HELD;
    Hold hold = status == DeliveryStatus.HELD ? holdFor(received, r, false, false) : null;
    return assemble(
        index,
        received,
        r,
        Route.OUTBOUND,
        sender.mailbox(),
        sender.mailbox(),
        recipients,
        subject,
        gatewayIp,
        0,
        "",
        AuthResults.notChecked(),
        files,
        List.of(),
        status,
        hold);
  }

  private Message internal(long index, Instant received, Rng r) {
    User sender = users.get(r.nextInt(users.size()));
    List<Mailbox> recipients = internalRecipients(r, sender);
    String subject = subject(Names.INTERNAL_SUBJECTS, "", r);
    List<AttachmentFile> files = new ArrayList<>();
    if (r.chance(0.2)) {
      files.add(r.pick(benignAttachments));
    }
    DeliveryStatus status = r.chance(0.99) ? DeliveryStatus.ARCHIVED : DeliveryStatus.HELD;
    Hold hold = status == DeliveryStatus.HELD ? holdFor(received, r, false, false) : null;
    return assemble(
        index,
        received,
        r,
        Route.INTERNAL,
        sender.mailbox(),
        sender.mailbox(),
        recipients,
        subject,
        gatewayIp,
        0,
        "",
        AuthResults.notChecked(),
        files,
        List.of(),
        status,
        hold);
  }

  private Message assemble(
      long index,
      Instant received,
      Rng r,
      Route route,
      Mailbox envelope,
      Mailbox from,
      List<Mailbox> recipients,
      String subject,
      String senderIp,
      int spamScore,
      String detectionLevel,
      AuthResults auth,
      List<AttachmentFile> files,
      List<MessageUrl> links,
      DeliveryStatus status,
      Hold hold) {
    List<Delivery> deliveries = new ArrayList<>(recipients.size());
    for (int k = 0; k < recipients.size(); k++) {
      deliveries.add(
          new Delivery(
              k,
              recipients.get(k),
              status,
              info(status, hold),
              ids.encode(IdFamily.TRACKING, index, k),
              Optional.ofNullable(hold)));
    }
    Optional<String> archiveId =
        status == DeliveryStatus.ARCHIVED
            ? Optional.of(ids.encode(IdFamily.ARCHIVE, index, 0))
            : Optional.empty();
    long size = r.between(3_000, 60_000);
    for (AttachmentFile file : files) {
      size += file.size() * 4 / 3;
    }
    return new Message(
        index,
        archiveId,
        messageIdHeader(index, from.domain()),
        received,
        received.minusSeconds(r.nextInt(120)),
        route,
        envelope,
        from,
        deliveries,
        subject,
        senderIp,
        spamScore,
        detectionLevel,
        auth,
        files,
        links,
        size,
        false);
  }

  String messageIdHeader(long index, String domain) {
    return "<" + ids.messageIdLocalPart(index) + "@" + domain + ">";
  }

  static String info(DeliveryStatus status, Hold hold) {
    switch (status) {
      case ARCHIVED:
        return "Indexed and archived";
      case HELD:
        return "Message Hold Applied - " + (hold == null ? "Policy" : hold.policy()) + " policy";
      case REJECTED:
        return "Envelope Rejected";
      case BOUNCED:
        return "Hard Bounce - Recipient Address Rejected";
      case DEFERRED:
        return "Delivery Deferred - Remote Server Unavailable";
      case DELIVERY:
        return "Queued for delivery";
      default:
        return "Accepted";
    }
  }

  private Hold holdFor(Instant received, Rng r, boolean hostile, boolean released) {
    String reason;
    String policy;
    if (hostile) {
      reason = "Attachment Protection";
      policy = "Attachment Sandbox";
    } else if (r.chance(0.5)) {
      reason = "Spam Signature";
      policy = "Spam Signature";
    } else {
      reason = "Content Examination";
      policy = "Data Leak Prevention";
    }
    Instant heldAt = received.plusSeconds(r.between(1, 5));
    if (!released) {
      return new Hold(heldAt, reason, policy, Optional.empty(), Optional.empty());
    }
    return new Hold(
        heldAt,
        reason,
        policy,
        Optional.of(heldAt.plusSeconds(r.between(300, 10_800))),
        Optional.of(adminAddress));
  }

  private List<Mailbox> internalRecipients(Rng r, User exclude) {
    double d = r.nextDouble();
    int count =
        d < 0.72 ? 1 : d < 0.92 ? r.between(2, 3) : d < 0.99 ? r.between(4, 8) : r.between(9, 20);
    count = Math.min(count, users.size() - (exclude == null ? 0 : 1));
    List<Mailbox> recipients = new ArrayList<>(count);
    int[] chosen = new int[count];
    int filled = 0;
    while (filled < count) {
      int candidate = r.nextInt(users.size());
      boolean taken = exclude != null && candidate == exclude.index();
      for (int k = 0; k < filled && !taken; k++) {
        taken = chosen[k] == candidate;
      }
      if (!taken) {
        chosen[filled++] = candidate;
        recipients.add(users.get(candidate).mailbox());
      }
    }
    return recipients;
  }

  private int pickExternal(Rng r) {
    int ticket = r.nextInt(totalWeight);
    for (int i = 0; i < externalWeights.length; i++) {
      if (ticket < externalWeights[i]) {
        return i;
      }
    }
    return externalWeights.length - 1;
  }

  private static Mailbox externalSender(Domain domain, Rng r) {
    switch (domain.kind()) {
      case VENDOR:
        if (r.chance(0.6)) {
          String local = r.pick(Names.SERVICE_LOCALS);
          return new Mailbox(domain.brand() + " " + capitalise(local), local + "@" + domain.name());
        }
        return person(domain, r);
      case NEWSLETTER:
        return new Mailbox(domain.brand(), r.pick(Names.NEWSLETTER_LOCALS) + "@" + domain.name());
      case SAAS:
        return new Mailbox(
            domain.brand(), (r.chance(0.5) ? "noreply" : "notifications") + "@" + domain.name());
      case SPAM:
        return new Mailbox(
            r.chance(0.5) ? "Account Security" : "Rewards Team",
            "alert" + r.between(10, 9999) + "@" + domain.name());
      default:
        return person(domain, r);
    }
  }

  private static Mailbox person(Domain domain, Rng r) {
    String first = r.pick(Names.FIRST_NAMES);
    String last = r.pick(Names.LAST_NAMES);
    return new Mailbox(first + " " + last, localPart(first, last) + "@" + domain.name());
  }

  static String localPart(String first, String last) {
    return (first + "." + last).toLowerCase(Locale.ROOT).replace("'", "").replace(' ', '-');
  }

  private static List<String> subjectsFor(Domain.Kind kind) {
    switch (kind) {
      case VENDOR:
        return Names.VENDOR_SUBJECTS;
      case PARTNER:
        return Names.PARTNER_SUBJECTS;
      case NEWSLETTER:
        return Names.NEWSLETTER_SUBJECTS;
      case SAAS:
        return Names.SAAS_SUBJECTS;
      case SPAM:
        return Names.SPAM_SUBJECTS;
      default:
        return Names.FREEMAIL_SUBJECTS;
    }
  }

  private static String subject(List<String> templates, String brand, Rng r) {
    return r.pick(templates)
        .replace("%b", brand)
        .replace("%n", Integer.toString(r.between(100, 99999)))
        .replace("%m", r.pick(Names.MONTHS))
        .replace("%p", r.pick(Names.PROJECTS));
  }

  private static AuthResults cleanAuth(Rng r) {
    AuthVerdict spf =
        r.chance(0.95) ? AuthVerdict.PASS : r.chance(0.5) ? AuthVerdict.SOFTFAIL : AuthVerdict.NONE;
    AuthVerdict dkim = r.chance(0.9) ? AuthVerdict.PASS : AuthVerdict.NONE;
    AuthVerdict dmarc =
        spf == AuthVerdict.PASS || dkim == AuthVerdict.PASS ? AuthVerdict.PASS : AuthVerdict.FAIL;
    return new AuthResults(spf, dkim, dmarc);
  }

  private static AuthResults spamAuth(Rng r) {
    AuthVerdict spf =
        r.pick(new AuthVerdict[] {AuthVerdict.FAIL, AuthVerdict.SOFTFAIL, AuthVerdict.NONE});
    AuthVerdict dkim = r.chance(0.7) ? AuthVerdict.NONE : AuthVerdict.FAIL;
    return new AuthResults(spf, dkim, r.chance(0.8) ? AuthVerdict.FAIL : AuthVerdict.NONE);
  }

  private static int weightOf(Domain domain) {
    for (Names.External external : Names.EXTERNALS) {
      if (domain.name().startsWith(external.stem() + ".")) {
        return external.weight();
      }
    }
    return 1;
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
