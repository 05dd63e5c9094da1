package dev.mci.simulator.tenant;

import java.util.Objects;

/**
 * A URL in a message body and the form URL Protect rewrote it to.
 *
 * @param original the URL as the sender wrote it
 * @param rewritten {@code https://protect-<region>.mimecast.com/s/<token>?domain=<host>}; the token
 *     decodes back to {@code original} without storage
 * @param category the URL's web category, e.g. {@code Business} or {@code Phishing & Fraud}
 * @param malicious whether URL Protect would block a click
 */
public record MessageUrl(String original, String rewritten, String category, boolean malicious) {

  /** Checks nothing is null. */
  public MessageUrl {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(rewritten, "rewritten");
    Objects.requireNonNull(category, "category");
  }
}
