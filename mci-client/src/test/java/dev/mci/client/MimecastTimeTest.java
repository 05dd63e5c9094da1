package dev.mci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MimecastTimeTest {

  @Test
  void formatsInUtcWithNumericOffsetWithoutColon() {
    assertThat(MimecastTime.format(Instant.parse("2025-03-01T00:00:00.750Z")))
        .isEqualTo("2025-03-01T00:00:00+0000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-10-18T08:45:02+0000",
        "2021-10-18T08:45:02+00:00",
        "2021-10-18T08:45:02Z",
        "2021-10-18T09:45:02+0100",
        "2021-10-18T08:45:02.000Z"
      })
  void parsesEveryAcceptedOffsetForm(String text) {
    assertThat(MimecastTime.parse(text)).isEqualTo(Instant.parse("2021-10-18T08:45:02Z"));
  }

  @Test
  void parsingRoundTripsFormatting() {
    Instant instant = Instant.parse("2024-05-02T09:14:07Z");
    assertThat(MimecastTime.parse(MimecastTime.format(instant))).isEqualTo(instant);
  }

  @Test
  void rejectsTextThatIsNotADateNamingTheValue() {
    assertThatThrownBy(() -> MimecastTime.parse("18/10/2021"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'18/10/2021'");
  }
}
