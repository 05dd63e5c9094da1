package dev.mci.client.evidence;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A download written to disk by {@link EvidenceWriter}.
 *
 * @param file the file created: the content itself, or the zip holding it
 * @param provenanceFile the {@code *.provenance.json} sidecar next to it
 * @param name the sanitised name of the content (inside the zip when zipped)
 * @param originalName the name the server or message gave, untrusted; empty when none was given
 * @param size the content's size in bytes
 * @param sha256 lower-case hex SHA-256 of the content, computed while it was written
 * @param retrievedAt when the download finished
 * @param zipSha256 lower-case hex SHA-256 of the zip file, when zipped
 */
public record SavedEvidence(
    Path file,
    Path provenanceFile,
    String name,
    Optional<String> originalName,
    long size,
    String sha256,
    Instant retrievedAt,
    Optional<String> zipSha256) {

  /** Checks nothing is null. */
  public SavedEvidence {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(provenanceFile, "provenanceFile");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(originalName, "originalName");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(retrievedAt, "retrievedAt");
    Objects.requireNonNull(zipSha256, "zipSha256");
  }

  /** Whether the content was written into a password-protected zip. */
  public boolean zipped() {
    return zipSha256.isPresent();
  }
}
