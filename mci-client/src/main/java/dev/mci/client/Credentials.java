package dev.mci.client;

/**
 * Credentials for one Mimecast API application. {@code toString()} of every implementation redacts
 * the secrets.
 */
public sealed interface Credentials permits OAuth2Credentials, HmacCredentials {

  /** The API generation these credentials belong to. */
  ApiGeneration generation();
}
