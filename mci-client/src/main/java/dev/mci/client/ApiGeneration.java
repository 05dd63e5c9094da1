package dev.mci.client;

/** The two Mimecast API generations, which differ in authentication and hosts. */
public enum ApiGeneration {
  /** API 1.0: every request signed with HMAC-SHA1 from four keys; regional {@code *-api} hosts. */
  V1_HMAC,
  /** API 2.0: OAuth 2.0 client credentials and a Bearer token; {@code *.services} hosts. */
  V2_OAUTH
}
