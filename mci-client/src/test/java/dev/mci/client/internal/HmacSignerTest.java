package dev.mci.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The test vector of reference 00 §2.4. */
class HmacSignerTest {

  private static final String SECRET_KEY = "bWNpLXRlc3Qtc2VjcmV0LWtleS0wMTIzNDU2Nzg5QUJDREVG";
  private static final String APP_KEY = "b3c1f7e2-5a44-4d8e-9a0b-6f2d1c3e4a5b";
  private static final String DATE = "Tue, 24 Nov 2015 12:50:11 UTC";
  private static final String REQUEST_ID = "8578FCFC-A305-4D9A-99CB-F4D5ECEFE297";
  private static final String PATH = "/api/account/get-account";

  @Test
  void buildsTheReferenceStringToSign() {
    assertThat(HmacSigner.stringToSign(DATE, REQUEST_ID, PATH, APP_KEY))
        .isEqualTo(
            "Tue, 24 Nov 2015 12:50:11 UTC:8578FCFC-A305-4D9A-99CB-F4D5ECEFE297"
                + ":/api/account/get-account:b3c1f7e2-5a44-4d8e-9a0b-6f2d1c3e4a5b");
  }

  @Test
  void signsTheReferenceVector() {
    assertThat(HmacSigner.signature(SECRET_KEY, APP_KEY, DATE, REQUEST_ID, PATH))
        .isEqualTo("mwc3binONZbbfP0xrI2gHcphoQo=");
  }

  @Test
  void doesNotProduceTheUndecodedKeyVariant() throws Exception {
    // Reproduce the common bug (key text used as the HMAC key) to prove the vector's second value
    // is what that bug yields, and that the signer does not yield it.
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    String buggy =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(
                    HmacSigner.stringToSign(DATE, REQUEST_ID, PATH, APP_KEY)
                        .getBytes(StandardCharsets.UTF_8)));
    assertThat(buggy).isEqualTo("2ULRRLwL5xMch5Y2ZEaVgvw3e/I=");
    assertThat(HmacSigner.signature(SECRET_KEY, APP_KEY, DATE, REQUEST_ID, PATH))
        .isNotEqualTo(buggy);
  }

  @Test
  void formatsTheDateHeaderAsRfc1123WithUtc() {
    assertThat(HmacSigner.date(Instant.parse("2015-11-24T12:50:11Z"))).isEqualTo(DATE);
    assertThat(HmacSigner.date(Instant.parse("2025-03-01T09:05:07Z")))
        .isEqualTo("Sat, 01 Mar 2025 09:05:07 UTC");
  }

  @Test
  void authorizationHeaderHasOneSpaceAfterMcAndNoneAfterTheColon() {
    assertThat(
            HmacSigner.authorization(
                "AKmci-example-access-key-0001", "mwc3binONZbbfP0xrI2gHcphoQo="))
        .isEqualTo("MC AKmci-example-access-key-0001:mwc3binONZbbfP0xrI2gHcphoQo=");
  }
}
