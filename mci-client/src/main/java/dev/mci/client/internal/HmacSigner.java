package dev.mci.client.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** API 1.0 request signing (reference 00 §2.4). */
public final class HmacSigner {

  /** RFC 1123 with the literal zone {@code UTC}, as every inspected client sends it. */
  private static final DateTimeFormatter MC_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private HmacSigner() {}

  /** The {@code x-mc-date} value for an instant, e.g. {@code Tue, 24 Nov 2015 12:50:11 UTC}. */
  public static String date(Instant instant) {
    return MC_DATE.format(instant);
  }

  /** {@code date:requestId:path:appKey}, the text that is signed. */
  public static String stringToSign(String date, String requestId, String path, String appKey) {
    return date + ":" + requestId + ":" + path + ":" + appKey;
  }

  /**
   * The base64 HMAC-SHA1 signature. The secret key is base64-<em>decoded</em> to form the HMAC key;
   * signing with the key text itself is a common bug that Mimecast rejects.
   */
  public static String signature(
      String secretKeyBase64, String appKey, String date, String requestId, String path) {
    byte[] key = Base64.getDecoder().decode(secretKeyBase64);
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] digest =
          mac.doFinal(stringToSign(date, requestId, path, appKey).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
    }
  }

  /** The {@code Authorization} header value: {@code MC <accessKey>:<signature>}. */
  public static String authorization(String accessKey, String signature) {
    return "MC " + accessKey + ":" + signature;
  }
}
