package dev.mci.investigate.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.client.messages.MessageDetail;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.CaseJson;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.LocalEvent;
import dev.mci.investigate.cases.LocalEventHunt;
import dev.mci.investigate.cases.Relation;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import dev.mci.store.EventStore;
import dev.mci.store.HuntKind;
import dev.mci.store.HuntQuery;
import dev.mci.store.HuntResult;
import dev.mci.store.HuntRow;
import dev.mci.store.SqlResult;
import dev.mci.store.StoreException;
import dev.mci.store.StoreLocation;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Playbook step 9: what the local event store (SIEM events pulled by {@code mci events pull}) holds
 * for the case. It hunts the store, inside the case window, for the indicator and for the located
 * messages' sender addresses, sender domains (not the tenant's own), sending IPs, attachment
 * SHA-256s and recipients; a recipient's rows are kept only when they also touch one of the case's
 * other values (a recipient's ordinary mail says nothing about the case).
 *
 * <p>Bounded: each hunt returns the newest {@value #ROWS_PER_HUNT} rows with the total; at most
 * {@value #MAX_VALUES_PER_ROLE} values of one role are hunted; the case keeps the {@value
 * #MAX_KEPT} most relevant rows (more of the case's values matched, then newest), and {@code
 * events.json} in the evidence keeps every row found, as stored.
 *
 * <p>The store is opened read-only and never created: the playbook adds this step only for a store
 * that exists and holds events ({@link #unavailable}). Hunts run one after another on one
 * connection (a store connection is not for concurrent use).
 */
public final class EventsStep implements Step<List<LocalEvent>> {

  /** The rows kept, most relevant first. */
  public static final StepKey<List<LocalEvent>> KEY = StepKey.of("local-events");

  /** Rows one hunt returns at most (newest first); the total is counted beyond it. */
  static final int ROWS_PER_HUNT = 200;

  /** Values of one role hunted at most (e.g. the first 25 recipients). */
  static final int MAX_VALUES_PER_ROLE = 25;

  /** Rows kept in the case; the evidence file has them all. */
  static final int MAX_KEPT = 100;

  private final StoreLocation store;
  private final boolean fromMessages;
  private final boolean fromDecodedUrls;

  /**
   * @param store the event store, known to exist and hold events
   * @param fromMessages whether the playbook locates messages (their senders, IPs, attachments and
   *     recipients are hunted too)
   * @param fromDecodedUrls whether the indicator is a rewritten URL (the decoded URL's host is
   *     hunted)
   */
  public EventsStep(StoreLocation store, boolean fromMessages, boolean fromDecodedUrls) {
    this.store = Objects.requireNonNull(store, "store");
    this.fromMessages = fromMessages;
    this.fromDecodedUrls = fromDecodedUrls;
  }

  /**
   * Why a store cannot serve an investigation, or empty when it can: it must exist (an
   * investigation never creates one), hold MCI's tables and hold at least one event.
   */
  public static Optional<String> unavailable(StoreLocation location) {
    try (EventStore opened = EventStore.openReadOnly(location);
        SqlResult rows = opened.sql("SELECT id FROM mci_events LIMIT 1", 1)) {
      return rows.iterator().hasNext()
          ? Optional.empty()
          : Optional.of("the store " + location + " holds no events yet (run 'mci events pull')");
    } catch (StoreException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public StepKey<List<LocalEvent>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "matching rows from the local event store";
  }

  @Override
  public List<StepKey<?>> needs() {
    List<StepKey<?>> needs = new ArrayList<>();
    if (fromMessages) {
      needs.add(LocateMessagesStep.KEY);
      needs.add(MessageDetailStep.KEY);
    }
    if (fromDecodedUrls) {
      needs.add(DecodeUrlsStep.KEY);
    }
    return needs;
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.EVENTS);
  }

  @Override
  public List<LocalEvent> run(StepContext context) {
    Targets targets = targets(context);
    Map<Long, Found> found = new LinkedHashMap<>();
    List<LocalEventHunt> hunts = new ArrayList<>();
    try (EventStore opened = EventStore.openReadOnly(store)) {
      for (Target target : targets.list) {
        HuntResult result =
            opened.hunt(
                new HuntQuery(
                    target.kind,
                    target.value,
                    context.window().since(),
                    context.window().until(),
                    ROWS_PER_HUNT));
        int related = 0;
        for (HuntRow row : result.rows()) {
          if (target.role.equals(RECIPIENT) && !targets.touches(row)) {
            continue;
          }
          related++;
          found.computeIfAbsent(row.id(), id -> new Found(row)).matched.add(target.label());
        }
        hunts.add(
            new LocalEventHunt(
                target.kind.name().toLowerCase(Locale.ROOT),
                target.value,
                target.role,
                result.total(),
                related));
      }
    }
    List<Found> ranked = new ArrayList<>(found.values());
    ranked.sort(
        Comparator.comparingInt((Found f) -> -f.matched.size())
            .thenComparing((Found f) -> f.row.time(), Comparator.reverseOrder())
            .thenComparing((Found f) -> -f.row.id()));
    if (!hunts.isEmpty()) {
      context
          .evidence()
          .saveJson(
              "events.json",
              evidence(hunts, ranked),
              "rows of the local event store holding the case's values");
    }
    List<LocalEvent> kept = ranked.stream().limit(MAX_KEPT).map(EventsStep::localEvent).toList();
    context.record().localEvents(hunts, kept);
    return kept;
  }

  private static LocalEvent localEvent(Found found) {
    HuntRow row = found.row;
    return new LocalEvent(
        row.id(),
        row.time(),
        row.logType(),
        row.action(),
        row.sender(),
        row.user(),
        row.ip(),
        row.subject(),
        row.messageId(),
        List.copyOf(found.matched));
  }

  private Map<String, Object> evidence(List<LocalEventHunt> hunts, List<Found> rows) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("store", store.toString());
    file.put("hunts", hunts);
    List<Map<String, Object>> events = new ArrayList<>();
    for (Found found : rows) {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("storeId", found.row.id());
      event.put("time", found.row.time());
      event.put("logType", found.row.logType());
      event.put("source", found.row.source());
      event.put("matched", List.copyOf(found.matched));
      event.put("event", raw(found.row.raw()));
      events.add(event);
    }
    file.put("events", events);
    return file;
  }

  /** The event as received: JSON when it parses, else its text (API 1.0 lines are key=value). */
  private static Object raw(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      JsonNode node = CaseJson.MAPPER.readTree(raw);
      return node == null || node.isMissingNode() ? raw : node;
    } catch (JsonProcessingException notJson) {
      return raw;
    }
  }

  // Roles, in the order the case lists them.
  static final String INDICATOR = "indicator";
  static final String SENDER = "sender";
  static final String SENDER_DOMAIN = "sender-domain";
  static final String SENDING_IP = "sending-ip";
  static final String ATTACHMENT = "attachment";
  static final String RECIPIENT = "recipient";

  /** One value to hunt. */
  private record Target(HuntKind kind, String value, String role) {
    String label() {
      return role + ":" + value;
    }
  }

  /** A row found, and which of the case's values it holds. */
  private static final class Found {
    final HuntRow row;
    final Set<String> matched = new LinkedHashSet<>();

    Found(HuntRow row) {
      this.row = row;
    }
  }

  /** The values to hunt, and the case's values a recipient's row must touch to be kept. */
  private static final class Targets {
    final List<Target> list = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final Map<String, Integer> perRole = new LinkedHashMap<>();
    final Set<String> senders = new LinkedHashSet<>();
    final Set<String> domains = new LinkedHashSet<>();
    final Set<String> ips = new LinkedHashSet<>();
    final Set<String> hashes = new LinkedHashSet<>();
    final Set<String> messageIds = new LinkedHashSet<>();

    void add(HuntKind kind, String value, String role) {
      if (value == null || value.isBlank()) {
        return;
      }
      String normal = kind.normalise(value);
      if (normal.isEmpty() || !seen.add(kind + "\u0000" + normal)) {
        return;
      }
      switch (kind) {
        case SENDER -> senders.add(normal);
        case DOMAIN -> domains.add(normal);
        case IP -> ips.add(normal);
        case HASH -> hashes.add(normal);
        case USER -> {}
      }
      if (perRole.merge(role, 1, Integer::sum) <= MAX_VALUES_PER_ROLE) {
        list.add(new Target(kind, normal, role));
      }
    }

    /** Whether a row holds one of the case's own values (not just a recipient). */
    boolean touches(HuntRow row) {
      return contains(senders, row.sender())
          || contains(senders, row.senderAlt())
          || contains(domains, row.domain())
          || contains(ips, row.ip())
          || contains(hashes, row.sha256())
          || (row.messageId() != null && messageIds.contains(row.messageId().strip()));
    }

    private static boolean contains(Set<String> values, String value) {
      return value != null && values.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    void messageId(String id) {
      if (id != null && !id.isBlank()) {
        messageIds.add(id.strip());
      }
    }
  }

  private Targets targets(StepContext context) {
    Targets targets = new Targets();
    Indicator indicator = context.indicator();
    switch (indicator.type()) {
      case SENDER_ADDRESS -> targets.add(HuntKind.SENDER, indicator.value(), INDICATOR);
      case SENDER_DOMAIN -> targets.add(HuntKind.DOMAIN, indicator.value(), INDICATOR);
      case SENDING_IP -> targets.add(HuntKind.IP, indicator.value(), INDICATOR);
      case SHA256 -> targets.add(HuntKind.HASH, indicator.value(), INDICATOR);
      case USER_ADDRESS -> targets.add(HuntKind.USER, indicator.value(), INDICATOR);
      case URL -> targets.add(HuntKind.DOMAIN, host(indicator.value()), INDICATOR);
      case MESSAGE_ID_HEADER -> targets.messageId(indicator.value());
      case MIMECAST_ID, REWRITTEN_URL -> {}
    }
    if (fromDecodedUrls) {
      context.result(DecodeUrlsStep.KEY).stream()
          .flatMap(d -> d.url().stream())
          .forEach(url -> targets.add(HuntKind.DOMAIN, host(url), INDICATOR));
    }
    // A person's mail is all of their mail: only the person is hunted, not everyone who wrote.
    if (fromMessages && indicator.type() != IndicatorType.USER_ADDRESS) {
      Set<String> internal = context.record().snapshot().internalDomains();
      List<CaseMessage> located =
          context.result(LocateMessagesStep.KEY).stream()
              .filter(m -> m.relation() == Relation.LOCATED)
              .toList();
      for (CaseMessage message : located) {
        for (Address from : new Address[] {message.envelopeFrom(), message.headerFrom()}) {
          if (from != null && !from.address().isEmpty()) {
            targets.add(HuntKind.SENDER, from.address(), SENDER);
          }
        }
      }
      for (CaseMessage message : located) {
        for (Address from : new Address[] {message.envelopeFrom(), message.headerFrom()}) {
          String domain = from == null ? null : domainOf(from.address());
          if (domain != null && !internal.contains(domain)) {
            targets.add(HuntKind.DOMAIN, domain, SENDER_DOMAIN);
          }
        }
      }
      located.forEach(m -> targets.add(HuntKind.IP, m.senderIp(), SENDING_IP));
      for (ArchivedCopy copy : context.result(MessageDetailStep.KEY)) {
        MessageDetail detail = copy.detail();
        if (detail == null) {
          continue;
        }
        targets.messageId(detail.messageId());
        detail.attachments().stream()
            .filter(a -> a.sha256() != null)
            .forEach(a -> targets.add(HuntKind.HASH, a.sha256(), ATTACHMENT));
      }
      for (CaseMessage message : located) {
        for (Address to : message.to()) {
          targets.add(HuntKind.USER, to.address(), RECIPIENT);
        }
      }
    }
    return targets;
  }

  private static String domainOf(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 || at == address.length() - 1
        ? null
        : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
  }

  private static String host(String url) {
    try {
      return URI.create(url.strip()).getHost();
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
  }
}
