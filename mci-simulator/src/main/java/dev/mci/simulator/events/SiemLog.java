package dev.mci.simulator.events;

import dev.mci.simulator.tenant.IndexRange;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant's simulated SIEM log, cut into batch windows: every {@code batchInterval} (15 minutes
 * by default) one batch per log type, listable once its window has ended. A window's events of one
 * type are the events of the tenant's messages that fall inside it, plus the slices of the event
 * feeds (rejected connections, web requests and any feed another area supplies). Batches larger
 * than {@code maxEventsPerFile} are split into several files, and each extra file repeats the last
 * event of the one before it (with another {@code _offset}), because the real stream delivers some
 * events twice (reference 05 §3.3).
 *
 * <p>Nothing is stored: message events are regenerated per window (a small LRU cache keeps the
 * windows a sequential walk needs) and feed events by index, so memory is flat at any volume.
 * Thread-safe.
 */
public final class SiemLog {

  /** How far back the batch endpoint and the API 1.0 files reach (reference 05 §1). */
  public static final Duration RETENTION = Duration.ofDays(7);

  /** How far back the streaming endpoint reaches (reference 05 §4.1). */
  public static final Duration STREAM_REACH = Duration.ofHours(24);

  /** The log types of the Cloud Gateway stream, in the order the API 1.0 files cycle through. */
  public static final List<SiemType> CLOUD_GATEWAY =
      List.of(SiemType.values()).stream().filter(SiemType::cloudGateway).toList();

  private final Tenant tenant;
  private final EventStreamConfig config;
  private final EventIds ids;
  private final MessageEvents messageEvents;
  private final long intervalMillis;
  private final long lookbackWindows;
  private final long firstWindow;
  private final Map<SiemType, List<EventFeed>> feeds;
  private final Map<Long, Map<Long, EnumMap<SiemType, List<SiemEvent>>>> batches;
  private final int cacheCapacity;

  /** The log of {@code tenant} shaped by {@code config}, with no feeds from other areas. */
  public SiemLog(Tenant tenant, EventStreamConfig config) {
    this(tenant, config, List.of());
  }

  /**
   * The log of {@code tenant} shaped by {@code config}.
   *
   * @param extraFeeds events other areas contribute (clicks, gateway rejections)
   */
  public SiemLog(Tenant tenant, EventStreamConfig config, List<EventFeed> extraFeeds) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.config = Objects.requireNonNull(config, "config");
    this.ids = new EventIds(tenant.seed());
    this.messageEvents = new MessageEvents(tenant, ids);
    this.intervalMillis = config.batchInterval().toMillis();
    this.lookbackWindows = ceilDiv(MessageEvents.MAX_LAG.toMillis(), intervalMillis);
    this.cacheCapacity = (int) Math.min(4_096, lookbackWindows + 16);
    this.batches = new LinkedHashMap<>(64, 0.75f, true);
    Instant now = tenant.now();
    this.firstWindow = retentionStart(now);

    Map<SiemType, List<EventFeed>> byType = new EnumMap<>(SiemType.class);
    long retentionStartMillis = now.minus(RETENTION).toEpochMilli();
    long background = config.volume() == 0 ? 0 : config.volume() - messageEventsInRetention();
    if (background > 0) {
      add(
          byType,
          new RejectedConnections(
              tenant,
              ids,
              new RateTimeline(retentionStartMillis, RETENTION.toMillis(), background)));
    }
    if (config.webSecurityRequestsPerUserPerDay() > 0) {
      WebSecurity web = new WebSecurity(tenant, ids);
      long perDay = (long) config.webSecurityRequestsPerUserPerDay() * tenant.users().size();
      add(
          byType,
          web.requests(
              new RateTimeline(retentionStartMillis, Duration.ofDays(1).toMillis(), perDay)));
      add(byType, web.scenarioVisits());
    }
    for (EventFeed feed : extraFeeds) {
      add(byType, feed);
    }
    this.feeds = byType;
  }

  /** The configuration. */
  public EventStreamConfig config() {
    return config;
  }

  /** The tenant. */
  public Tenant tenant() {
    return tenant;
  }

  /** Length of a batch window in milliseconds. */
  public long intervalMillis() {
    return intervalMillis;
  }

  /** The window holding {@code epochMillis}. */
  public long windowOf(long epochMillis) {
    return Math.floorDiv(epochMillis, intervalMillis);
  }

  /** When window {@code window} starts. */
  public Instant windowStart(long window) {
    return Instant.ofEpochMilli(window * intervalMillis);
  }

  /** The first window entirely inside the retention period at {@code now}. */
  public long retentionStart(Instant now) {
    return ceilDiv(now.minus(RETENTION).toEpochMilli(), intervalMillis);
  }

  /** The first window that has not ended at {@code now}: windows before it are published. */
  public long firstUnpublished(Instant now) {
    return windowOf(now.toEpochMilli());
  }

  /** The first window of the retention period at the tenant's start-up time. */
  public long firstWindow() {
    return firstWindow;
  }

  /** Number of events of {@code type} in {@code window}, duplicates not counted. */
  public int count(SiemType type, long window) {
    return slice(type, window).size();
  }

  /** Number of files of {@code type} in {@code window}. */
  public int parts(SiemType type, long window) {
    int size = count(type, window);
    return size == 0 ? 0 : (int) ceilDiv(size, config.maxEventsPerFile());
  }

  /**
   * The events of file {@code part} of {@code (type, window)}, in file order; every file after the
   * first starts with the last event of the file before it.
   */
  public List<SiemEvent> file(SiemType type, long window, int part) {
    Slice slice = slice(type, window);
    int max = config.maxEventsPerFile();
    int from = part * max;
    int to = Math.min(slice.size(), from + max);
    List<SiemEvent> events = new ArrayList<>(Math.max(0, to - from) + 1);
    if (part > 0 && from <= slice.size() && from > 0) {
      events.add(slice.get(from - 1));
    }
    for (int i = from; i < to; i++) {
      events.add(slice.get(i));
    }
    return events;
  }

  /** The events of {@code type} in {@code window}, from {@code offset}, at most {@code limit}. */
  public List<SiemEvent> events(SiemType type, long window, int offset, int limit) {
    Slice slice = slice(type, window);
    int to = (int) Math.min(slice.size(), (long) offset + limit);
    List<SiemEvent> events = new ArrayList<>(Math.max(0, to - offset));
    for (int i = offset; i < to; i++) {
      events.add(slice.get(i));
    }
    return events;
  }

  /**
   * Unique events of {@code type} in windows {@code [fromWindow, toWindow)}: what a complete pull
   * of that range must store.
   */
  public long countUnique(SiemType type, long fromWindow, long toWindow) {
    long total = 0;
    for (long w = fromWindow; w < toWindow; w++) {
      total += count(type, w);
    }
    return total;
  }

  /** The {@code aggregateId} every event of {@code message} carries. */
  public String aggregateId(Message message) {
    return messageEvents.aggregateId(message);
  }

  /** Every event of {@code message} (all types), in time order. */
  public List<SiemEvent> eventsOf(Message message) {
    return messageEvents.of(message);
  }

  /**
   * The ordinal of file {@code (type, window, part)} counting every file of {@code type} from
   * {@link #firstWindow()}; empty for windows before it.
   */
  Optional<Long> ordinal(SiemType type, long window, int part) {
    if (window < firstWindow) {
      return Optional.empty();
    }
    long ordinal = 0;
    for (long w = firstWindow; w < window; w++) {
      ordinal += parts(type, w);
    }
    return Optional.of(ordinal + part);
  }

  private Slice slice(SiemType type, long window) {
    List<SiemEvent> fromMessages = new ArrayList<>();
    if (type != SiemType.WEB_SECURITY) {
      for (long m = window - lookbackWindows; m <= window; m++) {
        List<SiemEvent> events = batch(m).getOrDefault(window, emptyTypes()).get(type);
        if (events != null) {
          fromMessages.addAll(events);
        }
      }
      fromMessages.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
    }
    List<EventFeed> typeFeeds = feeds.getOrDefault(type, List.of());
    long start = window * intervalMillis;
    long end = start + intervalMillis;
    long[] from = new long[typeFeeds.size()];
    long[] to = new long[typeFeeds.size()];
    for (int i = 0; i < typeFeeds.size(); i++) {
      from[i] = typeFeeds.get(i).firstAtOrAfter(start);
      to[i] = Math.max(from[i], typeFeeds.get(i).firstAtOrAfter(end));
    }
    return new Slice(fromMessages, typeFeeds, from, to);
  }

  /** The events of the messages received in window {@code m}, bucketed by their own window. */
  private Map<Long, EnumMap<SiemType, List<SiemEvent>>> batch(long m) {
    synchronized (batches) {
      Map<Long, EnumMap<SiemType, List<SiemEvent>>> cached = batches.get(m);
      if (cached != null) {
        return cached;
      }
    }
    Map<Long, EnumMap<SiemType, List<SiemEvent>>> byWindow = new HashMap<>();
    long start = m * intervalMillis;
    Instant from = Instant.ofEpochMilli(start);
    Instant to = Instant.ofEpochMilli(start + intervalMillis - 1);
    if (to.isAfter(tenant.messagesFrom()) && from.isBefore(tenant.now())) {
      IndexRange range = tenant.indexRange(from, to);
      tenant
          .messages(range)
          .forEach(
              message -> {
                for (SiemEvent event : messageEvents.of(message)) {
                  byWindow
                      .computeIfAbsent(windowOf(event.timestamp()), w -> emptyTypes())
                      .computeIfAbsent(event.type(), t -> new ArrayList<>())
                      .add(event);
                }
              });
    }
    Map<Long, EnumMap<SiemType, List<SiemEvent>>> frozen = Collections.unmodifiableMap(byWindow);
    synchronized (batches) {
      batches.put(m, frozen);
      while (batches.size() > cacheCapacity) {
        Long eldest = batches.keySet().iterator().next();
        batches.remove(eldest);
      }
    }
    return frozen;
  }

  private long messageEventsInRetention() {
    Instant now = tenant.now();
    Instant from = now.minus(RETENTION);
    long fromMillis = from.toEpochMilli();
    long nowMillis = now.toEpochMilli();
    long[] count = new long[1];
    tenant
        .messages(tenant.indexRange(from, now))
        .forEach(
            message -> {
              for (SiemEvent event : messageEvents.of(message)) {
                if (event.timestamp() >= fromMillis && event.timestamp() < nowMillis) {
                  count[0]++;
                }
              }
            });
    return count[0];
  }

  /** {@code ceil(a / b)} for a positive {@code b} (Math.ceilDiv needs Java 18). */
  static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static EnumMap<SiemType, List<SiemEvent>> emptyTypes() {
    return new EnumMap<>(SiemType.class);
  }

  private static void add(Map<SiemType, List<EventFeed>> byType, EventFeed feed) {
    byType.computeIfAbsent(feed.type(), t -> new ArrayList<>()).add(feed);
  }

  /** A window's events of one type: message events first, then each feed's index range. */
  private record Slice(List<SiemEvent> fixed, List<EventFeed> feeds, long[] from, long[] to) {

    int size() {
      long size = fixed.size();
      for (int i = 0; i < from.length; i++) {
        size += to[i] - from[i];
      }
      return Math.toIntExact(size);
    }

    SiemEvent get(int index) {
      if (index < fixed.size()) {
        return fixed.get(index);
      }
      long rest = index - fixed.size();
      for (int i = 0; i < from.length; i++) {
        long length = to[i] - from[i];
        if (rest < length) {
          return feeds.get(i).event(from[i] + rest);
        }
        rest -= length;
      }
      throw new IndexOutOfBoundsException(index);
    }
  }
}
