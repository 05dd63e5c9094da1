package dev.mci.simulator.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The API 1.0 request signature, exactly as reference 00 §2.4: HMAC-SHA1 keyed with the
 * base64-decoded secret key over {@code date:requestId:path:appKey}, base64-encoded.
 */
public final class HmacSignature {

  private HmacSignature() {}

  /** The string to sign: the four values joined with {@code ':'}. */
  public static String stringToSign(String date, String requestId, String path, String appKey) {
    return date + ":" + requestId + ":" + path + ":" + appKey;
  }

  /**
   * Computes the signature.
   *
   * @param secretKeyBase64 the secret key as issued (base64 text); decoded before use
   * @throws IllegalArgumentException when the secret key is not valid base64
   */
  public static String sign(
      String secretKeyBase64, String date, String requestId, String path, String appKey) {
    byte[] key = Base64.getDecoder().decode(secretKeyBase64);
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] digest =
          mac.doFinal(stringToSign(date, requestId, path, appKey).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 unavailable", e);
    }
  }

  /** Whether {@code signature} is the correct one, compared in constant time. */
  public static boolean verify(
      String secretKeyBase64,
      String date,
      String requestId,
      String path,
      String appKey,
      String signature) {
    String expected = sign(secretKeyBase64, date, requestId, path, appKey);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.UTF_8));
  }
}
