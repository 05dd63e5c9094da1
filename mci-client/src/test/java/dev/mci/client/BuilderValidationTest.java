package dev.mci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuilderValidationTest {

  private static MimecastClient.Builder oauthAt(String url) {
    return MimecastClient.builder().baseUrl(url).credentials(TestClients.oauthCredentials());
  }

  @Test
  void missingBaseUrlNamesTheFix() {
    assertThatThrownBy(
            () -> MimecastClient.builder().credentials(TestClients.oauthCredentials()).build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("No base URL")
        .hasMessageContaining("region(MimecastRegion.GLOBAL)");
  }

  @Test
  void malformedBaseUrlIsRejected() {
    assertThatThrownBy(() -> oauthAt("https://api services.mimecast.com").build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("malformed")
        .hasMessageContaining("https://api.services.mimecast.com");
  }

  @Test
  void relativeBaseUrlIsRejected() {
    assertThatThrownBy(() -> oauthAt("api.services.mimecast.com").build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("not an absolute URL");
  }

  @Test
  void plainHttpToARemoteHostIsRejected() {
    assertThatThrownBy(() -> oauthAt("http://api.services.mimecast.com").build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("plain http is only allowed to loopback hosts")
        .hasMessageContaining("use https");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080",
        "http://127.1.2.3",
        "http://localhost:9000",
        "http://[::1]:7000"
      })
  void plainHttpToLoopbackIsAllowed(String url) {
    try (MimecastClient client = oauthAt(url).build()) {
      assertThat(client.baseUrl()).isEqualTo(URI.create(url));
    }
  }

  @Test
  void plainHttpToANameThatOnlyStartsLikeLoopbackIsRejected() {
    assertThatThrownBy(() -> oauthAt("http://127.0.0.1.example.com").build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("loopback");
  }

  @Test
  void otherSchemesAreRejected() {
    assertThatThrownBy(() -> oauthAt("ftp://api.services.mimecast.com").build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("scheme 'ftp' is not supported");
  }

  @Test
  void baseUrlWithAPathIsRejected() {
    assertThatThrownBy(() -> oauthAt("https://api.services.mimecast.com/api").build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("has a path");
  }

  @Test
  void trailingSlashIsDropped() {
    try (MimecastClient client = oauthAt("https://api.services.mimecast.com/").build()) {
      assertThat(client.baseUrl()).isEqualTo(URI.create("https://api.services.mimecast.com"));
    }
  }

  @Test
  void missingCredentialsNameBothKinds() {
    assertThatThrownBy(() -> MimecastClient.builder().region(MimecastRegion.GLOBAL).build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("No credentials")
        .hasMessageContaining("OAuth2Credentials")
        .hasMessageContaining("HmacCredentials");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://eu-api.mimecast.com",
        "https://us-api.mimecast.com",
        "https://usb-api.mimecast.com",
        "https://uspcom-api.mimecast-pscom-us.com"
      })
  void api2CredentialsAimedAtAnApi1HostExplainTheGenerations(String url) {
    assertThatThrownBy(() -> oauthAt(url).build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("API 2.0 credentials")
        .hasMessageContaining("an API 1.0 host")
        .hasMessageContaining("api.services.mimecast.com")
        .hasMessageContaining("HmacCredentials");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"https://api.services.mimecast.com", "https://us-api.services.mimecast.com"})
  void api1CredentialsAimedAtAnApi2HostExplainTheGenerations(String url) {
    assertThatThrownBy(
            () ->
                MimecastClient.builder()
                    .baseUrl(url)
                    .credentials(TestClients.hmacCredentials())
                    .build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("API 1.0 credentials")
        .hasMessageContaining("an API 2.0 host")
        .hasMessageContaining("eu-api.mimecast.com")
        .hasMessageContaining("OAuth2Credentials");
  }

  @ParameterizedTest
  @EnumSource(MimecastRegion.class)
  void everyRegionAcceptsCredentialsOfItsGeneration(MimecastRegion region) {
    Credentials credentials =
        region.generation() == ApiGeneration.V2_OAUTH
            ? TestClients.oauthCredentials()
            : TestClients.hmacCredentials();
    try (MimecastClient client =
        MimecastClient.builder().region(region).credentials(credentials).build()) {
      assertThat(client.baseUrl()).isEqualTo(region.baseUrl());
      assertThat(client.generation()).isEqualTo(region.generation());
    }
  }

  @Test
  void regionsUseTheDocumentedHosts() {
    assertThat(MimecastRegion.GLOBAL.baseUrl()).hasHost("api.services.mimecast.com");
    assertThat(MimecastRegion.US_A.baseUrl()).hasHost("us-api.mimecast.com");
    assertThat(MimecastRegion.US_B.baseUrl()).hasHost("usb-api.mimecast.com");
    assertThat(MimecastRegion.USPCOM.baseUrl()).hasHost("uspcom-api.mimecast-pscom-us.com");
  }

  @Test
  void blankCredentialFieldsAreNamedWithoutTheirValues() {
    assertThatThrownBy(() -> new OAuth2Credentials("id", " "))
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("OAuth2Credentials.clientSecret is missing or blank");
    assertThatThrownBy(() -> new HmacCredentials("app", null, "ak", TestClients.SECRET_KEY))
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("HmacCredentials.appKey is missing or blank");
  }

  @Test
  void secretKeyMustBeBase64AndTheMessageDoesNotEchoIt() {
    String notBase64 = "not*base64*secret";
    assertThatThrownBy(() -> new HmacCredentials("app", "key", "ak", notBase64))
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("secretKey is not valid base64")
        .hasMessageNotContaining(notBase64);
  }

  @Test
  void negativeRetriesAndNonPositiveTimeoutsAreRejected() {
    assertThatThrownBy(() -> oauthAt("https://api.services.mimecast.com").maxRetries(-1).build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(
            () ->
                oauthAt("https://api.services.mimecast.com").requestTimeout(Duration.ZERO).build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("requestTimeout must be a positive duration");
  }

  @Test
  void acceptsACustomTrustStore() throws Exception {
    KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
    trustStore.load(null, null);
    try (MimecastClient client =
        oauthAt("https://api.services.mimecast.com").trustStore(trustStore).build()) {
      assertThat(client.generation()).isEqualTo(ApiGeneration.V2_OAUTH);
    }
  }

  @Test
  void configErrorsSayNoRequestWasSent() {
    assertThatThrownBy(() -> MimecastClient.builder().build())
        .isInstanceOf(MimecastConfigException.class)
        .satisfies(
            e -> {
              MimecastException error = (MimecastException) e;
              assertThat(error.requestId()).isEmpty();
              assertThat(error.endpoint()).isEqualTo(MimecastConfigException.CONFIGURATION);
              assertThat(error.getMessage()).contains("no request was sent");
            });
  }

  @Test
  void usesASuppliedHttpClient() {
    try (ScriptedServer server = ScriptedServer.start()) {
      server.on(
          "/api/account/get-account",
          request ->
              Reply.json(
                  200,
                  "{\"meta\":{\"status\":200},\"data\":[{\"accountCode\":\"C1\"}],\"fail\":[]}"));
      HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      try (MimecastClient client =
          MimecastClient.builder()
              .baseUrl(server.baseUrl())
              .credentials(TestClients.hmacCredentials())
              .httpClient(own)
              .userAgent("mci-test/1")
              .build()) {
        assertThat(client.account().get().accountCode()).isEqualTo("C1");
      }
      assertThat(server.requests().get(0).header("user-agent")).isEqualTo("mci-test/1");
    }
  }

  @Test
  void aSuppliedHttpClientMustNotFollowRedirects() {
    HttpClient following =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    assertThatThrownBy(
            () -> oauthAt("https://api.services.mimecast.com").httpClient(following).build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("Redirect.NEVER");
  }

  @Test
  void aSuppliedHttpClientCannotBeCombinedWithAProxy() {
    assertThatThrownBy(
            () ->
                oauthAt("https://api.services.mimecast.com")
                    .httpClient(HttpClient.newHttpClient())
                    .proxy(ProxySelector.getDefault())
                    .build())
        .isInstanceOf(MimecastConfigException.class)
        .hasMessageContaining("configure those on the HttpClient you pass");
  }
}
