package dev.mci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckCredentialsTest {

  private static final String ACCOUNT = "/api/account/get-account";
  private static final Reply ACCOUNT_OK =
      Reply.json(
          200,
          "{\"meta\":{\"status\":200},\"data\":[{\"accountCode\":\"CUSB4A274\","
              + "\"accountName\":\"Acme Corp\",\"region\":\"us\",\"packages\":[\"Archive\"]}],"
              + "\"fail\":[]}");

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2025-03-31T12:00:00Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void api2FetchesATokenThenReadsTheAccount() {
    server.tokens("token-A").onSequence(ACCOUNT, ACCOUNT_OK);
    try (MimecastClient client = TestClients.oauth(server, time).build()) {
      CredentialCheck check = client.checkCredentials();
      assertThat(check)
          .isEqualTo(
              new CredentialCheck(
                  ApiGeneration.V2_OAUTH, server.baseUrl(), "CUSB4A274", "Acme Corp", "us"));
    }
    assertThat(server.requests())
        .extracting(ScriptedServer.Recorded::path)
        .containsExactly("/oauth/token", ACCOUNT);
  }

  @Test
  void api1MakesOneSignedAccountCall() {
    server.onSequence(ACCOUNT, ACCOUNT_OK);
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThat(client.checkCredentials().generation()).isEqualTo(ApiGeneration.V1_HMAC);
      assertThat(client.account().get().packages()).containsExactly("Archive");
    }
    assertThat(server.requests(ACCOUNT).get(0).header("authorization")).startsWith("MC ");
  }

  @Test
  void unknownAppIdPointsAtTheRegion() {
    server.onSequence(
        ACCOUNT,
        Reply.json(
            200,
            "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[{\"errors\":[{\"code\":"
                + "\"err_developer_key\",\"message\":\"App ID is invalid: INVALID\","
                + "\"retryable\":false}]}]}"));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThatThrownBy(client::checkCredentials)
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("err_developer_key")
          .hasMessageContaining("host of the account's region");
    }
  }

  @Test
  void wrongAuthTypeForTheHostExplainsTheGenerations() {
    server
        .tokens("token-A")
        .onSequence(
            ACCOUNT,
            Reply.json(
                401,
                "{\"meta\":{\"status\":401},\"data\":[],\"fail\":[{\"errors\":[{\"code\":"
                    + "\"err_xdk_auth_type_not_supported\",\"message\":\"0001 Authentication"
                    + " type not supported\",\"retryable\":false}]}]}"));
    try (MimecastClient client = TestClients.oauth(server, time).build()) {
      assertThatThrownBy(client::checkCredentials)
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("does not accept API 2.0 (Bearer) credentials")
          .hasMessageContaining("*.services.mimecast.com");
    }
  }
}
