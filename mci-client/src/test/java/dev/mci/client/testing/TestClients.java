package dev.mci.client.testing;

import dev.mci.client.HmacCredentials;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.RetryPolicy;
import java.util.UUID;

/**
 * Builders aimed at a {@link ScriptedServer} with fake time. Every call uses a fresh client id or
 * access key: rate-limit gates are shared per credential across the JVM, and tests must not see
 * each other's.
 */
public final class TestClients {

  public static final String CLIENT_SECRET = "client-secret-Zq81xLm0";
  public static final String APP_KEY = "b3c1f7e2-5a44-4d8e-9a0b-6f2d1c3e4a5b";
  public static final String SECRET_KEY = "bWNpLXRlc3Qtc2VjcmV0LWtleS0wMTIzNDU2Nzg5QUJDREVG";
  public static final String APP_ID = "7e2b8c1d-0f4a-4c6e-9d57-2a1b3c4d5e6f";

  private TestClients() {}

  /** Exponential backoff from 1 s, capped at 30 s, without jitter. */
  public static RetryPolicy noJitter() {
    return RetryPolicy.builder().jitterSource(() -> 0.0).build();
  }

  public static OAuth2Credentials oauthCredentials() {
    return new OAuth2Credentials("client-" + UUID.randomUUID(), CLIENT_SECRET);
  }

  public static HmacCredentials hmacCredentials() {
    return new HmacCredentials(APP_ID, APP_KEY, "AK-" + UUID.randomUUID(), SECRET_KEY);
  }

  public static MimecastClient.Builder oauth(ScriptedServer server, FakeTime time) {
    return MimecastClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(oauthCredentials())
        .clock(time)
        .sleeper(time)
        .retryPolicy(noJitter());
  }

  public static MimecastClient.Builder hmac(ScriptedServer server, FakeTime time) {
    return MimecastClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(hmacCredentials())
        .clock(time)
        .sleeper(time)
        .retryPolicy(noJitter());
  }
}
