package dev.mci.simulator.tenant;

import dev.mci.simulator.TenantSize;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The simulated Mimecast tenant: a read-only, deterministic world generated from a seed and a size
 * and anchored to a "now" (truncated to the minute). Users, domains, groups and the URL and
 * attachment catalogues are small and held in memory; messages are generated on demand from {@code
 * (seed, index)} and ordered by time, so even {@link TenantSize#LARGE} uses flat memory.
 *
 * <p>Thread-safe: everything is immutable once generated.
 */
public final class Tenant {

  /** How far back messages go. */
  public static final Duration HISTORY = Timeline.SPAN;

  private static final long SALT_SCENARIO = 0x5CE7L;
  private static final long SALT_WAVE = 0x5CE8L;
  private static final String GATEWAY_IP = "198.51.100.10";

  private final long seed;
  private final TenantSize size;
  private final Instant now;
  private final TenantIds ids;
  private final Account account;
  private final List<User> users;
  private final Map<String, User> usersByAddress;
  private final List<Domain> domains;
  private final List<Group> groups;
  private final UrlCatalogue urls;
  private final List<AttachmentFile> attachments;
  private final Timeline timeline;
  private final MessageFactory messages;
  private final PhishingScenario scenario;
  private final ContentFactory contents;
  private final List<UserBehaviour> behaviours;
  // Built on first use: areas that never ask for protection activity pay nothing for it.
  private volatile TenantActivity activity;

  private Tenant(long seed, TenantSize size, Instant now) {
    this.seed = seed;
    this.size = size;
    this.now = now.truncatedTo(ChronoUnit.MINUTES);
    this.ids = new TenantIds(seed);
    this.users = Directory.users(seed, size.userCount());
    Map<String, User> byAddress = new LinkedHashMap<>();
    users.forEach(u -> byAddress.put(u.address(), u));
    this.usersByAddress = Map.copyOf(byAddress);
    User admin = users.get(2);
    this.account =
        new Account(
            "CUSA"
                + Long.toHexString(Rng.mix(seed, 0xACC7L, 0) & 0xFFFFFFL).toUpperCase(Locale.ROOT),
            Names.COMPANY,
            "us",
            admin.address());

    Rng scenarioRng = Rng.of(seed, SALT_SCENARIO, 0);
    String lookalike = scenarioRng.pick(Names.LOOKALIKE_STEMS) + ".example";
    String attackerIp = "203.0.113." + scenarioRng.between(20, 250);

    List<Domain> externals = new ArrayList<>();
    for (int i = 0; i < Names.EXTERNALS.size(); i++) {
      Names.External e = Names.EXTERNALS.get(i);
      externals.add(
          new Domain(e.stem() + ".example", false, e.kind(), e.brand(), "192.0.2." + (20 + i)));
    }
    List<Domain> allDomains = new ArrayList<>();
    allDomains.add(
        new Domain(Names.PRIMARY_DOMAIN, true, Domain.Kind.INTERNAL, Names.COMPANY, GATEWAY_IP));
    allDomains.add(
        new Domain(
            Names.SECONDARY_DOMAIN,
            true,
            Domain.Kind.INTERNAL,
            Names.COMPANY + " Labs",
            GATEWAY_IP));
    allDomains.addAll(externals);
    allDomains.add(new Domain(lookalike, false, Domain.Kind.LOOKALIKE, Names.COMPANY, attackerIp));
    this.domains = List.copyOf(allDomains);
    this.contents = new ContentFactory(seed, account.region(), Names.COMPANY, GATEWAY_IP, domains);

    this.urls = new UrlCatalogue(ids, account.region());
    int urlsPerDomain = Math.max(3, urlCount(size) / externals.size());
    for (int i = 0; i < externals.size(); i++) {
      urls.addDomain(seed, i, externals.get(i), urlsPerDomain);
    }
    List<AttachmentFile> catalogue = Attachments.catalogue(seed, attachmentCount(size));

    // The impostor's address is known before the directory is built: an administrator was talked
    // into adding it to Permitted Senders, which is why the planted message got through.
    User ceo = users.get(0);
    Mailbox impostor =
        new Mailbox(
            ceo.displayName(),
            MessageFactory.localPart(ceo.firstName(), ceo.lastName()) + "@" + lookalike);
    this.groups = Directory.groups(ids, users, externals, impostor);

    Instant scenarioTime =
        this.now.minus(Duration.ofDays(2).plusHours(3).plusMinutes(12)).plusSeconds(7);
    // The campaign's earlier wave, drawn from its own generator so the scenario's draws stay put.
    Rng waveRng = Rng.of(seed, SALT_WAVE, 0);
    List<Instant> waveTimes = earlierWaveTimes(waveRng, scenarioTime, size);
    this.timeline = new Timeline(seed, this.now, size.messageCount(), scenarioTime, waveTimes);

    // The scenario's URL and attachment join the catalogues so decode-url and hash lookups work.
    MessageUrl maliciousUrl =
        urls.add(
            "https://login." + lookalike + "/wire/confirm?ref=" + scenarioRng.between(10000, 99999),
            "Phishing & Fraud",
            true);
    AttachmentFile page =
        Attachments.phishingPage(
            catalogue.size(),
            "Wire_Transfer_Details.pdf.html",
            maliciousUrl.original(),
            Names.COMPANY);
    List<AttachmentFile> files = new ArrayList<>(catalogue);
    files.add(page);
    this.attachments = List.copyOf(files);

    // Ordinary messages draw from the catalogue without the scenario's file: only the planted
    // message and its earlier wave carry it, so "seen in N other messages" has a known N.
    this.messages =
        new MessageFactory(
            seed, timeline, ids, users, externals, urls, catalogue, GATEWAY_IP, admin.address());
    List<Message> earlierWave =
        plantEarlierWave(waveRng, waveTimes, lookalike, impostor, attackerIp, page);
    this.scenario =
        plantScenario(
            scenarioRng,
            lookalike,
            impostor,
            attackerIp,
            maliciousUrl,
            page,
            admin,
            scenarioTime,
            earlierWave);
    this.behaviours = Behaviours.derive(seed, users, scenario);
  }

  /**
   * Generates the tenant for {@code seed} and {@code size}, anchored to {@code now} truncated to
   * the minute. The same arguments always give the same tenant.
   */
  public static Tenant generate(long seed, TenantSize size, Instant now) {
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(now, "now");
    return new Tenant(seed, size, now);
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The size. */
  public TenantSize size() {
    return size;
  }

  /** The tenant's "now", truncated to the minute; no message is received at or after it. */
  public Instant now() {
    return now;
  }

  /** When the oldest messages were received ({@link #now()} minus {@link #HISTORY}). */
  public Instant messagesFrom() {
    return timeline.start();
  }

  /** The opaque id codec, for endpoints that mint or read ids. */
  public TenantIds ids() {
    return ids;
  }

  /** The account. */
  public Account account() {
    return account;
  }

  /** The IP the tenant's own mail servers send from (outbound and internal mail). */
  public String gatewayIp() {
    return GATEWAY_IP;
  }

  /** All domains: internal ones first, then external correspondents, then the lookalike. */
  public List<Domain> domains() {
    return domains;
  }

  /** The tenant's own domains. */
  public List<Domain> internalDomains() {
    return domains.stream().filter(Domain::internal).toList();
  }

  /** Whether {@code domain} belongs to the tenant. */
  public boolean isInternalDomain(String domain) {
    return internalDomains().stream().anyMatch(d -> d.name().equalsIgnoreCase(domain));
  }

  /** The users; index 0 is the CEO, 1 the CFO, 2 the IT administrator. */
  public List<User> users() {
    return users;
  }

  /** The user with this address, case-insensitively. */
  public Optional<User> user(String address) {
    return Optional.ofNullable(usersByAddress.get(address.strip().toLowerCase(Locale.ROOT)));
  }

  /** The directory groups. */
  public List<Group> groups() {
    return groups;
  }

  /** The group with this id. */
  public Optional<Group> group(String id) {
    return ids.decode(id, IdFamily.GROUP)
        .filter(d -> d.index() < groups.size())
        .map(d -> groups.get((int) d.index()));
  }

  /** Every URL that appears in message bodies, with its rewrite. */
  public List<MessageUrl> urls() {
    return urls.all();
  }

  /** The URL a URL Protect rewrite stands for; empty unless this tenant minted it. */
  public Optional<MessageUrl> decodeUrl(String rewrittenUrl) {
    return urls.decode(rewrittenUrl);
  }

  /** Every file that travels as an attachment. */
  public List<AttachmentFile> attachments() {
    return attachments;
  }

  /** The planted phishing scenario. */
  public PhishingScenario scenario() {
    return scenario;
  }

  /**
   * What the protection layers saw and did (clicks, attachment verdicts, impersonation hits, hold
   * outcomes, rejections, managed URLs, remediation incidents), derived from the messages.
   */
  public TenantActivity activity() {
    TenantActivity result = activity;
    if (result == null) {
      synchronized (this) {
        result = activity;
        if (result == null) {
          result = new TenantActivity(this);
          activity = result;
        }
      }
    }
    return result;
  }

  /** How {@code user} treats links; the one source every area uses for who clicks. */
  public UserBehaviour behaviour(User user) {
    return behaviours.get(user.index());
  }

  /** Every user's behaviour, in {@link #users()} order. */
  public List<UserBehaviour> behaviours() {
    return behaviours;
  }

  /**
   * The risky clickers, in {@link #users()} order: users who click links in real mail (URL Protect
   * logs show their clicks) and who also clicked the latest phishing-simulation campaign. About one
   * user in ten; at least three of them received the planted phishing message. The administrator
   * who released it is never among them, and its held recipient only by the seed's draw.
   */
  public List<User> riskyUsers() {
    return behaviours.stream()
        .filter(UserBehaviour::clicksRealLinks)
        .map(UserBehaviour::user)
        .toList();
  }

  /**
   * The content of {@code message}: bodies, Reply-To, banner, URL rewrites, attachment handling and
   * SMTP legs, as received and as delivered. Generated on demand; equal on every call.
   */
  public MessageContent content(Message message) {
    return contents.create(message);
  }

  /** The 40-hex {@code smash} content hash of an archived message (not an id). */
  public String smash(Message message) {
    return ContentFactory.smash(seed, message);
  }

  /** Number of messages over the whole history. */
  public long messageCount() {
    return size.messageCount();
  }

  /** Message {@code index}, generated on demand; equal on every call. */
  public Message message(long index) {
    Objects.checkIndex(index, messageCount());
    return messages.create(index);
  }

  /** When message {@code index} was received, without generating the message. */
  public Instant receivedAt(long index) {
    Objects.checkIndex(index, messageCount());
    return timeline.timeOf(index);
  }

  /** The indexes of messages received in {@code [from, to]} (both inclusive). */
  public IndexRange indexRange(Instant from, Instant to) {
    if (to.isBefore(from)) {
      return new IndexRange(0, 0);
    }
    long first = timeline.firstAtOrAfter(secondCeiling(from));
    long end = timeline.firstAtOrAfter(to.getEpochSecond() + 1);
    return new IndexRange(first, Math.max(first, end));
  }

  /** The messages in {@code range}, oldest first, generated lazily. */
  public Stream<Message> messages(IndexRange range) {
    return LongStream.range(range.from(), range.to()).mapToObj(messages::create);
  }

  /** The message with this {@code Message-ID} header, with or without angle brackets. */
  public Optional<Message> messageByHeaderId(String messageId) {
    String bare = stripBrackets(messageId);
    int at = bare.indexOf('@');
    if (at <= 0) {
      return Optional.empty();
    }
    return ids.messageIndexOfLocalPart(bare.substring(0, at))
        .filter(i -> i < messageCount())
        .map(messages::create)
        .filter(m -> stripBrackets(m.messageIdHeader()).equalsIgnoreCase(bare));
  }

  /** The recipient copy a Message Finder id names. */
  public Optional<MessageCopy> messageCopy(String messageFinderId) {
    return ids.decode(messageFinderId, IdFamily.TRACKING)
        .filter(d -> d.index() < messageCount())
        .flatMap(
            d -> {
              Message message = messages.create(d.index());
              return d.sub() < message.deliveries().size()
                  ? Optional.of(new MessageCopy(message, message.deliveries().get(d.sub())))
                  : Optional.empty();
            });
  }

  /** The archived message an archive id names. */
  public Optional<Message> messageByArchiveId(String archiveId) {
    return ids.decode(archiveId, IdFamily.ARCHIVE)
        .filter(d -> d.index() < messageCount())
        .map(d -> messages.create(d.index()))
        .filter(m -> m.archiveId().isPresent());
  }

  private static long secondCeiling(Instant instant) {
    return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
  }

  private static String stripBrackets(String messageId) {
    String value = messageId.strip();
    if (value.startsWith("<")) {
      value = value.substring(1);
    }
    if (value.endsWith(">")) {
      value = value.substring(0, value.length() - 1);
    }
    return value.strip();
  }

  private PhishingScenario plantScenario(
      Rng r,
      String lookalike,
      Mailbox sender,
      String attackerIp,
      MessageUrl maliciousUrl,
      AttachmentFile page,
      User admin,
      Instant received,
      List<Message> earlierWave) {
    User ceo = users.get(0);
    User cfo = users.get(1);
    String subject = r.pick(Names.PHISHING_SUBJECTS);

    // The CFO first (the real target), then a seeded shuffle of everyone else but the CEO.
    List<User> others = new ArrayList<>(users.subList(2, users.size()));
    shuffle(others, r);
    List<User> targets = new ArrayList<>();
    targets.add(cfo);
    targets.addAll(others.subList(0, Math.min(39, others.size())));

    long index = timeline.scenarioIndex();
    Instant heldAt = received.plusSeconds(2);
    Instant releasedAt = heldAt.plus(Duration.ofMinutes(47)).plusSeconds(31);
    Hold hold =
        new Hold(
            heldAt,
            "Attachment Protection",
            "Attachment Sandbox",
            Optional.of(releasedAt),
            Optional.of(admin.address()));
    List<Delivery> deliveries = archivedCopies(index, targets, Optional.of(hold));
    String archiveId = ids.encode(IdFamily.ARCHIVE, index, 0);
    Message message =
        new Message(
            index,
            Optional.of(archiveId),
            messages.messageIdHeader(index, lookalike),
            received,
            received.minusSeconds(4),
            Route.INBOUND,
            sender,
            sender,
            deliveries,
            subject,
            attackerIp,
            2,
            "relaxed",
            new AuthResults(AuthVerdict.PASS, AuthVerdict.PASS, AuthVerdict.PASS),
            List.of(page),
            List.of(maliciousUrl),
            7_300 + page.size() * 4 / 3,
            true);
    messages.plant(message);
    return new PhishingScenario(
        ceo,
        sender,
        sender,
        lookalike,
        attackerIp,
        subject,
        message.messageIdHeader(),
        received,
        index,
        archiveId,
        deliveries.stream().map(Delivery::messageFinderId).toList(),
        message.recipients(),
        message.urls(),
        maliciousUrl,
        page,
        cfo.mailbox(),
        heldAt,
        admin.address(),
        releasedAt,
        earlierWave);
  }

  /**
   * When the earlier wave arrived: a working morning 15 to 18 days before the planted message (so
   * before the lookalike domain was blocked, 11 days before it), one message every 50 minutes to
   * 2.5 hours. The gap is wider than any tenant's timeline slot (43 minutes at most), so each
   * message has a slot of its own.
   */
  private static List<Instant> earlierWaveTimes(Rng r, Instant scenarioTime, TenantSize size) {
    int most =
        switch (size) {
          case SMALL -> 6;
          case MEDIUM -> 9;
          default -> 12;
        };
    int count = r.between(3, most);
    Instant at =
        scenarioTime
            .minus(Duration.ofDays(r.between(15, 18)))
            .truncatedTo(ChronoUnit.DAYS)
            .plusSeconds(r.between(7 * 3600, 10 * 3600));
    List<Instant> times = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      times.add(at);
      at = at.plusSeconds(r.between(50 * 60, 150 * 60));
    }
    return times;
  }

  /**
   * The same campaign's first attempt: the CEO's display name on other addresses of the lookalike
   * domain, from another of the attacker's IPs, to one to three staff each, every message carrying
   * the same hostile page. Not yet permitted, the page was caught by Attachment Protect and the
   * delivered copies carry a notice in its place, as for any other hostile file.
   */
  private List<Message> plantEarlierWave(
      Rng r,
      List<Instant> times,
      String lookalike,
      Mailbox impostor,
      String attackerIp,
      AttachmentFile page) {
    String impostorLocal = impostor.address().substring(0, impostor.address().indexOf('@'));
    List<String> locals = new ArrayList<>(Names.ATTACKER_LOCALS);
    locals.remove(impostorLocal);
    shuffle(locals, r);
    List<Mailbox> senders =
        locals.subList(0, r.between(1, 2)).stream()
            .map(local -> new Mailbox(impostor.displayName(), local + "@" + lookalike))
            .toList();
    String ip;
    do {
      ip = "203.0.113." + r.between(20, 250);
    } while (ip.equals(attackerIp));
    List<String> subjects = new ArrayList<>(Names.EARLIER_WAVE_SUBJECTS);
    shuffle(subjects, r);

    List<Message> wave = new ArrayList<>(times.size());
    for (int w = 0; w < times.size(); w++) {
      Instant received = times.get(w);
      long index = timeline.plantedIndex(received);
      Mailbox sender = senders.get(w % senders.size());
      // Anyone but the CEO, whose name the attacker borrows.
      int count = r.between(1, 3);
      List<User> targets = new ArrayList<>(count);
      while (targets.size() < count) {
        User candidate = users.get(r.between(1, users.size() - 1));
        if (!targets.contains(candidate)) {
          targets.add(candidate);
        }
      }
      List<Delivery> deliveries = archivedCopies(index, targets, Optional.empty());
      Message message =
          new Message(
              index,
              Optional.of(ids.encode(IdFamily.ARCHIVE, index, 0)),
              messages.messageIdHeader(index, lookalike),
              received,
              received.minusSeconds(r.between(3, 60)),
              Route.INBOUND,
              sender,
              sender,
              deliveries,
              subjects.get(w % subjects.size()),
              ip,
              r.between(8, 14),
              "relaxed",
              new AuthResults(AuthVerdict.PASS, AuthVerdict.PASS, AuthVerdict.PASS),
              List.of(page),
              List.of(),
              r.between(6_000, 9_000) + page.size() * 4 / 3,
              false);
      messages.plant(message);
      wave.add(message);
    }
    return wave;
  }

  /**
   * The archived copies of planted message {@code index}, one per target; the first may be held.
   */
  private List<Delivery> archivedCopies(long index, List<User> targets, Optional<Hold> firstHeld) {
    List<Delivery> deliveries = new ArrayList<>(targets.size());
    for (int k = 0; k < targets.size(); k++) {
      deliveries.add(
          new Delivery(
              k,
              targets.get(k).mailbox(),
              DeliveryStatus.ARCHIVED,
              MessageFactory.info(DeliveryStatus.ARCHIVED, null),
              ids.encode(IdFamily.TRACKING, index, k),
              k == 0 ? firstHeld : Optional.empty()));
    }
    return deliveries;
  }

  private static <T> void shuffle(List<T> list, Rng r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T swap = list.get(i);
      list.set(i, list.get(j));
      list.set(j, swap);
    }
  }

  private static int urlCount(TenantSize size) {
    switch (size) {
      case SMALL:
        return 200;
      case MEDIUM:
        return 1_000;
      default:
        return 4_000;
    }
  }

  private static int attachmentCount(TenantSize size) {
    switch (size) {
      case SMALL:
        return 60;
      case MEDIUM:
        return 300;
      default:
        return 1_500;
    }
  }
}
