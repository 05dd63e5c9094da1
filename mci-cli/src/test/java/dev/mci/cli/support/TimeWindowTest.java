package dev.mci.cli.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.cli.UserInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeWindowTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void relativeAgesCountBackFromNow() {
    assertThat(TimeWindow.parse("--since", "10m", NOW)).isEqualTo("2026-11-28T11:50:00Z");
    assertThat(TimeWindow.parse("--since", "24h", NOW)).isEqualTo("2026-11-27T12:00:00Z");
    assertThat(TimeWindow.parse("--since", "7d", NOW)).isEqualTo("2026-11-21T12:00:00Z");
    assertThat(TimeWindow.parse("--since", "2w", NOW)).isEqualTo("2026-11-14T12:00:00Z");
    assertThat(TimeWindow.parse("--since", "30s", NOW)).isEqualTo("2026-11-28T11:59:30Z");
  }

  @Test
  void isoFormsAreAccepted() {
    assertThat(TimeWindow.parse("--since", "2025-03-01", NOW)).isEqualTo("2025-03-01T00:00:00Z");
    assertThat(TimeWindow.parse("--since", "2025-03-01T09:30:00Z", NOW))
        .isEqualTo("2025-03-01T09:30:00Z");
    assertThat(TimeWindow.parse("--since", "2025-03-01T09:30:00+01:00", NOW))
        .isEqualTo("2025-03-01T08:30:00Z");
    assertThat(TimeWindow.parse("--since", "2025-03-01T09:30:00", NOW))
        .isEqualTo("2025-03-01T09:30:00Z");
  }

  @Test
  void defaultsToTheGivenSinceAndNow() {
    TimeWindow window = TimeWindow.resolve(null, null, "24h", CLOCK);
    assertThat(window.since()).isEqualTo("2026-11-27T12:00:00Z");
    assertThat(window.until()).isEqualTo(NOW);
  }

  @Test
  void invertedWindowIsRejectedNamingBothOptions() {
    assertThatThrownBy(() -> TimeWindow.resolve("1h", "2d", "24h", CLOCK))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("--since")
        .hasMessageContaining("--until")
        .hasMessageContaining("is not before");
  }

  @Test
  void garbageNamesTheOptionAndTheAcceptedForms() {
    assertThatThrownBy(() -> TimeWindow.parse("--until", "yesterday-ish", NOW))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("--until 'yesterday-ish' is not a time")
        .hasMessageContaining("24h");
  }
}
