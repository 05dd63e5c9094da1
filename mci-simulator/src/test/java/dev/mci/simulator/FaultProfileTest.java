package dev.mci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultProfileTest {

  @Test
  void parsesEveryKey() {
    FaultProfile profile =
        FaultProfile.parse(
            "latency=100ms,jitter=20ms,429=0.05,5xx=0.02,drop=0.01,slow=0.01,early-expiry=0.01,seed=7");

    assertThat(profile)
        .isEqualTo(
            new FaultProfile(
                Duration.ofMillis(100), Duration.ofMillis(20), 0.05, 0.02, 0.01, 0.01, 0.01, 7));
  }

  @Test
  void namedProfilesCanBeOverridden() {
    FaultProfile profile = FaultProfile.parse("hostile, seed=9, drop=0");

    assertThat(profile.seed()).isEqualTo(9);
    assertThat(profile.dropShare()).isZero();
    assertThat(profile.rateLimitedShare()).isEqualTo(FaultProfile.hostile().rateLimitedShare());
    assertThat(FaultProfile.parse("flaky")).isEqualTo(FaultProfile.flaky());
  }

  @Test
  void blankTextAndNoneMeanNoFaults() {
    assertThat(FaultProfile.parse("")).isEqualTo(FaultProfile.none());
    assertThat(FaultProfile.parse("none").isNone()).isTrue();
    assertThat(FaultProfile.flaky().isNone()).isFalse();
  }

  @Test
  void acceptsPercentagesAndSecondDurations() {
    FaultProfile profile = FaultProfile.parse("429=5%,latency=2s,jitter=150");

    assertThat(profile.rateLimitedShare()).isEqualTo(0.05);
    assertThat(profile.latency()).isEqualTo(Duration.ofSeconds(2));
    assertThat(profile.jitter()).isEqualTo(Duration.ofMillis(150));
  }

  @Test
  void textFormRoundTrips() {
    FaultProfile profile = FaultProfile.hostile();

    assertThat(FaultProfile.parse(profile.toString())).isEqualTo(profile);
  }

  @Test
  void unknownKeyNamesTheKeyAndTheValidOnes() {
    assertThatThrownBy(() -> FaultProfile.parse("latency=1ms,chaos=0.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'chaos'")
        .hasMessageContaining("latency, jitter, 429, 5xx, drop, slow, early-expiry, seed");
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> FaultProfile.parse("drop=lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'drop'");
    assertThatThrownBy(() -> FaultProfile.parse("5xx=1.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'5xx'");
    assertThatThrownBy(() -> FaultProfile.parse("latency=fast"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'latency'");
    assertThatThrownBy(() -> FaultProfile.parse("drop=0.6,5xx=0.6"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 1");
    assertThatThrownBy(() -> FaultProfile.parse("seed=1,flaky"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'flaky'");
  }
}
