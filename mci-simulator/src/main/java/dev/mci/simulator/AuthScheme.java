package dev.mci.simulator;

import java.util.Locale;

/**
 * The scheme of a request's {@code Authorization} header, as recorded in the {@link RequestLog}.
 */
public enum AuthScheme {
  /** No {@code Authorization} header. */
  NONE,
  /** {@code Authorization: Bearer <token>} (API 2.0). */
  BEARER,
  /** {@code Authorization: MC <accessKey>:<signature>} (API 1.0). */
  MC,
  /** {@code Authorization: Basic ...} (accepted only on {@code /oauth/token}). */
  BASIC,
  /** Any other scheme. */
  OTHER;

  /** Classifies a raw header value; null or blank means {@link #NONE}. */
  public static AuthScheme of(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      return NONE;
    }
    String value = authorizationHeader.strip();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    switch (scheme.toLowerCase(Locale.ROOT)) {
      case "bearer":
        return BEARER;
      case "basic":
        return BASIC;
      default:
        // API 1.0 requires the exact upper-case "MC" prefix.
        return scheme.equals("MC") ? MC : OTHER;
    }
  }
}
