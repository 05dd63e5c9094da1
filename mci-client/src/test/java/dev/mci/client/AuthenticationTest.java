package dev.mci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.internal.HmacSigner;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

  private static final String ACCOUNT = "/api/account/get-account";
  private static final Reply ACCOUNT_OK =
      Reply.json(
          200,
          "{\"meta\":{\"status\":200},\"data\":[{\"accountCode\":\"CUSA102A236\","
              + "\"accountName\":\"Acme\",\"region\":\"us\"}],\"fail\":[]}");

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2015-11-24T12:50:11Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void signsApi1RequestsWithAllFourHeaders() {
    server.onSequence(ACCOUNT, ACCOUNT_OK);
    HmacCredentials credentials = TestClients.hmacCredentials();
    try (MimecastClient client = TestClients.hmac(server, time).credentials(credentials).build()) {
      client.account().get();
    }
    ScriptedServer.Recorded request = server.requests(ACCOUNT).get(0);
    assertThat(request.header("x-mc-date")).isEqualTo("Tue, 24 Nov 2015 12:50:11 UTC");
    assertThat(request.header("x-mc-app-id")).isEqualTo(TestClients.APP_ID);
    String requestId = request.header("x-mc-req-id");
    assertThat(requestId).isNotBlank();
    String expected =
        HmacSigner.signature(
            TestClients.SECRET_KEY,
            TestClients.APP_KEY,
            request.header("x-mc-date"),
            requestId,
            ACCOUNT);
    assertThat(request.header("authorization"))
        .isEqualTo("MC " + credentials.accessKey() + ":" + expected);
    assertThat(request.body()).isEqualTo("{\"data\":[]}");
    assertThat(request.header("content-type")).isEqualTo("application/json");
  }

  @Test
  void api1RequestsNeverCarryTheAppKeyOrSecretKey() {
    server.onSequence(ACCOUNT, ACCOUNT_OK);
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      client.account().get();
    }
    ScriptedServer.Recorded request = server.requests(ACCOUNT).get(0);
    assertThat(request.headers().values() + request.body())
        .doesNotContain(TestClients.APP_KEY)
        .doesNotContain(TestClients.SECRET_KEY);
  }

  @Test
  void fetchesTheApi2TokenWithAFormPostAndSendsItAsBearer() {
    server.tokens("token-A").onSequence(ACCOUNT, ACCOUNT_OK);
    OAuth2Credentials credentials = TestClients.oauthCredentials();
    try (MimecastClient client = TestClients.oauth(server, time).credentials(credentials).build()) {
      client.account().get();
    }
    ScriptedServer.Recorded token = server.requests("/oauth/token").get(0);
    assertThat(token.method()).isEqualTo("POST");
    assertThat(token.header("content-type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(token.header("authorization")).isNull();
    assertThat(token.body())
        .isEqualTo(
            "client_id="
                + credentials.clientId()
                + "&client_secret="
                + TestClients.CLIENT_SECRET
                + "&grant_type=client_credentials");
    assertThat(server.requests(ACCOUNT).get(0).header("authorization")).isEqualTo("Bearer token-A");
  }

  @Test
  void sendsAFreshRequestIdOnEveryCallOfBothGenerations() {
    server.tokens("token-A").on(ACCOUNT, request -> ACCOUNT_OK);
    List<CallRecord> records = Collections.synchronizedList(new ArrayList<>());
    try (MimecastClient oauth = TestClients.oauth(server, time).callListener(records::add).build();
        MimecastClient hmac = TestClients.hmac(server, time).callListener(records::add).build()) {
      oauth.account().get();
      oauth.account().get();
      hmac.account().get();
    }
    List<String> sent =
        server.requests().stream().map(request -> request.header("x-mc-req-id")).toList();
    assertThat(sent).hasSize(4).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(records).extracting(CallRecord::requestId).containsExactlyElementsOf(sent);
    assertThat(records)
        .extracting(CallRecord::endpoint)
        .containsExactly("/oauth/token", ACCOUNT, ACCOUNT, ACCOUNT);
    assertThat(records).extracting(CallRecord::outcome).containsOnly("ok");
  }

  @Test
  void reusesTheTokenUntilSixtySecondsBeforeItExpires() {
    server.tokens("token-A", "token-B").on(ACCOUNT, request -> ACCOUNT_OK);
    try (MimecastClient client = TestClients.oauth(server, time).build()) {
      client.account().get();
      time.advance(Duration.ofSeconds(1738));
      client.account().get();
      assertThat(server.requests("/oauth/token")).hasSize(1);
      time.advance(Duration.ofSeconds(2));
      client.account().get();
    }
    assertThat(server.requests("/oauth/token")).hasSize(2);
    assertThat(server.requests(ACCOUNT))
        .extracting(request -> request.header("authorization"))
        .containsExactly("Bearer token-A", "Bearer token-A", "Bearer token-B");
  }

  @Test
  void refreshesTokenOnceOn401() {
    String expired =
        "{\"meta\":{\"status\":401},\"data\":[],\"fail\":[{\"code\":\"token_expired\","
            + "\"message\":\"Token expired\",\"errors\":[{\"code\":\"token_expired\","
            + "\"message\":\"Token expired\",\"retryable\":false}]}]}";
    server
        .tokens("token-A", "token-B")
        .on(
            ACCOUNT,
            request ->
                request.header("authorization").equals("Bearer token-A")
                    ? Reply.json(401, expired)
                    : ACCOUNT_OK);
    try (MimecastClient client = TestClients.oauth(server, time).build()) {
      assertThat(client.account().get().accountCode()).isEqualTo("CUSA102A236");
    }
    assertThat(server.requests("/oauth/token")).hasSize(2);
    assertThat(server.requests(ACCOUNT))
        .extracting(request -> request.header("authorization"))
        .containsExactly("Bearer token-A", "Bearer token-B");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void givesUpWhenTheNewTokenIsRefusedToo() {
    server
        .tokens("token-A", "token-B", "token-C")
        .on(ACCOUNT, request -> Reply.json(401, "{\"fail\":[{\"code\":\"unauthorized\"}]}"));
    try (MimecastClient client = TestClients.oauth(server, time).build()) {
      assertThatThrownBy(() -> client.account().get())
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("even after fetching a new one");
    }
    assertThat(server.requests("/oauth/token")).hasSize(2);
    assertThat(server.requests(ACCOUNT)).hasSize(2);
  }

  @Test
  void api1401IsNotRetried() {
    server.on(
        ACCOUNT,
        request ->
            Reply.json(
                401,
                "{\"meta\":{\"status\":401},\"data\":[],\"fail\":[{\"errors\":[{\"code\":"
                    + "\"err_xdk_invalid_signature\",\"message\":\"0004 Invalid Signature\","
                    + "\"retryable\":false}]}]}"));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThatThrownBy(() -> client.account().get())
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("signature was refused");
    }
    assertThat(server.requests(ACCOUNT)).hasSize(1);
  }

  @Test
  void concurrentCallersShareOneTokenRequest() throws Exception {
    int callers = 6;
    CountDownLatch tokenRequested = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server
        .on(
            "/oauth/token",
            request -> {
              tokenRequested.countDown();
              release.await(5, TimeUnit.SECONDS);
              return Reply.json(200, "{\"access_token\":\"shared\",\"expires_in\":1799}");
            })
        .on(ACCOUNT, request -> ACCOUNT_OK);
    try (MimecastClient client = TestClients.oauth(server, time).build()) {
      List<Thread> threads = new ArrayList<>();
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      for (int i = 0; i < callers; i++) {
        Thread thread =
            new Thread(
                () -> {
                  try {
                    client.account().get();
                  } catch (Throwable e) {
                    failures.add(e);
                  }
                });
        threads.add(thread);
        thread.start();
      }
      assertThat(tokenRequested.await(5, TimeUnit.SECONDS)).isTrue();
      awaitAllParked(threads);
      release.countDown();
      for (Thread thread : threads) {
        thread.join(5000);
      }
      assertThat(failures).isEmpty();
    }
    assertThat(server.requests("/oauth/token")).hasSize(1);
    Set<String> bearers =
        server.requests(ACCOUNT).stream()
            .map(request -> request.header("authorization"))
            .collect(Collectors.toSet());
    assertThat(server.requests(ACCOUNT)).hasSize(callers);
    assertThat(bearers).containsExactly("Bearer shared");
  }

  /** Waits until every caller is blocked: one in the token request, the others on its lock. */
  private static void awaitAllParked(List<Thread> threads) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      boolean parked =
          threads.stream()
              .allMatch(
                  thread ->
                      thread.getState() == Thread.State.WAITING
                          || thread.getState() == Thread.State.TIMED_WAITING);
      if (parked) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("callers did not all block while the token was being fetched");
  }

  @Test
  void refusedClientSecretExplainsTheLikelyMistakeWithoutEchoingIt() {
    server.on(
        "/oauth/token",
        request ->
            Reply.json(
                401,
                "{\"fail\":[{\"code\":\"unauthorized\",\"message\":\"Invalid client credentials\"}]}"));
    try (MimecastClient client = TestClients.oauth(server, time).build()) {
      assertThatThrownBy(client::checkCredentials)
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("/oauth/token")
          .hasMessageContaining("client id or client secret was refused")
          .hasMessageContaining("unauthorized")
          .hasMessageNotContaining(TestClients.CLIENT_SECRET)
          .satisfies(e -> assertThat(((MimecastException) e).requestId()).isPresent());
    }
    assertThat(server.requests(ACCOUNT)).isEmpty();
  }
}
