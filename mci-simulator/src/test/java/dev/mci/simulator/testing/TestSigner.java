package dev.mci.simulator.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-only API 1.0 signer written from reference 00 §2.4, independent of the simulator's own
 * verifier (and not shared with mci-client).
 */
public final class TestSigner {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private TestSigner() {}

  public static String date(Instant instant) {
    return DATE.format(instant);
  }

  public static String sign(
      String secretKeyBase64, String date, String requestId, String path, String appKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secretKeyBase64), "HmacSHA1"));
      String toSign = date + ":" + requestId + ":" + path + ":" + appKey;
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
