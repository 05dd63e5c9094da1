package dev.mci.store.testing;

import dev.mci.client.CallListener;
import dev.mci.client.HmacCredentials;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.RetryPolicy;
import dev.mci.client.Sleeper;
import dev.mci.client.events.EventType;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.events.EventStreamConfig;
import dev.mci.simulator.events.SiemLog;
import dev.mci.simulator.events.SiemType;
import dev.mci.store.StoreLocation;
import dev.mci.store.pull.PullOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulator with an event stream, a store on one engine and the means to pull from one into the
 * other without real waiting: one clock shared by simulator, client and puller that moves only when
 * someone "sleeps".
 */
public final class PullFixture implements AutoCloseable {

  public final MovableClock clock;
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  public final SimulatorServer server;
  public final StoreLocation location;
  public final Path folder;
  private final SiemLog log;

  public PullFixture(StoreLocation.Engine engine, Path folder, EventStreamConfig events) {
    this.folder = folder;
    // 10:20:34 UTC today: inside a batch window, and seven days back is still the same date, so
    // the puller's first listing day starts at the first window of the retention period.
    this.clock =
        new MovableClock(
            Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofHours(10))
                .plusSeconds(1_234));
    this.server =
        SimulatorServer.start(
            SimulatorConfig.builder()
                .clock(clock)
                .rateLimit(RateLimit.of(1_000_000, Duration.ofMinutes(1)))
                .events(events)
                .build());
    this.log = new SiemLog(server.tenant(), events);
    this.location = TestStores.create(engine, folder);
  }

  /** Records a wait and moves the shared clock by it. */
  public Sleeper sleeper() {
    return duration -> {
      sleeps.add(duration);
      clock.advance(duration);
    };
  }

  public MimecastClient.Builder api2() {
    SimulatorCredentials sim = server.credentials();
    return MimecastClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(new OAuth2Credentials(sim.clientId(), sim.clientSecret()))
        .clock(clock)
        .sleeper(sleeper())
        .retryPolicy(RetryPolicy.builder().maxRetries(2).jitter(0).build());
  }

  public MimecastClient.Builder api1() {
    SimulatorCredentials sim = server.credentials();
    return MimecastClient.builder()
        .baseUrl(server.baseUrlV1())
        .credentials(
            new HmacCredentials(sim.appId(), sim.appKey(), sim.accessKey(), sim.secretKey()))
        .clock(clock)
        .sleeper(sleeper())
        .retryPolicy(RetryPolicy.builder().maxRetries(2).jitter(0).build());
  }

  /** A client that calls {@code listener} after every HTTP attempt. */
  public MimecastClient api2(CallListener listener) {
    return api2().callListener(listener).build();
  }

  /** Pull options over this fixture's folders and clock, from as far back as events reach. */
  public PullOptions.Builder options() {
    return PullOptions.builder(folder).clock(clock).sleeper(sleeper()).pageSize(7).commitEvery(100);
  }

  /** The simulator's log, to compute what a complete pull must store. */
  public SiemLog log() {
    return log;
  }

  /** Events of {@code types} a complete pull of the retention period until now stores. */
  public long expectedEvents(Set<EventType> types) {
    long from = log.retentionStart(clock.instant());
    long to = log.firstUnpublished(clock.instant());
    long total = 0;
    for (EventType type : types) {
      total += log.countUnique(SiemType.fromWire(type.wire()).orElseThrow(), from, to);
    }
    return total;
  }

  @Override
  public void close() {
    server.close();
    TestStores.drop(location);
  }

  /** A clock tests move by hand. */
  public static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    public void advance(Duration duration) {
      now.updateAndGet(t -> t.plus(duration));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
