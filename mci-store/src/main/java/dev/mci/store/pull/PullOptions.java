package dev.mci.store.pull;

import dev.mci.client.Sleeper;
import dev.mci.client.events.EventType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What an {@link EventPuller} pulls and how. Build with {@link #builder(Path)}.
 *
 * @param types the SIEM log types to pull
 * @param audit whether to pull audit events too
 * @param via which API 2.0 interface carries the SIEM events (API 1.0 keys always use the log
 *     files)
 * @param since where streams without a checkpoint start; null for as far back as each interface
 *     reaches
 * @param follow keep polling for new events until stopped, instead of ending once caught up
 * @param pollInterval wait between polls once caught up (follow mode)
 * @param quarantineFolder where unreadable files are kept, with a {@code .reason.txt} beside each
 * @param spoolFolder where files are downloaded before they are read
 * @param pageSize batch files per listing page, or events per streaming page
 * @param attempts how many times a failing call is tried (after the client's own retries) before a
 *     stream gives up, when not following; following never gives up
 * @param commitEvery events per transaction: files are stored together until this many events (or a
 *     few seconds) have gathered, then committed with the checkpoint past the last one
 * @param clock time source (lag, defaults for {@code since})
 * @param sleeper how the puller waits (polls, back-off)
 * @param stop asked before each step; true ends the pull cleanly
 */
public record PullOptions(
    Set<EventType> types,
    boolean audit,
    Via via,
    Instant since,
    boolean follow,
    Duration pollInterval,
    Path quarantineFolder,
    Path spoolFolder,
    int pageSize,
    int attempts,
    int commitEvery,
    Clock clock,
    Sleeper sleeper,
    BooleanSupplier stop) {

  /** The API 2.0 interface for SIEM events. */
  public enum Via {
    /** {@code /siem/v1/batch/events/cg}: gzip files, 7 days back, one cursor per type. */
    BATCH,
    /** {@code /siem/v1/events/cg}: pages of events, 24 hours back, one cursor for all types. */
    STREAM
  }

  /** Copies the type set and checks the values. */
  public PullOptions {
    types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(quarantineFolder, "quarantineFolder");
    Objects.requireNonNull(spoolFolder, "spoolFolder");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(stop, "stop");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be positive, was " + attempts);
    }
    if (commitEvery < 1) {
      throw new IllegalArgumentException("commitEvery must be positive, was " + commitEvery);
    }
    if (types.isEmpty() && !audit) {
      throw new IllegalArgumentException("nothing to pull: give at least one type or audit");
    }
  }

  /** The default set: every verified Cloud Gateway type (web security is asked for explicitly). */
  public static Set<EventType> defaultTypes() {
    EnumSet<EventType> types = EnumSet.allOf(EventType.class);
    types.removeIf(type -> !type.verified());
    return types;
  }

  /** A builder whose quarantine and spool folders live under {@code dataFolder}. */
  public static Builder builder(Path dataFolder) {
    return new Builder(dataFolder);
  }

  /** Builds {@link PullOptions}; defaults as listed on each setter. */
  public static final class Builder {
    private Set<EventType> types = defaultTypes();
    private boolean audit = true;
    private Via via = Via.BATCH;
    private Instant since;
    private boolean follow;
    private Duration pollInterval = Duration.ofMinutes(1);
    private Path quarantineFolder;
    private Path spoolFolder;
    private int pageSize = 100;
    private int attempts = 4;
    private int commitEvery = 20_000;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private BooleanSupplier stop = () -> false;

    private Builder(Path dataFolder) {
      this.quarantineFolder = dataFolder.resolve("quarantine");
      this.spoolFolder = dataFolder.resolve("spool");
    }

    /** SIEM types to pull (default: every verified Cloud Gateway type). */
    public Builder types(Set<EventType> types) {
      this.types = types;
      return this;
    }

    /** Whether to pull audit events (default true). */
    public Builder audit(boolean audit) {
      this.audit = audit;
      return this;
    }

    /** The API 2.0 interface (default {@link Via#BATCH}). */
    public Builder via(Via via) {
      this.via = via;
      return this;
    }

    /** Start of streams without a checkpoint (default: as far back as each interface reaches). */
    public Builder since(Instant since) {
      this.since = since;
      return this;
    }

    /** Keep polling until stopped (default false). */
    public Builder follow(boolean follow) {
      this.follow = follow;
      return this;
    }

    /** Wait between polls once caught up (default 1 minute). */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
      return this;
    }

    /** Where unreadable files go (default {@code <data>/quarantine}). */
    public Builder quarantineFolder(Path folder) {
      this.quarantineFolder = folder;
      return this;
    }

    /** Where files are downloaded before reading (default {@code <data>/spool}). */
    public Builder spoolFolder(Path folder) {
      this.spoolFolder = folder;
      return this;
    }

    /** Files per listing or events per streaming page (default 100). */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /** Tries of a failing call before a stream gives up when not following (default 4). */
    public Builder attempts(int attempts) {
      this.attempts = attempts;
      return this;
    }

    /**
     * Events per transaction (default 20,000): bigger transactions store faster (index pages are
     * written once per transaction), smaller ones redo less after a crash.
     */
    public Builder commitEvery(int events) {
      this.commitEvery = events;
      return this;
    }

    /** Time source (default the system clock). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How the puller waits (default real sleeping). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** Asked before each step; true ends the pull (default never). */
    public Builder stop(BooleanSupplier stop) {
      this.stop = stop;
      return this;
    }

    /** Validates and builds. */
    public PullOptions build() {
      return new PullOptions(
          types,
          audit,
          via,
          since,
          follow,
          pollInterval,
          quarantineFolder,
          spoolFolder,
          pageSize,
          attempts,
          commitEvery,
          clock,
          sleeper,
          stop);
    }
  }
}
