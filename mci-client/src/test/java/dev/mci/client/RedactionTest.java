package dev.mci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.mci.client.internal.Operation;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.LogCapture;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedactionTest {

  private static final String TOKEN = "tok-9f8e7d6c5b4a";
  private static final Operation READ = Operation.read("/api/test/read");
  private static final Reply OK =
      Reply.json(200, "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[]}");

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2025-03-31T12:00:00Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void credentialsToStringHidesSecrets() {
    OAuth2Credentials oauth = new OAuth2Credentials("client-1", TestClients.CLIENT_SECRET);
    HmacCredentials hmac = TestClients.hmacCredentials();
    assertThat(oauth.toString()).contains("client-1").doesNotContain(TestClients.CLIENT_SECRET);
    assertThat(hmac.toString())
        .contains(hmac.accessKey())
        .doesNotContain(TestClients.APP_KEY)
        .doesNotContain(TestClients.SECRET_KEY);
  }

  @Test
  void traceLogsShowHeadersWithAuthorizationAndSecretsMasked() {
    server.tokens(TOKEN).on(READ.path(), request -> OK);
    List<String> logged;
    try (LogCapture logs = LogCapture.of("dev.mci.client", Level.TRACE);
        MimecastClient oauth = TestClients.oauth(server, time).build();
        MimecastClient hmac = TestClients.hmac(server, time).build()) {
      oauth.transport().call(READ, List.of());
      hmac.transport().call(READ, List.of());
      logged = logs.messages();
    }
    String all = String.join("\n", logged);
    assertThat(all)
        .contains("Authorization=Bearer ***")
        .contains("Authorization=MC ***")
        .contains("POST /api/test/read -> 200")
        .contains("x-mc-req-id=")
        .doesNotContain(TOKEN)
        .doesNotContain(TestClients.CLIENT_SECRET)
        .doesNotContain(TestClients.APP_KEY)
        .doesNotContain(TestClients.SECRET_KEY);
  }

  @Test
  void debugLogsNameMethodEndpointStatusRequestIdAndAttempt() {
    server.onSequence(READ.path(), Reply.empty(503), OK);
    try (LogCapture logs = LogCapture.of("dev.mci.client", Level.DEBUG);
        MimecastClient client = TestClients.hmac(server, time).build()) {
      client.transport().call(READ, List.of());
      List<String> requestIds =
          server.requests(READ.path()).stream().map(r -> r.header("x-mc-req-id")).toList();
      assertThat(logs.messages())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("POST /api/test/read -> 503 in ")
                      .contains("[request id " + requestIds.get(0) + ", attempt 1]"))
          .anySatisfy(
              line ->
                  assertThat(line)
                      .contains("-> 200")
                      .contains("[request id " + requestIds.get(1) + ", attempt 2] ok"));
    }
  }

  @Test
  void errorMessagesMaskSecretsTheServerEchoes() {
    server.on(
        READ.path(),
        request ->
            Reply.json(
                400,
                "{\"fail\":[{\"errors\":[{\"code\":\"err_echo\",\"message\":\"bad key "
                    + TestClients.SECRET_KEY
                    + "\"}]}]}"));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      MimecastApiException error =
          catchThrowableOfType(
              MimecastApiException.class, () -> client.transport().call(READ, List.of()));
      assertThat(error.getMessage()).contains("bad key ***").doesNotContain(TestClients.SECRET_KEY);
      assertThat(error.errors().get(0).message()).isEqualTo("bad key ***");
    }
  }

  @Test
  void callRecordsCarryNoSecret() {
    server.tokens(TOKEN).on(READ.path(), request -> OK);
    List<CallRecord> records = new ArrayList<>();
    try (MimecastClient client =
        TestClients.oauth(server, time).callListener(records::add).build()) {
      client.transport().call(READ, List.of());
    }
    assertThat(records).hasSize(2);
    assertThat(records.toString()).doesNotContain(TOKEN).doesNotContain(TestClients.CLIENT_SECRET);
  }
}
