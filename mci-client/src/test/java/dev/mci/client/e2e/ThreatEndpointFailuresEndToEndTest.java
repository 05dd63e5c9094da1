package dev.mci.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.AuthenticationException;
import dev.mci.client.HmacCredentials;
import dev.mci.client.MimecastClient;
import dev.mci.client.ServerException;
import dev.mci.client.incidents.IncidentQuery;
import dev.mci.client.logs.AttachmentLogQuery;
import dev.mci.client.logs.HeldMessageQuery;
import dev.mci.client.logs.ImpersonationLogQuery;
import dev.mci.client.logs.RejectionLogQuery;
import dev.mci.client.logs.ReleaseLogQuery;
import dev.mci.client.logs.UrlLogQuery;
import dev.mci.client.urls.ManagedUrlQuery;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.SimulatorCredentials;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of this area through the shared transport: a rate-limited answer is waited for, a
 * server that keeps failing ends in {@link ServerException} after the retries, and refused
 * credentials are an {@link AuthenticationException}.
 */
class ThreatEndpointFailuresEndToEndTest {

  private final SimulatedTenant tenant = new SimulatedTenant();

  @AfterEach
  void stop() {
    tenant.close();
  }

  /** One call per endpoint, consuming every row it returns. */
  static Stream<Arguments> endpoints() {
    List<Arguments> calls =
        List.of(
            call("/api/ttp/url/get-logs", c -> c.logs().urlLogs(UrlLogQuery.builder().build())),
            call(
                "/api/ttp/impersonation/get-logs",
                c -> c.logs().impersonationLogs(ImpersonationLogQuery.builder().build())),
            call(
                "/api/ttp/attachment/get-logs",
                c -> c.logs().attachmentLogs(AttachmentLogQuery.builder().build())),
            call(
                "/api/gateway/get-held-release-logs",
                c -> c.logs().releaseLogs(ReleaseLogQuery.builder().build())),
            call(
                "/api/gateway/get-rejections",
                c -> c.logs().rejections(RejectionLogQuery.builder().build())),
            call(
                "/api/gateway/get-hold-message-list",
                c -> c.logs().heldMessages(HeldMessageQuery.builder().build())),
            call(
                "/api/ttp/url/get-all-managed-urls",
                c -> c.urls().managedUrls(ManagedUrlQuery.all())),
            call(
                "/api/ttp/remediation/find-incidents",
                c -> c.incidents().find(IncidentQuery.builder().build())),
            call(
                "/api/ttp/remediation/search-hash",
                c -> c.hashes().search(List.of("ab".repeat(32)))));
    return calls.stream();
  }

  private static Arguments call(String path, Function<MimecastClient, Iterable<?>> call) {
    return Arguments.of(path, call);
  }

  private static void drain(Iterable<?> rows) {
    rows.forEach(row -> {});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aRateLimitedAnswerIsWaitedFor(String path, Function<MimecastClient, Iterable<?>> call) {
    tenant.server.faults().enqueue(path, ScriptedFault.rateLimited(Duration.ofMillis(2500)));
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_1_HMAC)) {
      drain(call.apply(client));
    }
    assertThat(tenant.sleeps()).anyMatch(wait -> wait.compareTo(Duration.ofMillis(2500)) >= 0);
    assertThat(tenant.server.requests().count(path)).isGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aServerThatKeepsFailingIsAServerException(
      String path, Function<MimecastClient, Iterable<?>> call) {
    for (int i = 0; i < 4; i++) {
      tenant.server.faults().enqueue(path, ScriptedFault.status(503));
    }
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_2_OAUTH)) {
      assertThatThrownBy(() -> drain(call.apply(client))).isInstanceOf(ServerException.class);
    }
    assertThat(tenant.server.requests().count(path)).isEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void refusedCredentialsAreAnAuthenticationError(
      String path, Function<MimecastClient, Iterable<?>> call) {
    SimulatorCredentials sim = tenant.server.credentials();
    try (MimecastClient client =
        tenant
            .builder(SimulatedTenant.Generation.API_1_HMAC)
            .credentials(
                new HmacCredentials(
                    sim.appId(), sim.appKey(), sim.accessKey(), sim.expiredSecretKey()))
            .build()) {
      assertThatThrownBy(() -> drain(call.apply(client)))
          .isInstanceOf(AuthenticationException.class);
    }
    assertThat(tenant.server.requests().count(path)).isEqualTo(1);
  }
}
