package dev.mci.client.internal;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes secrets from anything the client logs or puts in an exception message: the values of
 * secret-bearing headers, and every known secret string (client secret, app key, secret key, access
 * tokens) wherever it appears.
 */
public final class Redactor {

  /** What replaces a secret. */
  public static final String MASK = "***";

  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  // Secrets shorter than this are not masked inside text: replacing e.g. "a" would shred messages.
  private static final int MIN_SECRET_LENGTH = 4;

  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  /** Registers a value that must never appear in output. */
  public void addSecret(String secret) {
    if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
      secrets.add(secret);
    }
  }

  /** The text with every registered secret masked. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  /** The value to show for a header: masked for secret-bearing headers, otherwise redacted text. */
  public String headerValue(String name, String value) {
    if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      int space = value.indexOf(' ');
      // Keep the scheme ("Bearer", "MC") so logs still show which authentication was used.
      return space > 0 ? value.substring(0, space + 1) + MASK : MASK;
    }
    return redact(value);
  }
}
