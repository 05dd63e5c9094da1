package dev.mci.simulator.events;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the simulated SIEM event stream looks (reference 05 §8): how many events it holds, how often
 * batches appear, how long pre-signed URLs live, and which files are damaged on purpose.
 *
 * <p>The events derived from the tenant's messages are always served. {@code volume} is the number
 * of Cloud Gateway events the 7-day retention window should hold at start-up: when it is larger
 * than what the messages produce, the gap is filled with rejected SMTP connections (receipt events
 * with action {@code Rej}) spread evenly over the window; they keep arriving at the same rate after
 * start-up, so {@code --follow} sees new batches. Everything is generated lazily from the seed, so
 * memory stays flat up to 10,000,000 events and beyond.
 *
 * @param volume target number of Cloud Gateway events in the retention window; 0 means the
 *     message-derived events only
 * @param batchInterval a batch file per log type is cut every interval (reference: about 15
 *     minutes); it becomes listable once its interval has ended
 * @param urlTtl lifetime of the pre-signed batch file URLs; a download after it answers 403
 * @param maxEventsPerFile a batch holding more events is split into several files
 * @param corruptFiles files served with a damaged gzip/zip body, as {@code TYPE:N} (the N-th file,
 *     from 0, of that type counting from the start of the retention window, e.g. {@code receipt:3})
 *     or {@code siem-v1:N} (the N-th API 1.0 log file)
 * @param truncatedFiles files served cut off half-way, named the same way
 * @param loopingCursor when true, every batch listing that carries a {@code nextPage} token answers
 *     with that same token as {@code @nextPage} (a server-side cursor loop)
 * @param webSecurityRequestsPerUserPerDay web requests each user makes per day in the MCI-proposed
 *     (UNVERIFIED) web security log; 0 turns that log off
 */
public record EventStreamConfig(
    long volume,
    Duration batchInterval,
    Duration urlTtl,
    int maxEventsPerFile,
    Set<String> corruptFiles,
    Set<String> truncatedFiles,
    boolean loopingCursor,
    int webSecurityRequestsPerUserPerDay) {

  /** The largest volume the simulator promises to serve with flat memory. */
  public static final long MAX_VOLUME = 100_000_000L;

  private static final Pattern FILE_REF = Pattern.compile("([a-z0-9 -]+):(\\d+)");
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");
  private static final String VALID_KEYS =
      "volume, interval, ttl, per-file, corrupt, truncated, loop, web";

  /** Validates every value. */
  public EventStreamConfig {
    Objects.requireNonNull(batchInterval, "batchInterval");
    Objects.requireNonNull(urlTtl, "urlTtl");
    if (volume < 0 || volume > MAX_VOLUME) {
      throw new IllegalArgumentException("volume must be 0 to " + MAX_VOLUME + ", was " + volume);
    }
    if (batchInterval.toMillis() < 1_000
        || Duration.ofDays(1).toMillis() % batchInterval.toMillis() != 0) {
      throw new IllegalArgumentException(
          "batchInterval must be at least 1 s and divide a day evenly, was " + batchInterval);
    }
    if (urlTtl.toMillis() < 1) {
      throw new IllegalArgumentException("urlTtl must be positive, was " + urlTtl);
    }
    if (maxEventsPerFile < 1) {
      throw new IllegalArgumentException(
          "maxEventsPerFile must be at least 1, was " + maxEventsPerFile);
    }
    corruptFiles = normalise("corruptFiles", corruptFiles);
    truncatedFiles = normalise("truncatedFiles", truncatedFiles);
    if (webSecurityRequestsPerUserPerDay < 0) {
      throw new IllegalArgumentException(
          "webSecurityRequestsPerUserPerDay must not be negative, was "
              + webSecurityRequestsPerUserPerDay);
    }
  }

  /**
   * The defaults: message-derived events only, a batch every 15 minutes, URLs valid 15 minutes,
   * 50,000 events per file, no damaged files, no cursor loop, 40 web requests per user per day.
   */
  public static EventStreamConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this configuration. */
  public Builder toBuilder() {
    return new Builder()
        .volume(volume)
        .batchInterval(batchInterval)
        .urlTtl(urlTtl)
        .maxEventsPerFile(maxEventsPerFile)
        .corruptFiles(corruptFiles)
        .truncatedFiles(truncatedFiles)
        .loopingCursor(loopingCursor)
        .webSecurityRequestsPerUserPerDay(webSecurityRequestsPerUserPerDay);
  }

  /**
   * Parses comma-separated {@code key=value} pairs over the defaults, e.g. {@code
   * "volume=1000000,interval=15m,ttl=15m,corrupt=receipt:3,truncated=siem-v1:2"}. {@code corrupt}
   * and {@code truncated} may repeat; {@code loop} takes {@code true}/{@code false}; durations take
   * {@code ms}, {@code s}, {@code m} or {@code h}.
   *
   * @throws IllegalArgumentException naming the bad key or value and the valid keys
   */
  public static EventStreamConfig parse(String text) {
    Objects.requireNonNull(text, "text");
    Builder builder = builder();
    Set<String> corrupt = new LinkedHashSet<>();
    Set<String> truncated = new LinkedHashSet<>();
    for (String rawPart : text.split(",")) {
      String part = rawPart.strip();
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "'" + part + "' is not key=value; valid keys: " + VALID_KEYS);
      }
      String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = part.substring(eq + 1).strip();
      switch (key) {
        case "volume" -> builder.volume(number(key, value));
        case "interval" -> builder.batchInterval(duration(key, value));
        case "ttl" -> builder.urlTtl(duration(key, value));
        case "per-file" -> builder.maxEventsPerFile((int) number(key, value));
        case "corrupt" -> corrupt.add(value);
        case "truncated" -> truncated.add(value);
        case "loop" -> builder.loopingCursor(Boolean.parseBoolean(value));
        case "web" -> builder.webSecurityRequestsPerUserPerDay((int) number(key, value));
        default ->
            throw new IllegalArgumentException(
                "unknown event stream key '" + key + "'; valid keys: " + VALID_KEYS);
      }
    }
    return builder.corruptFiles(corrupt).truncatedFiles(truncated).build();
  }

  /** Whether the file {@code type:ordinal} is served corrupt. */
  boolean corrupt(String type, long ordinal) {
    return corruptFiles.contains(type + ":" + ordinal);
  }

  /** Whether the file {@code type:ordinal} is served truncated. */
  boolean truncated(String type, long ordinal) {
    return truncatedFiles.contains(type + ":" + ordinal);
  }

  private static Set<String> normalise(String name, Set<String> refs) {
    Objects.requireNonNull(refs, name);
    Set<String> copy = new LinkedHashSet<>();
    for (String ref : refs) {
      String value = ref.strip().toLowerCase(Locale.ROOT);
      Matcher matcher = FILE_REF.matcher(value);
      if (!matcher.matches()) {
        throw new IllegalArgumentException(
            name + ": '" + ref + "' is not TYPE:N (e.g. receipt:3) or siem-v1:N");
      }
      copy.add(matcher.group(1).strip() + ":" + Long.parseLong(matcher.group(2)));
    }
    return Set.copyOf(copy);
  }

  private static long number(String key, String value) {
    try {
      return (long) Double.parseDouble(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": '" + value + "' is not a number");
    }
  }

  private static Duration duration(String key, String value) {
    Matcher matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          key + ": '" + value + "' is not a duration such as 500ms, 30s, 15m or 1h");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
    return switch (unit) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofMillis(amount);
    };
  }

  /**
   * Builds an {@link EventStreamConfig}; starts from the defaults listed on {@link #defaults()}.
   */
  public static final class Builder {
    private long volume;
    private Duration batchInterval = Duration.ofMinutes(15);
    private Duration urlTtl = Duration.ofMinutes(15);
    private int maxEventsPerFile = 50_000;
    private Set<String> corruptFiles = Set.of();
    private Set<String> truncatedFiles = Set.of();
    private boolean loopingCursor;
    private int webSecurityRequestsPerUserPerDay = 40;

    private Builder() {}

    /** Target number of Cloud Gateway events in the retention window. */
    public Builder volume(long volume) {
      this.volume = volume;
      return this;
    }

    /** How often a batch file per type is cut. */
    public Builder batchInterval(Duration batchInterval) {
      this.batchInterval = batchInterval;
      return this;
    }

    /** Lifetime of pre-signed batch file URLs. */
    public Builder urlTtl(Duration urlTtl) {
      this.urlTtl = urlTtl;
      return this;
    }

    /** Events per file before a batch is split. */
    public Builder maxEventsPerFile(int maxEventsPerFile) {
      this.maxEventsPerFile = maxEventsPerFile;
      return this;
    }

    /** Files served corrupt, as {@code TYPE:N} or {@code siem-v1:N}. */
    public Builder corruptFiles(Set<String> corruptFiles) {
      this.corruptFiles = corruptFiles;
      return this;
    }

    /** Files served truncated, as {@code TYPE:N} or {@code siem-v1:N}. */
    public Builder truncatedFiles(Set<String> truncatedFiles) {
      this.truncatedFiles = truncatedFiles;
      return this;
    }

    /** Whether batch listings loop on their cursor. */
    public Builder loopingCursor(boolean loopingCursor) {
      this.loopingCursor = loopingCursor;
      return this;
    }

    /** Web requests per user per day in the web security log; 0 turns it off. */
    public Builder webSecurityRequestsPerUserPerDay(int requests) {
      this.webSecurityRequestsPerUserPerDay = requests;
      return this;
    }

    /** Validates and builds. */
    public EventStreamConfig build() {
      return new EventStreamConfig(
          volume,
          batchInterval,
          urlTtl,
          maxEventsPerFile,
          corruptFiles,
          truncatedFiles,
          loopingCursor,
          webSecurityRequestsPerUserPerDay);
    }
  }
}
