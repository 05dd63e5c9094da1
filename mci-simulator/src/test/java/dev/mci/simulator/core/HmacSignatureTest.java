package dev.mci.simulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The test vector of reference 00 §2.4. */
class HmacSignatureTest {

  private static final String SECRET_KEY = "bWNpLXRlc3Qtc2VjcmV0LWtleS0wMTIzNDU2Nzg5QUJDREVG";
  private static final String APP_KEY = "b3c1f7e2-5a44-4d8e-9a0b-6f2d1c3e4a5b";
  private static final String DATE = "Tue, 24 Nov 2015 12:50:11 UTC";
  private static final String REQUEST_ID = "8578FCFC-A305-4D9A-99CB-F4D5ECEFE297";
  private static final String PATH = "/api/account/get-account";

  @Test
  void buildsTheStringToSignFromDateRequestIdPathAndAppKey() {
    assertThat(HmacSignature.stringToSign(DATE, REQUEST_ID, PATH, APP_KEY))
        .isEqualTo(
            "Tue, 24 Nov 2015 12:50:11 UTC:8578FCFC-A305-4D9A-99CB-F4D5ECEFE297"
                + ":/api/account/get-account:b3c1f7e2-5a44-4d8e-9a0b-6f2d1c3e4a5b");
  }

  @Test
  void acceptsTheReferenceSignature() {
    assertThat(
            HmacSignature.verify(
                SECRET_KEY, DATE, REQUEST_ID, PATH, APP_KEY, "mwc3binONZbbfP0xrI2gHcphoQo="))
        .isTrue();
  }

  @Test
  void rejectsTheSignatureMadeWithAnUndecodedKey() {
    assertThat(
            HmacSignature.verify(
                SECRET_KEY, DATE, REQUEST_ID, PATH, APP_KEY, "2ULRRLwL5xMch5Y2ZEaVgvw3e/I="))
        .isFalse();
  }

  @Test
  void rejectsTheSignatureWithAStraySpace() {
    assertThat(
            HmacSignature.verify(
                SECRET_KEY, DATE, REQUEST_ID, PATH, APP_KEY, " mwc3binONZbbfP0xrI2gHcphoQo="))
        .isFalse();
  }
}
