package dev.mci.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A binary body handed over as a stream, never buffered whole. The caller must close it (or its
 * {@link #body()}), typically in try-with-resources while copying the bytes to disk.
 */
public final class Download implements AutoCloseable {

  private final InputStream body;
  private final String contentType;
  private final OptionalLong contentLength;
  private final String requestId;
  private final String endpoint;
  private final Optional<String> suggestedFileName;

  /**
   * @param body the open body stream
   * @param contentType the {@code Content-Type}, {@code application/octet-stream} if none was sent
   * @param contentLength the length in bytes, when the server declared it
   * @param requestId the {@code x-mc-req-id} of the API call that produced the download
   * @param endpoint the API path of that call
   * @param suggestedFileName a bare file name from {@code Content-Disposition}; untrusted input
   */
  public Download(
      InputStream body,
      String contentType,
      OptionalLong contentLength,
      String requestId,
      String endpoint,
      Optional<String> suggestedFileName) {
    this.body = Objects.requireNonNull(body, "body");
    this.contentType = Objects.requireNonNullElse(contentType, "application/octet-stream");
    this.contentLength = Objects.requireNonNull(contentLength, "contentLength");
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.suggestedFileName = Objects.requireNonNull(suggestedFileName, "suggestedFileName");
  }

  /** The bytes; read once. */
  public InputStream body() {
    return body;
  }

  /** The declared content type. */
  public String contentType() {
    return contentType;
  }

  /** The declared length in bytes, if any. */
  public OptionalLong contentLength() {
    return contentLength;
  }

  /** The {@code x-mc-req-id} of the API call that produced this download. */
  public String requestId() {
    return requestId;
  }

  /** The API path of the call that produced this download. */
  public String endpoint() {
    return endpoint;
  }

  /**
   * The file name the server suggested, reduced to its last path segment. It comes from the message
   * and may be hostile: sanitise it before using it on disk.
   */
  public Optional<String> suggestedFileName() {
    return suggestedFileName;
  }

  /** Closes the body stream and releases the connection. */
  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      throw new MimecastIoException(endpoint, requestId, "closing the download failed: " + e, e);
    }
  }
}
