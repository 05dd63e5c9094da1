package dev.mci.client.e2e;

import static dev.mci.client.e2e.SimulatedTenant.Generation.API_1_HMAC;
import static dev.mci.client.e2e.SimulatedTenant.Generation.API_2_OAUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.AuthenticationException;
import dev.mci.client.BindingExpiredException;
import dev.mci.client.HmacCredentials;
import dev.mci.client.MimecastClient;
import dev.mci.client.MimecastException;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.messages.MessageSearch;
import dev.mci.client.messages.TrackedEmail;
import dev.mci.simulator.RecordedRequest;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.tenant.Mailbox;
import dev.mci.simulator.tenant.PhishingScenario;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both authentication generations against the simulator over loopback HTTP. */
class AuthEndToEndTest {
  private static final String SEARCH = "/api/message-finder/search";
  private static final String TOKEN = "/oauth/token";

  private final SimulatedTenant tenant = new SimulatedTenant();
  private final PhishingScenario phish = tenant.server.tenant().scenario();

  @AfterEach
  void stop() {
    tenant.close();
  }

  private MessageSearch fromPhishDomain() {
    return MessageSearch.builder()
        .from(phish.senderDomain())
        .start(tenant.clock.instant().minus(Duration.ofDays(7)))
        .end(tenant.clock.instant())
        .build();
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void bothGenerationsFindEveryRecipientOfThePlantedPhish(SimulatedTenant.Generation generation) {
    try (MimecastClient client = tenant.client(generation)) {
      List<TrackedEmail> rows = client.messages().search(fromPhishDomain());

      assertThat(rows)
          .extracting(row -> row.to().get(0).emailAddress())
          .containsExactlyInAnyOrderElementsOf(
              phish.recipients().stream().map(Mailbox::address).toList());
      assertThat(rows).allSatisfy(row -> assertThat(row.subject()).isEqualTo(phish.subject()));
    }
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void everyCallCarriesAFreshRequestId(SimulatedTenant.Generation generation) {
    try (MimecastClient client = tenant.client(generation)) {
      client.messages().search(fromPhishDomain());
      client.messages().search(fromPhishDomain());
    }
    List<RecordedRequest> calls = tenant.server.requests().all();
    assertThat(calls).isNotEmpty();
    assertThat(calls).allSatisfy(call -> assertThat(call.requestId()).isPresent());
    assertThat(
            calls.stream().map(call -> call.requestId().orElseThrow()).collect(Collectors.toSet()))
        .hasSameSizeAs(calls);
  }

  @Test
  void tokenIsRenewedShortlyBeforeItExpiresWithoutA401() {
    try (MimecastClient client = tenant.client(API_2_OAUTH)) {
      client.messages().search(fromPhishDomain());
      tenant.clock.advance(Duration.ofSeconds(1799 - 30));
      client.messages().search(fromPhishDomain());
    }
    assertThat(tenant.server.requests().count(TOKEN)).isEqualTo(2);
    assertThat(tenant.server.requests().all()).noneMatch(call -> call.status() == 401);
  }

  @Test
  void expiredTokenIsRefreshedOnceOn401AndTheCallSucceeds() {
    try (MimecastClient client = tenant.client(API_2_OAUTH)) {
      client.messages().search(fromPhishDomain());
      tenant.server.expireAllTokens();

      assertThat(client.messages().search(fromPhishDomain())).hasSize(phish.recipients().size());
    }
    assertThat(tenant.server.requests().count(TOKEN)).isEqualTo(2);
    assertThat(tenant.server.requests().all()).filteredOn(call -> call.status() == 401).hasSize(1);
  }

  @Test
  void aTokenRejectedEvenAfterRefreshSurfacesAsAuthenticationError() {
    tenant.server.faults().enqueue(SEARCH, ScriptedFault.tokenExpired());
    tenant.server.faults().enqueue(SEARCH, ScriptedFault.tokenExpired());
    try (MimecastClient client = tenant.client(API_2_OAUTH)) {
      assertThatThrownBy(() -> client.messages().search(fromPhishDomain()))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining(SEARCH)
          .hasMessageContaining("request id");
    }
    assertThat(tenant.server.requests().count(TOKEN)).isEqualTo(2);
    assertThat(tenant.server.requests().count(SEARCH)).isEqualTo(2);
  }

  @Test
  void wrongClientSecretIsRefusedByTheTokenEndpoint() {
    SimulatorCredentials sim = tenant.server.credentials();
    try (MimecastClient client =
        tenant
            .builder(API_2_OAUTH)
            .credentials(new OAuth2Credentials(sim.clientId(), "not-the-secret"))
            .build()) {
      assertThatThrownBy(() -> client.messages().search(fromPhishDomain()))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining(TOKEN)
          .hasMessageNotContaining("not-the-secret");
    }
    assertThat(tenant.server.requests().count(SEARCH)).isZero();
  }

  @Test
  void badHmacSignatureIsAnAuthenticationErrorWithTheRequestId() {
    SimulatorCredentials sim = tenant.server.credentials();
    String wrongSecret = Base64.getEncoder().encodeToString("some-other-secret-key".getBytes());
    try (MimecastClient client =
        tenant
            .builder(API_1_HMAC)
            .credentials(
                new HmacCredentials(sim.appId(), sim.appKey(), sim.accessKey(), wrongSecret))
            .build()) {
      assertThatThrownBy(() -> client.messages().search(fromPhishDomain()))
          .isInstanceOf(AuthenticationException.class)
          .isNotInstanceOf(BindingExpiredException.class)
          .hasMessageContaining("err_xdk_invalid_signature")
          .hasMessageContaining(tenant.server.requests().all().get(0).requestId().orElseThrow())
          .hasMessageNotContaining(wrongSecret);
    }
    assertThat(tenant.server.requests().count(SEARCH))
        .as("auth errors are not retried")
        .isEqualTo(1);
  }

  @Test
  void expiredBindingIs418AndTellsTheUserWhatToDo() {
    SimulatorCredentials sim = tenant.server.credentials();
    try (MimecastClient client =
        tenant
            .builder(API_1_HMAC)
            .credentials(
                new HmacCredentials(
                    sim.appId(), sim.appKey(), sim.expiredAccessKey(), sim.expiredSecretKey()))
            .build()) {
      assertThatThrownBy(() -> client.messages().search(fromPhishDomain()))
          .isInstanceOfSatisfying(
              BindingExpiredException.class, e -> assertThat(e.httpStatus()).isEqualTo(418))
          .hasMessageContaining("API 2.0");
    }
  }

  @Test
  void api2CredentialsAimedAtTheApi1HostFailWithAnExplanation() {
    try (MimecastClient client =
        tenant.builder(API_2_OAUTH).baseUrl(tenant.server.baseUrlV1()).build()) {
      assertThatThrownBy(() -> client.messages().search(fromPhishDomain()))
          .isInstanceOf(MimecastException.class)
          .hasMessageContaining(TOKEN);
    }
  }
}
