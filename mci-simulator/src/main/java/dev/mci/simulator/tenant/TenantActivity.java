package dev.mci.simulator.tenant;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the tenant's protection layers saw and did, derived from its messages so that every endpoint
 * tells the same story: URL Protect clicks, Attachment Protect verdicts, Impersonation Protect
 * hits, what happened to held copies, gateway rejections, the managed URL list and remediation
 * incidents.
 *
 * <p>Per-message facts are pure functions of the seed and the message, computed on every call
 * (nothing per message is stored, so memory stays flat for any tenant size). The tenant-wide lists
 * (managed URLs, incidents, which attachment hashes were ever seen) are small and computed once.
 * Obtain it from {@link Tenant#activity()}. Thread-safe.
 */
public final class TenantActivity {

  /** Every click happens within this long after its message was received. */
  public static final Duration MAX_CLICK_DELAY = Duration.ofHours(10);

  /** Every attachment verdict is given within this long after its message was received. */
  public static final Duration MAX_SCAN_DELAY = Duration.ofMinutes(2);

  /**
   * How long a held copy stays in the hold queue without action; after that it has been rejected by
   * an operator or expired (simulator choice: Mimecast does not document the period).
   */
  public static final Duration HOLD_QUEUE_RETENTION = Duration.ofDays(30);

  /**
   * Operator actions on held copies (release, reject) happen within this long after the message was
   * received; expiry happens exactly {@link #HOLD_QUEUE_RETENTION} after the hold.
   */
  public static final Duration MAX_OPERATOR_DELAY = Duration.ofHours(30);

  /** After this long past the planted message, the administrator's managed URL block applies. */
  static final Duration SCENARIO_BLOCK_AFTER = Duration.ofMinutes(70);

  private static final long SALT_CLICK = 0xC11CL;
  private static final long SALT_SCAN = 0x5CA7L;
  private static final long SALT_IMPERSONATION = 0x1A9EL;
  private static final long SALT_HOLD = 0x40D5L;
  private static final long SALT_REJECTION = 0x4E7EL;
  private static final long SALT_IDS = 0x1D5AL;

  private static final String URL_DEFINITION = "Default Inbound URL Protect Definition";
  private static final String ATTACHMENT_DEFINITION =
      "Default Inbound Attachment Protect Definition";
  private static final String VIP_ATTACHMENT_DEFINITION = "Inbound - VIP Attachment Sandbox";
  private static final String IMPERSONATION_DEFINITION = "Default Impersonation Protect Definition";
  private static final String IMPERSONATION_TAG_DEFINITION = "IP - 1 hit (Tag email)";

  private static final List<String> DICTIONARY_PHRASES =
      List.of("wire transfer", "gift cards", "urgent payment", "verify your account", "invoice");

  private static final List<String> REJECT_REASONS =
      List.of(
          "Message contains undesirable content",
          "Message goes against email policies",
          "Inappropriate communication");

  private final Tenant tenant;
  private final long seed;
  private final List<String> administrators;
  private final List<ManagedUrl> managedUrls;
  private volatile List<RemediationIncident> incidents;
  private volatile Map<String, AttachmentFile> filesBySha256;
  private volatile BitSet filesSeen;

  TenantActivity(Tenant tenant) {
    this.tenant = tenant;
    this.seed = tenant.seed();
    this.administrators = administrators(tenant);
    this.managedUrls = buildManagedUrls();
  }

  // ---------------------------------------------------------------- URL Protect

  /**
   * The clicks on links of {@code message}: only on delivered copies of inbound mail, only by risky
   * clickers, never before a held copy was released and never after the tenant's "now". Every click
   * lies within {@link #MAX_CLICK_DELAY} of the message. On the planted message the first clicker
   * is allowed through, the second is warned and continues, later clickers are blocked: the third
   * by the administrator's managed URL block (after 70 minutes), the rest by URL reputation.
   */
  public List<Click> clicks(Message message) {
    if (message.route() != Route.INBOUND || message.urls().isEmpty()) {
      return List.of();
    }
    List<Click> clicks = new ArrayList<>();
    int clicker = 0;
    for (Delivery delivery : message.deliveries()) {
      if (delivery.status() != DeliveryStatus.ARCHIVED || !clicksRealLinks(delivery)) {
        continue;
      }
      Instant available = delivery.hold().flatMap(Hold::releasedAt).orElse(message.received());
      if (message.scenario()) {
        boolean released = delivery.hold().map(Hold::released).orElse(false);
        clicks.add(scenarioClick(message, delivery, available, released ? -1 : clicker));
        clicker += released ? 0 : 1;
        continue;
      }
      for (int j = 0; j < message.urls().size(); j++) {
        Rng r = Rng.of(seed, SALT_CLICK, key(message.index(), delivery.recipientIndex(), j));
        if (!r.chance(0.4)) {
          continue;
        }
        Instant at = available.plusSeconds(r.between(30, 6 * 3600));
        clicks.add(backgroundClick(message, delivery, j, at, r));
      }
    }
    clicks.removeIf(click -> !click.at().isBefore(tenant.now()));
    return clicks;
  }

  private Click scenarioClick(Message message, Delivery delivery, Instant available, int clicker) {
    Rng r = Rng.of(seed, SALT_CLICK, key(message.index(), delivery.recipientIndex(), 0));
    Instant t0 = message.received();
    Instant at;
    if (clicker < 0) {
      at = available.plusSeconds(r.between(200, 400));
    } else if (clicker == 0) {
      at = t0.plusSeconds(6 * 60 + r.between(0, 120));
    } else if (clicker == 1) {
      at = t0.plusSeconds(14 * 60 + r.between(0, 120));
    } else if (clicker == 2) {
      // Late enough that the administrator's managed URL block is what stops it.
      at = t0.plus(SCENARIO_BLOCK_AFTER).plusSeconds(5 * 60 + r.between(0, 240));
    } else {
      at = t0.plusSeconds(26 * 60 + (clicker - 3) * 11 * 60L + r.between(0, 240));
    }
    MessageUrl url = message.urls().get(0);
    if (at.isBefore(t0.plus(Duration.ofMinutes(25)))) {
      // Before the URL's reputation turned: allowed, and the second clicker was warned but went on.
      boolean warned = clicker == 1;
      return new Click(
          at,
          message,
          delivery,
          0,
          url,
          warned ? "warn" : "allow",
          "clean",
          "N/A",
          warned ? "Continue" : "None",
          warned ? "Continue" : "N/A");
    }
    boolean managed = !at.isBefore(t0.plus(SCENARIO_BLOCK_AFTER));
    return new Click(
        at,
        message,
        delivery,
        0,
        url,
        "block",
        "malicious",
        managed ? "Block" : "N/A",
        "None",
        "N/A");
  }

  private Click backgroundClick(Message message, Delivery delivery, int j, Instant at, Rng r) {
    MessageUrl url = message.urls().get(j);
    Optional<ManagedUrl> managed = managedUrls.stream().filter(m -> m.covers(url)).findFirst();
    String scan = url.malicious() ? "malicious" : "clean";
    if (managed.isPresent()) {
      boolean block = managed.get().action().equals("block");
      return new Click(
          at,
          message,
          delivery,
          j,
          url,
          block ? "block" : "allow",
          scan,
          block ? "Block" : "Permit",
          "None",
          "N/A");
    }
    if (url.malicious()) {
      return new Click(at, message, delivery, j, url, "block", scan, "N/A", "None", "N/A");
    }
    boolean warned = r.chance(0.03);
    return new Click(
        at,
        message,
        delivery,
        j,
        url,
        warned ? "warn" : "allow",
        scan,
        "N/A",
        warned ? "Continue" : "None",
        warned ? "Continue" : "N/A");
  }

  private boolean clicksRealLinks(Delivery delivery) {
    return tenant
        .user(delivery.recipient().address())
        .map(user -> tenant.behaviour(user).clicksRealLinks())
        .orElse(false);
  }

  /** The definition name URL Protect reports on every click. */
  public String urlProtectDefinition() {
    return URL_DEFINITION;
  }

  /**
   * The account's managed URL list, blocks first: the planted lookalike domain and its phishing
   * URL, each junk sender's credential-phishing host, then permits for a newsletter's tracking
   * links and a partner portal.
   */
  public List<ManagedUrl> managedUrls() {
    return managedUrls;
  }

  private List<ManagedUrl> buildManagedUrls() {
    PhishingScenario scenario = tenant.scenario();
    List<ManagedUrl> list = new ArrayList<>();
    list.add(
        managed(
            list.size(),
            "https",
            scenario.senderDomain(),
            "",
            "",
            "domain",
            "block",
            "IR: CEO impersonation, wire-transfer phish"));
    URI phish = URI.create(scenario.maliciousUrl().original());
    list.add(
        managed(
            list.size(),
            phish.getScheme(),
            phish.getHost(),
            phish.getRawPath() == null ? "" : phish.getRawPath(),
            phish.getRawQuery() == null ? "" : phish.getRawQuery(),
            "explicit",
            "block",
            "IR: credential harvesting page"));
    Domain newsletter = null;
    Domain partner = null;
    for (Domain domain : tenant.domains()) {
      switch (domain.kind()) {
        case SPAM:
          list.add(
              managed(
                  list.size(),
                  "https",
                  "secure-login." + domain.name(),
                  "",
                  "",
                  "domain",
                  "block",
                  "Credential phishing kit reported by users"));
          break;
        case NEWSLETTER:
          newsletter = newsletter == null ? domain : newsletter;
          break;
        case PARTNER:
          partner = partner == null ? domain : partner;
          break;
        default:
          break;
      }
    }
    if (newsletter != null) {
      list.add(
          managed(
              list.size(),
              "https",
              "links." + newsletter.name(),
              "",
              "",
              "domain",
              "permit",
              "Newsletter tracking links flagged in error"));
    }
    if (partner != null) {
      list.add(
          managed(
              list.size(),
              "https",
              "www." + partner.name(),
              "/portal/login",
              "",
              "explicit",
              "permit",
              "Partner portal; approved by IT"));
    }
    return List.copyOf(list);
  }

  private ManagedUrl managed(
      int index,
      String scheme,
      String domain,
      String path,
      String query,
      String matchType,
      String action,
      String comment) {
    boolean permit = action.equals("permit");
    return new ManagedUrl(
        "wOi3MC" + opaque(1, index, 0, 45),
        scheme,
        domain.toLowerCase(Locale.ROOT),
        -1,
        path,
        query,
        matchType,
        action,
        comment,
        permit && path.isEmpty() && index % 2 == 0,
        permit,
        false);
  }

  // ---------------------------------------------------------------- Attachment Protect

  /**
   * Attachment Protect's verdicts on {@code message}: one per attachment per copy of inbound mail
   * that was delivered or held, within {@link #MAX_SCAN_DELAY} of receipt. Hostile files are {@code
   * malicious} (held copies: {@code sandbox, hold}); on the planted message only the held VIP's
   * copy went through the sandbox and was found malicious, the others passed as safe.
   */
  public List<AttachmentScan> attachmentScans(Message message) {
    if (message.route() != Route.INBOUND || message.attachments().isEmpty()) {
      return List.of();
    }
    List<AttachmentScan> scans = new ArrayList<>();
    for (Delivery delivery : message.deliveries()) {
      boolean held = delivery.hold().isPresent();
      if (delivery.status() != DeliveryStatus.ARCHIVED
          && delivery.status() != DeliveryStatus.HELD) {
        continue;
      }
      for (int k = 0; k < message.attachments().size(); k++) {
        AttachmentFile file = message.attachments().get(k);
        Rng r = Rng.of(seed, SALT_SCAN, key(message.index(), delivery.recipientIndex(), k));
        String result;
        String action;
        String definition = ATTACHMENT_DEFINITION;
        int seconds;
        if (message.scenario()) {
          if (held) {
            result = "malicious";
            action = "sandbox, hold";
            definition = VIP_ATTACHMENT_DEFINITION;
            seconds = r.between(30, 90);
          } else {
            result = "safe";
            action = "none";
            seconds = r.between(1, 4);
          }
        } else if (file.malicious()) {
          result = "malicious";
          action = held ? "sandbox, hold" : "sandbox, block";
          seconds = r.between(20, 110);
        } else if (r.chance(0.01)) {
          result = "timeout";
          action = "sandbox, none";
          seconds = 110;
        } else {
          result = "safe";
          action = "none";
          seconds = r.between(1, 8);
        }
        scans.add(
            new AttachmentScan(
                message.received().plusSeconds(seconds),
                message,
                delivery,
                k,
                file,
                result,
                action,
                definition,
                seconds));
      }
    }
    scans.removeIf(scan -> !scan.at().isBefore(tenant.now()));
    return scans;
  }

  // ---------------------------------------------------------------- Impersonation Protect

  /**
   * Impersonation Protect's detections on {@code message}: every copy of the planted message (the
   * CEO's display name on a lookalike domain), and some inbound mail from free-mail and junk
   * senders. The action is {@code hold} exactly when the copy is held; copies Mimecast rejected
   * never reached the check.
   */
  public List<ImpersonationHit> impersonationHits(Message message) {
    if (message.route() != Route.INBOUND) {
      return List.of();
    }
    Optional<Domain> senderDomain =
        tenant.domains().stream()
            .filter(d -> d.name().equalsIgnoreCase(message.headerFrom().domain()))
            .findFirst();
    Domain.Kind kind = senderDomain.map(Domain::kind).orElse(Domain.Kind.PARTNER);
    Rng r = Rng.of(seed, SALT_IMPERSONATION, message.index());
    List<String> identifiers = new ArrayList<>();
    List<ImpersonationHit.Match> matches = new ArrayList<>();
    String sender = message.headerFrom().address();
    String domain = message.headerFrom().domain();
    if (message.scenario()) {
      User ceo = tenant.scenario().impersonated();
      identifiers.add("internal_user_name");
      matches.add(
          new ImpersonationHit.Match(
              "internal_user_name",
              ceo.displayName(),
              Optional.of(ceo.displayName() + " <" + ceo.address() + ">"),
              Optional.of("hit")));
      identifiers.add("similar_internal_domain");
      matches.add(
          new ImpersonationHit.Match(
              "similar_internal_domain",
              domain,
              Optional.of(ceo.mailbox().domain()),
              Optional.of("hit")));
      identifiers.add("newly_observed_domain");
      matches.add(
          new ImpersonationHit.Match(
              "newly_observed_domain", domain, Optional.empty(), Optional.empty()));
    } else if (kind == Domain.Kind.FREEMAIL && r.chance(0.2)) {
      identifiers.add("reply_address_mismatch");
      matches.add(
          new ImpersonationHit.Match(
              "reply_address_mismatch", sender, Optional.empty(), Optional.of("hit")));
      if (r.chance(0.4)) {
        addDictionaryHit(identifiers, matches, r);
      }
    } else if (kind == Domain.Kind.SPAM && r.chance(0.5)) {
      identifiers.add("newly_observed_domain");
      matches.add(
          new ImpersonationHit.Match(
              "newly_observed_domain", domain, Optional.empty(), Optional.empty()));
      addDictionaryHit(identifiers, matches, r);
    } else {
      return List.of();
    }
    int hits = identifiers.size();
    List<ImpersonationHit> found = new ArrayList<>();
    for (Delivery delivery : message.deliveries()) {
      if (delivery.status() != DeliveryStatus.ARCHIVED
          && delivery.status() != DeliveryStatus.HELD) {
        continue;
      }
      found.add(
          new ImpersonationHit(
              message.received().plusSeconds(1),
              message,
              delivery,
              "MTOKEN:" + opaque(2, message.index(), delivery.recipientIndex(), 48),
              hits >= 2 ? IMPERSONATION_DEFINITION : IMPERSONATION_TAG_DEFINITION,
              identifiers,
              matches,
              delivery.status() == DeliveryStatus.HELD ? "hold" : "none",
              true,
              hits >= 2));
    }
    found.removeIf(hit -> !hit.at().isBefore(tenant.now()));
    return found;
  }

  private static void addDictionaryHit(
      List<String> identifiers, List<ImpersonationHit.Match> matches, Rng r) {
    identifiers.add("targeted_threat_dictionary");
    matches.add(
        new ImpersonationHit.Match(
            "targeted_threat_dictionary",
            r.pick(DICTIONARY_PHRASES),
            Optional.empty(),
            Optional.empty()));
  }

  // ---------------------------------------------------------------- holds and releases

  /**
   * What happened to a held copy, or empty while it is still in the hold queue (and for copies that
   * were never held). A released {@link Hold} was released by its administrator. A copy still
   * {@code held} more than {@link #HOLD_QUEUE_RETENTION} before the tenant's "now" is gone from the
   * queue: rejected by one of the named administrators or, for inbound mail, by its recipient
   * (within {@link #MAX_OPERATOR_DELAY}), or expired by housekeeping after the retention period.
   * Copies held more recently are still held, as Message Finder reports them.
   */
  public Optional<HoldOutcome> holdOutcome(Message message, Delivery delivery) {
    Optional<Hold> hold = delivery.hold();
    if (hold.isEmpty()) {
      return Optional.empty();
    }
    Hold h = hold.get();
    if (h.released()) {
      return Optional.of(
          new HoldOutcome(
              HoldOutcome.Kind.RELEASED,
              h.releasedAt().get(),
              h.releasedBy().get(),
              "Released by administrator",
              Optional.empty()));
    }
    if (delivery.status() != DeliveryStatus.HELD
        || !h.heldAt().isBefore(tenant.now().minus(HOLD_QUEUE_RETENTION))) {
      return Optional.empty();
    }
    Rng r = Rng.of(seed, SALT_HOLD, key(message.index(), delivery.recipientIndex(), 0));
    double draw = r.nextDouble();
    Instant acted = h.heldAt().plusSeconds(r.between(600, 24 * 3600));
    if (draw < 0.45) {
      return Optional.of(
          new HoldOutcome(
              HoldOutcome.Kind.REJECTED,
              acted,
              r.pick(administrators),
              "Rejected by administrator",
              Optional.of(r.pick(REJECT_REASONS))));
    }
    if (draw < 0.70 && message.route() == Route.INBOUND) {
      return Optional.of(
          new HoldOutcome(
              HoldOutcome.Kind.REJECTED,
              acted,
              delivery.recipient().address(),
              "Rejected by user",
              Optional.of(REJECT_REASONS.get(0))));
    }
    return Optional.of(
        new HoldOutcome(
            HoldOutcome.Kind.EXPIRED,
            h.heldAt().plus(HOLD_QUEUE_RETENTION),
            "",
            "Expired in queue - rejected by housekeeping",
            Optional.of("Message expired in the hold queue")));
  }

  /** Whether the copy is in the hold queue now: held and no outcome yet. */
  public boolean inHoldQueue(Message message, Delivery delivery) {
    return delivery.status() == DeliveryStatus.HELD
        && delivery.hold().isPresent()
        && holdOutcome(message, delivery).isEmpty();
  }

  /** The administrators who act on held mail: the account administrator first. */
  public List<String> administrators() {
    return administrators;
  }

  private static List<String> administrators(Tenant tenant) {
    List<String> list = new ArrayList<>();
    list.add(tenant.account().adminEmail());
    tenant.users().stream()
        .filter(u -> u.department().equals("IT") && !list.contains(u.address()))
        .findFirst()
        .ifPresent(u -> list.add(u.address()));
    return List.copyOf(list);
  }

  // ---------------------------------------------------------------- gateway rejections

  /**
   * The rejection log rows of {@code message}: one per copy Message Finder reports as {@code
   * rejected}, at the receive time. Junk mail is rejected for a blocklisted IP or a failed SPF
   * check before the body is accepted; other rejected mail for its content or size.
   */
  public List<GatewayRejection> rejections(Message message) {
    List<GatewayRejection> rows = new ArrayList<>();
    for (Delivery delivery : message.deliveries()) {
      if (delivery.status() != DeliveryStatus.REJECTED) {
        continue;
      }
      Rng r = Rng.of(seed, SALT_REJECTION, message.index());
      boolean junk = message.spamScore() >= 8 || message.authResults().spf() == AuthVerdict.FAIL;
      String domain = message.envelopeFrom().domain();
      int type;
      String info;
      String description;
      boolean beforeData;
      if (junk && message.authResults().spf() == AuthVerdict.FAIL) {
        type = 2;
        info = "Sender Failed SPF Check";
        description = "Envelope rejected: SPF hard fail for " + domain;
        beforeData = true;
      } else if (junk && r.chance(0.7)) {
        type = 1;
        info = "IP Found in RBL";
        description = "Envelope rejected: sending IP is on a real-time blocklist";
        beforeData = true;
      } else if (junk) {
        type = 4;
        info = "Message Rejected: Spam Signature";
        description = "Message rejected: matched a spam signature";
        beforeData = false;
      } else if (r.chance(0.5)) {
        type = 5;
        info = "Anti-Spoofing Header Lockout";
        description = "Envelope rejected: anti-spoofing policy";
        beforeData = true;
      } else {
        type = 6;
        info = "Message Size Limit Exceeded";
        description = "Message rejected: larger than the account's size limit";
        beforeData = false;
      }
      rows.add(
          new GatewayRejection(
              message.received(),
              message,
              delivery,
              "eNpFjs" + opaque(3, message.index(), delivery.recipientIndex(), 36),
              type,
              info,
              description,
              beforeData,
              type == 1 ? "unknown" : "mail." + domain,
              "EHLO mail." + domain));
    }
    return rows;
  }

  // ---------------------------------------------------------------- remediation

  /**
   * The remediation incidents, oldest first: the administrator's removal of the planted message by
   * Message-ID and a notify-only incident by its URL, up to three automatic incidents by the
   * Mimecast security team for recent delivered hostile files, and a vendor invoice removed in
   * error and restored. Computed once.
   */
  public List<RemediationIncident> incidents() {
    List<RemediationIncident> list = incidents;
    if (list == null) {
      synchronized (this) {
        list = incidents;
        if (list == null) {
          list = buildIncidents();
          incidents = list;
        }
      }
    }
    return list;
  }

  /** The incident with this id. */
  public Optional<RemediationIncident> incident(String id) {
    String wanted = id == null ? "" : id.strip();
    return incidents().stream().filter(i -> i.id().equals(wanted)).findFirst();
  }

  private record Draft(
      String type,
      String reason,
      Instant created,
      Instant modified,
      RemediationIncident.Criteria c) {}

  private List<RemediationIncident> buildIncidents() {
    PhishingScenario scenario = tenant.scenario();
    Instant t0 = scenario.received();
    List<Draft> drafts = new ArrayList<>();
    Instant removal = t0.plus(Duration.ofHours(2)).plusSeconds(5 * 60 + 13);
    drafts.add(
        new Draft(
            "manual",
            "IR: CEO impersonation wire-transfer phish - remove from mailboxes",
            removal,
            removal.plusSeconds(163),
            criteria(
                t0.minus(Duration.ofDays(1)),
                removal,
                Optional.of(scenario.messageIdHeader()),
                Optional.empty(),
                Optional.empty(),
                0)));
    Instant notify = t0.plus(Duration.ofHours(2)).plusSeconds(31 * 60);
    drafts.add(
        new Draft(
            "notify_only",
            "IR: warn recipients of the credential-phishing link",
            notify,
            notify.plusSeconds(40),
            criteria(
                t0.minus(Duration.ofDays(1)),
                notify,
                Optional.empty(),
                Optional.empty(),
                Optional.of(scenario.maliciousUrl().original()),
                1)));
    drafts.addAll(automaticDrafts());
    restoredDraft().ifPresent(drafts::add);
    drafts.removeIf(d -> !d.created().isBefore(tenant.now()));
    drafts.sort(Comparator.comparing(Draft::created));

    List<RemediationIncident> built = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      int identified = countDelivered(d.c());
      int failed = d.type().equals("manual") && identified > 1 ? 1 : 0;
      int successful = d.type().equals("notify_only") ? 0 : identified - failed;
      int restored = d.type().equals("restored") ? successful : 0;
      String letter = d.type().equals("automatic") ? "A" : "M";
      built.add(
          new RemediationIncident(
              "eNo1jk" + opaque(4, i, 0, 30),
              String.format(
                  Locale.ROOT, "TR-%s-%05d-%s", tenant.account().accountCode(), i + 1, letter),
              d.type(),
              d.reason(),
              identified,
              successful,
              d.type().equals("notify_only") ? 0 : failed,
              restored,
              d.created(),
              d.modified(),
              d.c()));
    }
    return List.copyOf(built);
  }

  private RemediationIncident.Criteria criteria(
      Instant start,
      Instant end,
      Optional<String> messageId,
      Optional<String> fileHash,
      Optional<String> url,
      int salt) {
    Rng r = Rng.of(seed, SALT_IDS + 7, salt * 1_000_003L + start.getEpochSecond());
    return new RemediationIncident.Criteria(
        start, end, messageId, fileHash, url, "UR-" + code(r, 4), "RS-" + code(r, 4));
  }

  /** Automatic incidents for the latest delivered hostile files of the last 30 days. */
  private List<Draft> automaticDrafts() {
    List<Draft> drafts = new ArrayList<>();
    Set<Integer> files = new HashSet<>();
    IndexRange recent =
        tenant.indexRange(tenant.now().minus(Duration.ofDays(30)), tenant.now().minusSeconds(1));
    for (long i = recent.to() - 1; i >= recent.from() && drafts.size() < 3; i--) {
      Message m = tenant.message(i);
      if (m.scenario() || m.route() != Route.INBOUND) {
        continue;
      }
      boolean delivered =
          m.deliveries().stream().anyMatch(d -> d.status() == DeliveryStatus.ARCHIVED);
      Optional<AttachmentFile> hostile =
          m.attachments().stream().filter(AttachmentFile::malicious).findFirst();
      if (!delivered || hostile.isEmpty() || !files.add(hostile.get().index())) {
        continue;
      }
      Instant created = m.received().plus(Duration.ofHours(6));
      drafts.add(
          new Draft(
              "automatic",
              "Mimecast Security Team: malicious file " + hostile.get().fileName(),
              created,
              created.plusSeconds(95),
              criteria(
                  created.minus(Duration.ofDays(7)),
                  created,
                  Optional.empty(),
                  Optional.of(hostile.get().sha256()),
                  Optional.empty(),
                  10 + drafts.size())));
    }
    return drafts;
  }

  /** A vendor invoice removed by mistake a few days ago, then restored. */
  private Optional<Draft> restoredDraft() {
    Set<String> vendors = new HashSet<>();
    tenant.domains().stream()
        .filter(d -> d.kind() == Domain.Kind.VENDOR)
        .forEach(d -> vendors.add(d.name()));
    IndexRange older =
        tenant.indexRange(
            tenant.now().minus(Duration.ofDays(20)), tenant.now().minus(Duration.ofDays(3)));
    for (long i = older.to() - 1; i >= older.from(); i--) {
      Message m = tenant.message(i);
      if (m.scenario()
          || !vendors.contains(m.headerFrom().domain())
          || m.attachments().isEmpty()
          || m.deliveries().stream().anyMatch(d -> d.status() != DeliveryStatus.ARCHIVED)) {
        continue;
      }
      Instant created = m.received().plus(Duration.ofHours(3));
      return Optional.of(
          new Draft(
              "restored",
              "Removed in error: genuine invoice from " + m.headerFrom().domain(),
              created,
              created.plus(Duration.ofDays(1)),
              criteria(
                  m.received().minus(Duration.ofDays(1)),
                  created,
                  Optional.of(m.messageIdHeader()),
                  Optional.empty(),
                  Optional.empty(),
                  20)));
    }
    return Optional.empty();
  }

  /** Delivered copies of the messages the criteria select. */
  int countDelivered(RemediationIncident.Criteria criteria) {
    if (criteria.messageId().isPresent()) {
      return tenant
          .messageByHeaderId(criteria.messageId().get())
          .filter(criteria::matches)
          .map(TenantActivity::deliveredCopies)
          .orElse(0);
    }
    int count = 0;
    IndexRange range = tenant.indexRange(criteria.start(), criteria.end());
    for (long i = range.from(); i < range.to(); i++) {
      Message m = tenant.message(i);
      if (criteria.matches(m)) {
        count += deliveredCopies(m);
      }
    }
    return count;
  }

  private static int deliveredCopies(Message message) {
    return (int)
        message.deliveries().stream().filter(d -> d.status() == DeliveryStatus.ARCHIVED).count();
  }

  // ---------------------------------------------------------------- file hashes

  /** The attachment whose SHA-256 is {@code sha256} (lower-case hex), if the tenant has one. */
  public Optional<AttachmentFile> attachmentBySha256(String sha256) {
    Map<String, AttachmentFile> map = filesBySha256;
    if (map == null) {
      synchronized (this) {
        map = filesBySha256;
        if (map == null) {
          Map<String, AttachmentFile> built = new HashMap<>();
          for (AttachmentFile file : tenant.attachments()) {
            built.put(file.sha256(), file);
          }
          map = Map.copyOf(built);
          filesBySha256 = map;
        }
      }
    }
    return Optional.ofNullable(map.get(sha256.strip().toLowerCase(Locale.ROOT)));
  }

  /**
   * Whether {@code file} travelled in at least one of the tenant's messages (all of which are
   * within the last year). Computed once by scanning the messages until every file was seen.
   */
  public boolean seenInMessages(AttachmentFile file) {
    BitSet seen = filesSeen;
    if (seen == null) {
      synchronized (this) {
        seen = filesSeen;
        if (seen == null) {
          seen = scanFilesSeen();
          filesSeen = seen;
        }
      }
    }
    return seen.get(file.index());
  }

  private BitSet scanFilesSeen() {
    BitSet seen = new BitSet();
    int total = tenant.attachments().size();
    for (long i = 0; i < tenant.messageCount() && seen.cardinality() < total; i++) {
      for (AttachmentFile file : tenant.message(i).attachments()) {
        seen.set(file.index());
      }
    }
    return seen;
  }

  // ---------------------------------------------------------------- helpers

  /** Packs message, recipient and item coordinates into one seed index. */
  private static long key(long messageIndex, int recipient, int item) {
    return messageIndex << 16 | (long) (recipient & 0xFF) << 8 | (item & 0xFF);
  }

  /** A deterministic opaque token of {@code length} base64url characters. */
  private String opaque(int family, long a, long b, int length) {
    Rng r = Rng.of(seed, SALT_IDS + family, a * 0x10001L + b);
    byte[] bytes = new byte[(length * 3 + 3) / 4];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) r.nextInt(256);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
  }

  private static String code(Rng r, int length) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
