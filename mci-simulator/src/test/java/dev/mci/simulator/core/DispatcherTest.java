package dev.mci.simulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.simulator.ApiGeneration;
import dev.mci.simulator.FaultProfile;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.RecordingSleeper;
import dev.mci.simulator.testing.TestSigner;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline's routing rules, exercised without HTTP. */
class DispatcherTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private final OAuthTokens tokens = new OAuthTokens();
  private final Routes routes = new Routes();
  private Dispatcher dispatcher;
  private String token;

  @BeforeEach
  void setUp() {
    SimulatorCredentials credentials = SimulatorCredentials.fixed();
    Authenticator authenticator = new Authenticator(credentials, tokens, Duration.ofMinutes(15));
    routes.raw(
        "GET",
        "/siem/v1/test/*",
        EnumSet.of(ApiGeneration.V2),
        true,
        call -> HttpReply.text(200, "caller=" + call.callerId().orElse("none")));
    routes.post(
        "/api/only/v2",
        EnumSet.of(ApiGeneration.V2),
        call -> ApiReply.ok(List.of(Json.object().put("items", call.items().size()))));
    routes.post("/api/only/v1", EnumSet.of(ApiGeneration.V1), call -> ApiReply.ok(List.of()));
    routes.post(
        "/api/broken",
        call -> {
          throw new IllegalStateException("handler bug");
        });
    dispatcher =
        new Dispatcher(
            clock,
            routes,
            authenticator,
            new RateLimiter(RateLimit.defaults()),
            new FaultInjector(FaultProfile.none(), new RecordingSleeper()),
            path -> Optional.empty(),
            new Paging(25, new PageTokens(1)),
            new RecordingSleeper());
    token = tokens.issue(credentials.clientId(), clock.instant().plusSeconds(60));
  }

  @Test
  void authenticatedRawRouteMatchesByPrefixAndSeesTheCaller() {
    HttpReply reply = dispatch(ApiGeneration.V2, "GET", "/siem/v1/test/abc", bearer(token), "");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(new String(reply.body()))
        .isEqualTo("caller=" + SimulatorCredentials.fixed().clientId());
  }

  @Test
  void authenticatedRawRouteAnswersAuthFailuresInTheFlatForm() throws IOException {
    HttpReply reply = dispatch(ApiGeneration.V2, "GET", "/siem/v1/test/abc", Map.of(), "");

    JsonNode body = Json.parse(reply.body()).orElseThrow();
    assertThat(reply.status()).isEqualTo(401);
    assertThat(body.has("meta")).isFalse();
    assertThat(body.at("/fail/0/code").asText()).isEqualTo("unauthorized");
  }

  @Test
  void rawRouteWithAnotherMethodIs405WithAllow() {
    HttpReply reply = dispatch(ApiGeneration.V2, "POST", "/siem/v1/test/abc", bearer(token), "");

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.headers()).containsEntry("Allow", "GET");
  }

  @Test
  void routesServedOnOneGenerationOnlyAreUnknownOrForbiddenOnTheOther() throws IOException {
    HttpReply v2OnV2 = dispatch(ApiGeneration.V2, "POST", "/api/only/v2", bearer(token), "{}");
    HttpReply v2OnV1 =
        dispatch(ApiGeneration.V1, "POST", "/api/only/v2", signed("/api/only/v2"), "{}");
    HttpReply v1OnV1 =
        dispatch(ApiGeneration.V1, "POST", "/api/only/v1", signed("/api/only/v1"), "{}");
    HttpReply v1OnV2 = dispatch(ApiGeneration.V2, "POST", "/api/only/v1", bearer(token), "{}");
    HttpReply rawOnV1 = dispatch(ApiGeneration.V1, "GET", "/siem/v1/test/abc", Map.of(), "");

    assertThat(v2OnV2.status()).isEqualTo(200);
    assertThat(v2OnV1.status()).isEqualTo(404);
    assertThat(v1OnV1.status()).isEqualTo(200);
    assertThat(v1OnV2.status()).isEqualTo(403);
    assertThat(Json.parse(v1OnV2.body()).orElseThrow().at("/fail/0/errors/0/code").asText())
        .isEqualTo("app_forbidden");
    assertThat(rawOnV1.status()).isEqualTo(404);
  }

  private Map<String, String> signed(String path) {
    SimulatorCredentials c = SimulatorCredentials.fixed();
    String date = TestSigner.date(clock.instant());
    String signature = TestSigner.sign(c.secretKey(), date, "REQ-1", path, c.appKey());
    return Map.of(
        "Authorization",
        "MC " + c.accessKey() + ":" + signature,
        "x-mc-app-id",
        c.appId(),
        "x-mc-date",
        date,
        "x-mc-req-id",
        "REQ-1");
  }

  @Test
  void handlerBugBecomesA500EnvelopeWithoutDetails() throws IOException {
    HttpReply reply = dispatch(ApiGeneration.V2, "POST", "/api/broken", bearer(token), "{}");

    JsonNode body = Json.parse(reply.body()).orElseThrow();
    assertThat(reply.status()).isEqualTo(500);
    assertThat(body.at("/meta/status").asInt()).isEqualTo(500);
    assertThat(body.toString()).doesNotContain("handler bug");
  }

  private HttpReply dispatch(
      ApiGeneration generation,
      String method,
      String path,
      Map<String, String> headers,
      String body) {
    return dispatcher.dispatch(
        new IncomingRequest(generation, method, path, headers, body.getBytes()));
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }
}
