package dev.mci.simulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.simulator.FaultProfile;
import dev.mci.simulator.testing.RecordingSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  @Test
  void sameSeedDrawsTheSameFaults() {
    FaultProfile profile = FaultProfile.parse("hostile,seed=11");

    assertThat(draws(new FaultInjector(profile, new RecordingSleeper()), 200))
        .isEqualTo(draws(new FaultInjector(profile, new RecordingSleeper()), 200));
  }

  @Test
  void noneNeverInjects() {
    RecordingSleeper sleeper = new RecordingSleeper();
    FaultInjector injector = new FaultInjector(FaultProfile.none(), sleeper);

    assertThat(draws(injector, 100)).allMatch(d -> d.kind() == FaultInjector.Kind.NONE);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void sharesAreRespectedOverManyDraws() {
    FaultInjector injector =
        new FaultInjector(FaultProfile.parse("5xx=0.2,429=0.1,seed=3"), new RecordingSleeper());

    List<FaultInjector.Drawn> drawn = draws(injector, 10_000);

    long serverErrors =
        drawn.stream().filter(d -> d.kind() == FaultInjector.Kind.SERVER_ERROR).count();
    long limited = drawn.stream().filter(d -> d.kind() == FaultInjector.Kind.RATE_LIMITED).count();
    assertThat(serverErrors).isBetween(1_800L, 2_200L);
    assertThat(limited).isBetween(850L, 1_150L);
    assertThat(drawn)
        .filteredOn(d -> d.kind() == FaultInjector.Kind.SERVER_ERROR)
        .extracting(FaultInjector.Drawn::status)
        .containsOnly(500, 502, 503, 504);
    assertThat(drawn)
        .filteredOn(d -> d.kind() == FaultInjector.Kind.RATE_LIMITED)
        .allSatisfy(d -> assertThat(d.resetMillis()).isBetween(100L, 1_000L));
  }

  @Test
  void latencyWaitsTheFixedPartPlusJitterThroughTheSleeper() throws InterruptedException {
    RecordingSleeper fixed = new RecordingSleeper();
    new FaultInjector(FaultProfile.parse("latency=100ms"), fixed).applyLatency();
    RecordingSleeper jittered = new RecordingSleeper();
    FaultInjector injector =
        new FaultInjector(FaultProfile.parse("latency=100ms,jitter=20ms"), jittered);
    for (int i = 0; i < 50; i++) {
      injector.applyLatency();
    }

    assertThat(fixed.sleeps()).containsExactly(Duration.ofMillis(100));
    assertThat(jittered.sleeps())
        .hasSize(50)
        .allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(80), Duration.ofMillis(120)))
        .doesNotHaveDuplicates();
  }

  private static List<FaultInjector.Drawn> draws(FaultInjector injector, int count) {
    List<FaultInjector.Drawn> drawn = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      drawn.add(injector.draw());
    }
    return drawn;
  }
}
