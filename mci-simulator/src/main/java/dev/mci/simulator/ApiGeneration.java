package dev.mci.simulator;

/** The two Mimecast API generations; the simulator serves each on its own listener. */
public enum ApiGeneration {
  /** API 1.0: HMAC-signed requests ({@code Authorization: MC ...}). */
  V1,
  /** API 2.0: OAuth 2.0 client credentials and {@code Authorization: Bearer ...}. */
  V2
}
