package dev.mci.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded, probabilistic misbehaviour applied to every request; off by default. The same seed and
 * the same request order give the same faults.
 *
 * <p>Per request the simulator first waits {@code latency} plus a uniform jitter in {@code
 * [-jitter, +jitter]} (never below zero), then draws one number to pick at most one of: dropped
 * connection, 5xx (500, 502, 503 or 504), 429 (reset 100 to 1,000 ms), or a slow body dribbled out
 * in small chunks. {@code earlyExpiry} is the share of issued API 2.0 tokens that stop working
 * between 10% and 50% into their advertised lifetime.
 *
 * @param latency fixed added latency, not negative
 * @param jitter maximum random deviation from {@code latency}, not negative
 * @param rateLimitedShare share of requests answered 429, 0 to 1
 * @param serverErrorShare share of requests answered 5xx, 0 to 1
 * @param dropShare share of requests whose connection is closed without a response, 0 to 1
 * @param slowShare share of responses whose body is dribbled out slowly, 0 to 1
 * @param earlyExpiryShare share of issued tokens that expire early, 0 to 1
 * @param seed seed of the random draws
 */
public record FaultProfile(
    Duration latency,
    Duration jitter,
    double rateLimitedShare,
    double serverErrorShare,
    double dropShare,
    double slowShare,
    double earlyExpiryShare,
    long seed) {

  private static final String VALID_KEYS =
      "latency, jitter, 429, 5xx, drop, slow, early-expiry, seed (or a named profile: none, flaky,"
          + " hostile)";
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");
  private static final long DEFAULT_SEED = 1L;

  /** Validates ranges; the shares of drop, 5xx, 429 and slow together must not exceed 1. */
  public FaultProfile {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(jitter, "jitter");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, was " + latency);
    }
    if (jitter.isNegative()) {
      throw new IllegalArgumentException("jitter must not be negative, was " + jitter);
    }
    checkShare("429", rateLimitedShare);
    checkShare("5xx", serverErrorShare);
    checkShare("drop", dropShare);
    checkShare("slow", slowShare);
    checkShare("early-expiry", earlyExpiryShare);
    if (rateLimitedShare + serverErrorShare + dropShare + slowShare > 1.0 + 1e-9) {
      throw new IllegalArgumentException("shares of 429, 5xx, drop and slow add up to more than 1");
    }
  }

  /** No faults and no added latency. */
  public static FaultProfile none() {
    return new FaultProfile(Duration.ZERO, Duration.ZERO, 0, 0, 0, 0, 0, DEFAULT_SEED);
  }

  /** A mildly unreliable network: a few percent of 429s and 5xx, rare drops. */
  public static FaultProfile flaky() {
    return parse(
        "latency=20ms,jitter=10ms,429=0.02,5xx=0.02,drop=0.005,slow=0.01,early-expiry=0.01");
  }

  /** A hostile network for resilience testing: frequent 429s, 5xx, drops and slow bodies. */
  public static FaultProfile hostile() {
    return parse(
        "latency=100ms,jitter=50ms,429=0.1,5xx=0.05,drop=0.02,slow=0.05,early-expiry=0.05");
  }

  /**
   * Parses the {@code --faults} text: comma-separated {@code key=value} pairs, optionally starting
   * with a named profile ({@code none}, {@code flaky}, {@code hostile}) that later keys override.
   * Durations take {@code ms}, {@code s} or {@code m} (bare numbers are milliseconds); shares are
   * decimals between 0 and 1 or percentages such as {@code 5%}. Blank text means {@link #none()}.
   *
   * <p>Example: {@code
   * "latency=100ms,jitter=20ms,429=0.05,5xx=0.02,drop=0.01,slow=0.01,early-expiry=0.01,seed=7"}.
   *
   * @throws IllegalArgumentException naming the bad key or value and listing the valid keys
   */
  public static FaultProfile parse(String text) {
    Objects.requireNonNull(text, "text");
    Draft draft = new Draft(none());
    boolean first = true;
    for (String rawPart : text.split(",")) {
      String part = rawPart.strip();
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq < 0) {
        if (!first) {
          throw new IllegalArgumentException(
              "fault profile name '" + part + "' must come first; valid keys: " + VALID_KEYS);
        }
        draft = new Draft(named(part));
      } else {
        draft.set(
            part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
      }
      first = false;
    }
    return draft.build();
  }

  /** Whether this profile never injects anything. */
  public boolean isNone() {
    return latency.isZero()
        && jitter.isZero()
        && rateLimitedShare == 0
        && serverErrorShare == 0
        && dropShare == 0
        && slowShare == 0
        && earlyExpiryShare == 0;
  }

  /** The profile in the text form {@link #parse(String)} reads. */
  @Override
  public String toString() {
    return "latency="
        + latency.toMillis()
        + "ms,jitter="
        + jitter.toMillis()
        + "ms,429="
        + rateLimitedShare
        + ",5xx="
        + serverErrorShare
        + ",drop="
        + dropShare
        + ",slow="
        + slowShare
        + ",early-expiry="
        + earlyExpiryShare
        + ",seed="
        + seed;
  }

  private static FaultProfile named(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "none":
        return none();
      case "flaky":
        return flaky();
      case "hostile":
        return hostile();
      default:
        throw new IllegalArgumentException(
            "unknown fault profile or key '" + name + "'; valid keys: " + VALID_KEYS);
    }
  }

  /** Mutable values while parsing; validated once by the record constructor. */
  private static final class Draft {
    private Duration latency;
    private Duration jitter;
    private double rateLimited;
    private double serverError;
    private double drop;
    private double slow;
    private double earlyExpiry;
    private long seed;

    Draft(FaultProfile from) {
      latency = from.latency();
      jitter = from.jitter();
      rateLimited = from.rateLimitedShare();
      serverError = from.serverErrorShare();
      drop = from.dropShare();
      slow = from.slowShare();
      earlyExpiry = from.earlyExpiryShare();
      seed = from.seed();
    }

    void set(String key, String value) {
      switch (key) {
        case "latency":
          latency = duration(key, value);
          break;
        case "jitter":
          jitter = duration(key, value);
          break;
        case "429":
          rateLimited = share(key, value);
          break;
        case "5xx":
          serverError = share(key, value);
          break;
        case "drop":
          drop = share(key, value);
          break;
        case "slow":
          slow = share(key, value);
          break;
        case "early-expiry":
          earlyExpiry = share(key, value);
          break;
        case "seed":
          seed = seed(value);
          break;
        default:
          throw new IllegalArgumentException(
              "unknown fault key '" + key + "'; valid keys: " + VALID_KEYS);
      }
    }

    FaultProfile build() {
      return new FaultProfile(
          latency, jitter, rateLimited, serverError, drop, slow, earlyExpiry, seed);
    }
  }

  private static Duration duration(String key, String value) {
    Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "bad duration for fault key '" + key + "': '" + value + "' (use e.g. 100ms, 2s)");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    switch (unit) {
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      default:
        return Duration.ofMillis(amount);
    }
  }

  private static double share(String key, String value) {
    try {
      double share =
          value.endsWith("%")
              ? Double.parseDouble(value.substring(0, value.length() - 1).strip()) / 100.0
              : Double.parseDouble(value);
      checkShare(key, share);
      return share;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "bad share for fault key '" + key + "': '" + value + "' (use 0 to 1, e.g. 0.05 or 5%)",
          e);
    }
  }

  private static long seed(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad value for fault key 'seed': '" + value + "'", e);
    }
  }

  private static void checkShare(String key, double share) {
    if (!(share >= 0.0 && share <= 1.0)) {
      throw new IllegalArgumentException(
          "share for fault key '" + key + "' must be between 0 and 1, was " + share);
    }
  }
}
