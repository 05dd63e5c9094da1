package dev.mci.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.ApiFunctionException;
import dev.mci.client.MimecastApiException;
import dev.mci.client.MimecastClient;
import dev.mci.client.MimecastIoException;
import dev.mci.client.ServerException;
import dev.mci.client.messages.MessageSearch;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.ScriptedFault;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Retries, rate limits and failures, scripted in the simulator, seen through the client. */
class RetryEndToEndTest {
  private static final String SEARCH = "/api/message-finder/search";

  private SimulatedTenant tenant = new SimulatedTenant();

  @AfterEach
  void stop() {
    tenant.close();
  }

  private MessageSearch query() {
    return MessageSearch.builder()
        .from(tenant.server.tenant().scenario().senderDomain())
        .start(tenant.clock.instant().minus(Duration.ofDays(7)))
        .end(tenant.clock.instant())
        .build();
  }

  private long searchCalls() {
    return tenant.server.requests().count(SEARCH);
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void functionErrorOnHttp200IsTypedAndNotRetried(SimulatedTenant.Generation generation) {
    tenant
        .server
        .faults()
        .enqueue(
            SEARCH,
            ScriptedFault.functionError(
                "err_validation_blank", "This field cannot be blank", false));
    try (MimecastClient client = tenant.client(generation)) {
      assertThatThrownBy(() -> client.messages().search(query()))
          .isInstanceOfSatisfying(
              ApiFunctionException.class,
              e -> {
                assertThat(e.httpStatus()).isEqualTo(200);
                assertThat(e.errors())
                    .extracting(err -> err.code())
                    .containsExactly("err_validation_blank");
                assertThat(e.endpoint()).isEqualTo(SEARCH);
                assertThat(e.requestId()).isPresent();
              });
    }
    assertThat(searchCalls()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void retryableFunctionErrorIsRetriedAfterTheBackoff(SimulatedTenant.Generation generation) {
    tenant
        .server
        .faults()
        .enqueue(SEARCH, ScriptedFault.functionError("err_busy", "Try again", true));
    try (MimecastClient client = tenant.client(generation)) {
      assertThat(client.messages().search(query())).isNotEmpty();
    }
    assertThat(searchCalls()).isEqualTo(2);
    assertThat(tenant.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void a429IsHonouredForTheWholeResetTheServerAsksFor(SimulatedTenant.Generation generation) {
    tenant.server.faults().enqueue(SEARCH, ScriptedFault.rateLimited(Duration.ofMillis(4200)));
    try (MimecastClient client = tenant.client(generation)) {
      assertThat(client.messages().search(query())).isNotEmpty();
    }
    assertThat(searchCalls()).isEqualTo(2);
    // The fault sends X-RateLimit-Reset: 4200 and Retry-After: 5 (seconds, rounded up).
    assertThat(tenant.sleeps()).hasSize(1);
    assertThat(tenant.sleeps().get(0)).isBetween(Duration.ofMillis(4200), Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void serverErrorsAreRetriedWithGrowingBackoffThenSurfaced(SimulatedTenant.Generation generation) {
    IntStream.range(0, 4)
        .forEach(i -> tenant.server.faults().enqueue(SEARCH, ScriptedFault.status(503)));
    try (MimecastClient client = tenant.client(generation)) {
      assertThatThrownBy(() -> client.messages().search(query()))
          .isInstanceOfSatisfying(
              ServerException.class, e -> assertThat(e.httpStatus()).isEqualTo(503))
          .hasMessageContaining(SEARCH)
          .hasMessageContaining("request id");
    }
    assertThat(searchCalls()).isEqualTo(4);
    assertThat(tenant.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void aTransientServerErrorIsInvisibleToTheCaller(SimulatedTenant.Generation generation) {
    tenant.server.faults().enqueue(SEARCH, ScriptedFault.status(500));
    tenant.server.faults().enqueue(SEARCH, ScriptedFault.status(502));
    try (MimecastClient client = tenant.client(generation)) {
      assertThat(client.messages().search(query())).isNotEmpty();
    }
    assertThat(searchCalls()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void aDroppedConnectionIsRetried(SimulatedTenant.Generation generation) {
    tenant.server.faults().enqueue(SEARCH, ScriptedFault.dropConnection());
    try (MimecastClient client = tenant.client(generation)) {
      assertThat(client.messages().search(query())).isNotEmpty();
    }
    assertThat(tenant.server.requests().all()).filteredOn(r -> r.dropped()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void connectionsThatKeepDroppingSurfaceAsAnIoError(SimulatedTenant.Generation generation) {
    IntStream.range(0, 4)
        .forEach(i -> tenant.server.faults().enqueue(SEARCH, ScriptedFault.dropConnection()));
    try (MimecastClient client = tenant.client(generation)) {
      assertThatThrownBy(() -> client.messages().search(query()))
          .isInstanceOf(MimecastIoException.class)
          .hasMessageContaining(SEARCH);
    }
    assertThat(tenant.sleeps()).hasSize(3);
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void anEmptyBodied400IsAnErrorWithoutRetry(SimulatedTenant.Generation generation) {
    tenant.server.faults().enqueue(SEARCH, ScriptedFault.emptyBody(400));
    try (MimecastClient client = tenant.client(generation)) {
      assertThatThrownBy(() -> client.messages().search(query()))
          .isInstanceOfSatisfying(
              MimecastApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }
    assertThat(searchCalls()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void aSmallQuotaIsNeverExceededBecauseTheGateWaitsForTheReset(
      SimulatedTenant.Generation generation) {
    tenant.close();
    tenant =
        new SimulatedTenant(config -> config.rateLimit(RateLimit.of(5, Duration.ofMinutes(1))));
    try (MimecastClient client = tenant.client(generation)) {
      for (int i = 0; i < 20; i++) {
        assertThat(client.messages().search(query())).isNotEmpty();
      }
    }
    assertThat(tenant.server.requests().all()).noneMatch(r -> r.status() == 429);
    assertThat(searchCalls()).isEqualTo(20);
    assertThat(tenant.sleeps()).isNotEmpty();
  }
}
