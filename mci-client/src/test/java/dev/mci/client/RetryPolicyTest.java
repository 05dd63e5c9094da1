package dev.mci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void doublesFromTheInitialBackoffUpToTheCap() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .initialBackoff(Duration.ofSeconds(1))
            .maxBackoff(Duration.ofSeconds(5))
            .jitterSource(() -> 0.0)
            .build();
    assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.backoff(60)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void jitterShortensTheBackoffByTheInjectedFraction() {
    RetryPolicy policy = RetryPolicy.builder().jitter(0.25).jitterSource(() -> 0.5).build();
    assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(875));
    assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(1750));
  }

  @Test
  void waitsAtLeastWhatTheServerAskedFor() {
    RetryPolicy policy = RetryPolicy.builder().jitterSource(() -> 0.0).build();
    assertThat(policy.delay(1, Optional.of(Duration.ofMillis(2500))))
        .isEqualTo(Duration.ofMillis(2500));
    assertThat(policy.delay(3, Optional.of(Duration.ofMillis(2500))))
        .isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.delay(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void defaultsToThreeRetries() {
    assertThat(RetryPolicy.defaults().maxRetries()).isEqualTo(3);
    assertThat(RetryPolicy.none().maxRetries()).isZero();
    assertThat(RetryPolicy.defaults().withMaxRetries(7).maxRetries()).isEqualTo(7);
  }

  @Test
  void rejectsNonsenseSettingsWithAFix() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1))
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("use 0 to disable retries");
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .initialBackoff(Duration.ofSeconds(10))
                    .maxBackoff(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("raise maxBackoff");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5))
        .isInstanceOf(MimecastConfigException.class);
  }
}
