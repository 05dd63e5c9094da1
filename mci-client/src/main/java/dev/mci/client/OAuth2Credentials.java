package dev.mci.client;

/**
 * API 2.0 credentials: the client id and client secret of an API 2.0 application (Integrations Hub,
 * "Mimecast API 2.0").
 *
 * @param clientId the application's client id
 * @param clientSecret the application's client secret; never logged or printed
 */
public record OAuth2Credentials(String clientId, String clientSecret) implements Credentials {

  /** Rejects missing or blank values with a message that names the field. */
  public OAuth2Credentials {
    String hint = "copy it from the API 2.0 application in the Mimecast Integrations Hub";
    clientId = CredentialFields.requireText(clientId, "OAuth2Credentials", "clientId", hint);
    clientSecret =
        CredentialFields.requireText(clientSecret, "OAuth2Credentials", "clientSecret", hint);
  }

  @Override
  public ApiGeneration generation() {
    return ApiGeneration.V2_OAUTH;
  }

  @Override
  public String toString() {
    return "OAuth2Credentials[clientId=" + clientId + ", clientSecret=***]";
  }
}
