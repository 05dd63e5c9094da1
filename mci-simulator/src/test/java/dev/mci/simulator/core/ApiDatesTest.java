package dev.mci.simulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiDatesTest {

  private static final Instant INSTANT = Instant.parse("2025-03-01T10:15:30Z");

  @Test
  void writesTheResponseForm() {
    assertThat(ApiDates.format(INSTANT)).isEqualTo("2025-03-01T10:15:30+0000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-03-01T10:15:30+0000",
        "2025-03-01T10:15:30+00:00",
        "2025-03-01T10:15:30Z",
        "2025-03-01T11:15:30+0100",
        "2025-03-01T10:15:30.000Z",
        "2025-03-01T10:15:30",
        " 2025-03-01T10:15:30+0000 "
      })
  void readsEveryAcceptedForm(String text) {
    assertThat(ApiDates.parse(text)).contains(INSTANT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-03-01", "yesterday", "2025-13-01T10:15:30Z", ""})
  void rejectsWhatIsNotADateTime(String text) {
    assertThat(ApiDates.parse(text)).isEmpty();
  }
}
