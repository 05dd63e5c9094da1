package dev.mci.investigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndicatorTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "eNpVjs1ugzAQhO95ir1HMWBiSJBEjaFqTlUVKafIQaxhM3mbCtBhmuM8bM3rSc4b6Q8rQ3|MIMECAST_ID|eNpVjs1ugzAQhO95ir1HMWBiSJBEjaFqTlUVKafIQaxhM3mbCtBhmuM8bM3rSc4b6Q8rQ3",
        "<20250301.abc123@mail.invoices.example>|MESSAGE_ID_HEADER|<20250301.abc123@mail.invoices.example>",
        "Acme-C0rp.Example|SENDER_DOMAIN|acme-c0rp.example",
        "203.0.113.7|SENDING_IP|203.0.113.7",
        "2001:DB8::7|SENDING_IP|2001:db8::7",
        "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855|SHA256|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "https://login.acme-c0rp.example/wire/confirm?ref=1|URL|https://login.acme-c0rp.example/wire/confirm?ref=1",
        "https://protect-us.mimecast.com/s/kL3xC0YVj5hQm2Wz?domain=pay.example|REWRITTEN_URL|https://protect-us.mimecast.com/s/kL3xC0YVj5hQm2Wz?domain=pay.example",
      })
  void theTypeIsDetectedFromTheForm(String text, IndicatorType type, String normalised) {
    Indicator indicator = Indicator.parse(text);

    assertThat(indicator.type()).isEqualTo(type);
    assertThat(indicator.value()).isEqualTo(normalised);
  }

  @Test
  void anAddressIsASenderOrAUserSoItsFormAloneIsAmbiguous() {
    assertThat(Indicator.candidates("Dana.Reyes@acme-corp.example"))
        .containsExactly(IndicatorType.SENDER_ADDRESS, IndicatorType.USER_ADDRESS);
    assertThatThrownBy(() -> Indicator.parse("dana.reyes@acme-corp.example"))
        .isInstanceOf(AmbiguousIndicatorException.class)
        .hasMessageContaining("--type sender")
        .hasMessageContaining("--type user")
        .satisfies(
            e ->
                assertThat(((AmbiguousIndicatorException) e).choices())
                    .containsExactly(IndicatorType.SENDER_ADDRESS, IndicatorType.USER_ADDRESS));
  }

  @Test
  void aMessageIdWithoutBracketsCouldAlsoBeAnAddress() {
    assertThat(Indicator.candidates("5f2c8a9e0b1d4c7a8e6f3a21@mail.example"))
        .containsExactly(
            IndicatorType.MESSAGE_ID_HEADER,
            IndicatorType.SENDER_ADDRESS,
            IndicatorType.USER_ADDRESS);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mailto:CFO@Acme-Corp.example|USER_ADDRESS|cfo@acme-corp.example",
        "ceo@acme-c0rp.example|SENDER_ADDRESS|ceo@acme-c0rp.example",
        "abc123@mail.example|MESSAGE_ID_HEADER|<abc123@mail.example>",
      })
  void aChosenTypeNormalisesTheValue(String text, IndicatorType type, String normalised) {
    assertThat(Indicator.of(text, type).value()).isEqualTo(normalised);
  }

  @Test
  void aValueThatDoesNotFitTheChosenTypeIsRefused() {
    assertThatThrownBy(() -> Indicator.of("not-an-ip", IndicatorType.SENDING_IP))
        .isInstanceOf(UnrecognisedIndicatorException.class)
        .hasMessageContaining("is not a sending IP");
    assertThatThrownBy(() -> Indicator.of("https://example.com/s/abc", IndicatorType.REWRITTEN_URL))
        .isInstanceOf(UnrecognisedIndicatorException.class)
        .hasMessageContaining("--type url");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "hello world", "999.1.1.1", "ftp://files.example/x", "abc"})
  void textThatIsNoIndicatorIsRefusedWithTheAcceptedForms(String text) {
    assertThatThrownBy(() -> Indicator.parse(text))
        .isInstanceOf(UnrecognisedIndicatorException.class)
        .hasMessageContaining("Message-ID")
        .hasMessageContaining("SHA-256");
  }

  @Test
  void typesAreNamedOnTheCommandLineByShortNames() {
    assertThat(IndicatorType.fromName("rewritten-url")).contains(IndicatorType.REWRITTEN_URL);
    assertThat(IndicatorType.fromName("SENDER_ADDRESS")).contains(IndicatorType.SENDER_ADDRESS);
    assertThat(IndicatorType.fromName("nonsense")).isEmpty();
    assertThat(IndicatorType.cliNames()).startsWith("mimecast-id, message-id, sender");
  }

  @Test
  void anAddressKnowsItsDomain() {
    assertThat(Indicator.of("ceo@acme-c0rp.example", IndicatorType.SENDER_ADDRESS).domain())
        .isEqualTo("acme-c0rp.example");
  }
}
