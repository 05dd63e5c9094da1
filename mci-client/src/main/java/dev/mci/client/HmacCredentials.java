package dev.mci.client;

import java.util.Base64;

/**
 * API 1.0 credentials: the four values every signed request needs.
 *
 * @param appId the application id, sent as {@code x-mc-app-id}
 * @param appKey the application key, used only inside the signature; never logged or printed
 * @param accessKey the user's access key, sent in the {@code Authorization} header
 * @param secretKey the user's secret key as base64 text, the HMAC key; never logged or printed
 */
public record HmacCredentials(String appId, String appKey, String accessKey, String secretKey)
    implements Credentials {

  /** Rejects missing values and a secret key that is not base64, naming the field only. */
  public HmacCredentials {
    String hint = "copy it from the API 1.0 application and its keys in the Administration Console";
    appId = CredentialFields.requireText(appId, "HmacCredentials", "appId", hint);
    appKey = CredentialFields.requireText(appKey, "HmacCredentials", "appKey", hint);
    accessKey = CredentialFields.requireText(accessKey, "HmacCredentials", "accessKey", hint);
    secretKey = CredentialFields.requireText(secretKey, "HmacCredentials", "secretKey", hint);
    try {
      Base64.getDecoder().decode(secretKey);
    } catch (IllegalArgumentException notBase64) {
      throw new MimecastConfigException(
          "HmacCredentials.secretKey is not valid base64: the console shows the Secret Key as"
              + " base64 text; paste it unchanged");
    }
  }

  @Override
  public ApiGeneration generation() {
    return ApiGeneration.V1_HMAC;
  }

  @Override
  public String toString() {
    return "HmacCredentials[appId="
        + appId
        + ", appKey=***, accessKey="
        + accessKey
        + ", secretKey=***]";
  }
}
