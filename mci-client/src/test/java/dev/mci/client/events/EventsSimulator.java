package dev.mci.client.events;

import dev.mci.client.HmacCredentials;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.RetryPolicy;
import dev.mci.client.Sleeper;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.events.EventStreamConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulator with an event stream on loopback and clients of both generations, sharing a clock
 * that only moves when told to (or when a client "sleeps"): tests see exact waits and never sleep.
 */
final class EventsSimulator implements AutoCloseable {

  final MovableClock clock =
      new MovableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(30));
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final SimulatorServer server;

  EventsSimulator(EventStreamConfig events) {
    server =
        SimulatorServer.start(
            SimulatorConfig.builder()
                .clock(clock)
                .rateLimit(RateLimit.of(100_000, Duration.ofMinutes(1)))
                .events(events)
                .build());
  }

  Sleeper sleeper() {
    return duration -> {
      sleeps.add(duration);
      clock.advance(duration);
    };
  }

  MimecastClient.Builder api2() {
    SimulatorCredentials sim = server.credentials();
    return MimecastClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(new OAuth2Credentials(sim.clientId(), sim.clientSecret()))
        .clock(clock)
        .sleeper(sleeper())
        .retryPolicy(RetryPolicy.builder().maxRetries(3).jitter(0).build());
  }

  MimecastClient.Builder api1() {
    SimulatorCredentials sim = server.credentials();
    return MimecastClient.builder()
        .baseUrl(server.baseUrlV1())
        .credentials(
            new HmacCredentials(sim.appId(), sim.appKey(), sim.accessKey(), sim.secretKey()))
        .clock(clock)
        .sleeper(sleeper())
        .retryPolicy(RetryPolicy.builder().maxRetries(3).jitter(0).build());
  }

  @Override
  public void close() {
    server.close();
  }

  /** A clock tests move by hand. */
  static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration duration) {
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
