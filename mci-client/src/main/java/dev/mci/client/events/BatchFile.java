package dev.mci.client.events;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One batch file of {@code GET /siem/v1/batch/events/cg}: a short-lived pre-signed URL to a gzip
 * NDJSON file (reference 05 §3.2). The URL is a bearer credential until it expires, so {@link
 * #toString()} leaves its query (the signature) out.
 *
 * @param url the pre-signed URL
 * @param expiry when the URL stops working; null when the answer did not say
 * @param size the file size in bytes, when reported
 */
public record BatchFile(URI url, Instant expiry, OptionalLong size) {

  /** Checks the URL is present. */
  public BatchFile {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(size, "size");
  }

  /** The URL without its query string: safe to log or store. */
  public String redactedUrl() {
    return url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
  }

  @Override
  public String toString() {
    return "BatchFile[" + redactedUrl() + ", expiry " + expiry + "]";
  }
}
