package dev.mci.simulator.tenant;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A file that travels as an attachment. Its bytes are regenerated on demand from the seed, never
 * stored, so the SHA-256 is a function of bytes any later endpoint (get-file, hash search) can
 * reproduce. The same file may be attached to many messages. Thread-safe.
 */
public final class AttachmentFile {

  private final int index;
  private final String fileName;
  private final String contentType;
  private final long size;
  private final boolean malicious;
  private final Supplier<byte[]> content;
  private volatile String sha256;

  AttachmentFile(
      int index,
      String fileName,
      String contentType,
      long size,
      boolean malicious,
      Supplier<byte[]> content) {
    this.index = index;
    this.fileName = Objects.requireNonNull(fileName, "fileName");
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.size = size;
    this.malicious = malicious;
    this.content = Objects.requireNonNull(content, "content");
  }

  /** Position in {@link Tenant#attachments()}. */
  public int index() {
    return index;
  }

  /** File name as sent; some are hostile (double extensions, scripts). */
  public String fileName() {
    return fileName;
  }

  /** MIME type, e.g. {@code application/pdf}. */
  public String contentType() {
    return contentType;
  }

  /** Size in bytes; equals {@code content().length}. */
  public long size() {
    return size;
  }

  /** Whether Attachment Protect would flag the file. */
  public boolean malicious() {
    return malicious;
  }

  /** The file's bytes, regenerated on every call. */
  public byte[] content() {
    return content.get();
  }

  /** Lower-case hex SHA-256 of {@link #content()}, computed once. */
  public String sha256() {
    String hash = sha256;
    if (hash == null) {
      try {
        hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content()));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 unavailable", e);
      }
      sha256 = hash;
    }
    return hash;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AttachmentFile that
        && index == that.index
        && size == that.size
        && fileName.equals(that.fileName)
        && contentType.equals(that.contentType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, fileName, contentType, size);
  }

  @Override
  public String toString() {
    return "AttachmentFile[" + index + ", " + fileName + ", " + size + " bytes]";
  }
}
