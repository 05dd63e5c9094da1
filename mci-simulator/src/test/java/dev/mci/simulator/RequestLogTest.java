package dev.mci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestLogTest {

  @Test
  void countsEveryRequestButRetainsOnlyTheMostRecent() {
    RequestLog log = new RequestLog();
    for (int i = 0; i < RequestLog.RETAINED + 5; i++) {
      log.record(request("/api/a", i));
    }
    log.record(request("/oauth/token", 1));

    assertThat(log.count("/api/a")).isEqualTo(RequestLog.RETAINED + 5);
    assertThat(log.count("/oauth/token")).isEqualTo(1);
    assertThat(log.all()).hasSize(RequestLog.RETAINED);
    assertThat(log.all().get(RequestLog.RETAINED - 1).path()).isEqualTo("/oauth/token");
    assertThat(log.all().get(0).time()).isEqualTo(Instant.ofEpochSecond(6));
  }

  @Test
  void clearForgetsEverything() {
    RequestLog log = new RequestLog();
    log.record(request("/api/a", 0));

    log.clear();

    assertThat(log.all()).isEmpty();
    assertThat(log.count("/api/a")).isZero();
  }

  private static RecordedRequest request(String path, long second) {
    return new RecordedRequest(
        Instant.ofEpochSecond(second),
        ApiGeneration.V2,
        "POST",
        path,
        AuthScheme.BEARER,
        Optional.empty(),
        200);
  }
}
