package dev.mci.simulator.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A configurable volume of synthetic URL Protect clicks spread evenly over the tenant's history,
 * for load and benchmark runs that need far more log rows than the messages give rise to. Click
 * {@code j} is a pure function of the seed and {@code j}, and times never decrease with {@code j},
 * so a time window maps to an index range by binary search and any page is generated directly:
 * memory stays flat for any volume.
 *
 * <p>Background clicks are ordinary traffic: risky clickers (the only users who click real links)
 * following benign catalogue links, all allowed and clean. They are not tied to a message.
 * Thread-safe.
 */
public final class BackgroundClicks {

  private static final long SALT = 0xB61CL;

  private final long seed;
  private final long volume;
  private final long start;
  private final long span;
  private final List<User> clickers;
  private final List<MessageUrl> links;

  /**
   * {@code volume} clicks over {@code tenant}'s history.
   *
   * @throws IllegalArgumentException if the volume is negative
   */
  public BackgroundClicks(Tenant tenant, long volume) {
    if (volume < 0) {
      throw new IllegalArgumentException("click volume must not be negative, was " + volume);
    }
    this.seed = tenant.seed();
    this.volume = volume;
    this.start = tenant.messagesFrom().getEpochSecond();
    this.span = tenant.now().getEpochSecond() - start;
    List<User> risky = tenant.riskyUsers();
    this.clickers = risky.isEmpty() ? tenant.users() : risky;
    this.links = tenant.urls().stream().filter(u -> !u.malicious()).toList();
  }

  /**
   * One background click.
   *
   * @param at when
   * @param user who clicked
   * @param url the benign link followed
   */
  public record Row(Instant at, Mailbox user, MessageUrl url) {
    /** Checks nothing is null. */
    public Row {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(url, "url");
    }
  }

  /** Number of background clicks. */
  public long size() {
    return volume;
  }

  /** When click {@code j} happened (epoch seconds); never less than for {@code j - 1}. */
  public long secondOf(long j) {
    long slot = slotStart(j);
    long length = slotStart(j + 1) - slot;
    return length <= 0 ? slot : slot + Math.floorMod(Rng.mix(seed, SALT, j), length);
  }

  /** The first click at or after {@code second}; {@link #size()} when none. */
  public long firstAtOrAfter(long second) {
    long lo = 0;
    long hi = volume;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (secondOf(mid) < second) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Click {@code j}. */
  public Row row(long j) {
    Objects.checkIndex(j, volume);
    Rng r = Rng.of(seed, SALT + 1, j);
    return new Row(Instant.ofEpochSecond(secondOf(j)), r.pick(clickers).mailbox(), r.pick(links));
  }

  private long slotStart(long j) {
    // j * span fits in a long for any volume below about 10^12 clicks.
    return start + Math.floorDiv(Math.multiplyExact(j, span), Math.max(1, volume));
  }
}
