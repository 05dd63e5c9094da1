package dev.mci.simulator;

import java.util.Objects;

/**
 * The credentials the simulated tenant accepts. The values are fixed and fake; they exist only so
 * that clients exercise real signing and token handling.
 *
 * @param clientId API 2.0 client id
 * @param clientSecret API 2.0 client secret (secret)
 * @param appId API 1.0 application id, sent as {@code x-mc-app-id}
 * @param appKey API 1.0 application key, only inside the string to sign (secret)
 * @param accessKey API 1.0 access key of a valid binding
 * @param secretKey API 1.0 secret key of that binding, base64 text (secret)
 * @param expiredAccessKey API 1.0 access key of a binding that has expired (answers HTTP 418)
 * @param expiredSecretKey the expired binding's secret key, base64 text (secret)
 */
public record SimulatorCredentials(
    String clientId,
    String clientSecret,
    String appId,
    String appKey,
    String accessKey,
    String secretKey,
    String expiredAccessKey,
    String expiredSecretKey) {

  /** Checks that no value is null. */
  public SimulatorCredentials {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(appKey, "appKey");
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(expiredAccessKey, "expiredAccessKey");
    Objects.requireNonNull(expiredSecretKey, "expiredSecretKey");
  }

  /** The fixed credentials every simulator instance accepts. */
  public static SimulatorCredentials fixed() {
    return new SimulatorCredentials(
        "mci-sim-client-7f3a2c",
        "mci-sim-client-secret-not-a-real-secret",
        "4d1c9e6a-2b7f-4e3a-9c51-8f0d2e6b7a13",
        "a9e2f4c6-3d1b-4f8e-b7a0-5c2d9e1f6a84",
        "mAKsim-0001-valid-binding",
        "bWNpLXNpbXVsYXRvci1zZWNyZXQta2V5LXZhbGlkLTAwMDE=",
        "mAKsim-0002-expired-binding",
        "bWNpLXNpbXVsYXRvci1zZWNyZXQta2V5LWV4cGlyZWQtMDAwMg==");
  }

  /** Prints the identifiers only; secrets are masked. */
  @Override
  public String toString() {
    return "SimulatorCredentials[clientId="
        + clientId
        + ", clientSecret=***, appId="
        + appId
        + ", appKey=***, accessKey="
        + accessKey
        + ", secretKey=***, expiredAccessKey="
        + expiredAccessKey
        + ", expiredSecretKey=***]";
  }
}
