package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the listener writes back: status, headers and body, or an instruction to drop the
 * connection. Immutable.
 */
public final class HttpReply {

  /** Content type of every JSON answer. */
  public static final String JSON = "application/json";

  /** Writes a body straight to the connection, for bodies too large to hold in memory. */
  @FunctionalInterface
  public interface BodyWriter {
    /** Writes exactly the declared number of bytes; the listener closes the stream. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * A body written by a {@link BodyWriter} instead of held as bytes.
   *
   * @param length the exact number of bytes the writer produces (sent as {@code Content-Length})
   * @param writer produces the bytes
   */
  public record StreamedBody(long length, BodyWriter writer) {
    /** Checks the writer is present and the length is not negative. */
    public StreamedBody {
      Objects.requireNonNull(writer, "writer");
      if (length < 0) {
        throw new IllegalArgumentException("length must not be negative, was " + length);
      }
    }
  }

  private final int status;
  private final Map<String, String> headers;
  private final Optional<String> contentType;
  private final byte[] body;
  private final boolean dropConnection;
  private final boolean slowBody;
  private final Optional<StreamedBody> streamedBody;

  private HttpReply(
      int status,
      Map<String, String> headers,
      Optional<String> contentType,
      byte[] body,
      boolean dropConnection,
      boolean slowBody) {
    this(status, headers, contentType, body, dropConnection, slowBody, Optional.empty());
  }

  private HttpReply(
      int status,
      Map<String, String> headers,
      Optional<String> contentType,
      byte[] body,
      boolean dropConnection,
      boolean slowBody,
      Optional<StreamedBody> streamedBody) {
    this.status = status;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.body = body.clone();
    this.dropConnection = dropConnection;
    this.slowBody = slowBody;
    this.streamedBody = Objects.requireNonNull(streamedBody, "streamedBody");
  }

  /** A JSON answer. */
  public static HttpReply json(int status, JsonNode body) {
    return new HttpReply(status, Map.of(), Optional.of(JSON), Json.bytes(body), false, false);
  }

  /** An answer with raw bytes of the given content type. */
  public static HttpReply bytes(int status, String contentType, byte[] body) {
    return new HttpReply(status, Map.of(), Optional.of(contentType), body, false, false);
  }

  /**
   * An answer whose body the listener streams from {@code writer} without holding it in memory
   * (large downloads). Such a body is never dribbled slowly.
   */
  public static HttpReply stream(int status, String contentType, long length, BodyWriter writer) {
    return new HttpReply(
        status,
        Map.of(),
        Optional.of(contentType),
        new byte[0],
        false,
        false,
        Optional.of(new StreamedBody(length, writer)));
  }

  /** An answer with a plain-text body. */
  public static HttpReply text(int status, String text) {
    return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** An answer with no body at all. */
  public static HttpReply empty(int status) {
    return new HttpReply(status, Map.of(), Optional.empty(), new byte[0], false, false);
  }

  /** No answer: the listener closes the connection. */
  public static HttpReply drop() {
    return new HttpReply(0, Map.of(), Optional.empty(), new byte[0], true, false);
  }

  /** A copy with one more header (replacing a header of the same name). */
  public HttpReply withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpReply(status, copy, contentType, body, dropConnection, slowBody, streamedBody);
  }

  /** A copy whose body the listener dribbles out in small, delayed chunks. */
  public HttpReply slowly() {
    return new HttpReply(status, headers, contentType, body, dropConnection, true, streamedBody);
  }

  /** HTTP status; 0 when the connection is dropped. */
  public int status() {
    return status;
  }

  /** Extra response headers, in insertion order. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Content type, absent for bodiless answers. */
  public Optional<String> contentType() {
    return contentType;
  }

  /** The streamed body, when the answer has one instead of {@link #body()} bytes. */
  public Optional<StreamedBody> streamedBody() {
    return streamedBody;
  }

  /** A copy of the body bytes; empty when there is no body (or the body is streamed). */
  public byte[] body() {
    return body.clone();
  }

  /** Whether the listener closes the connection instead of answering. */
  public boolean dropConnection() {
    return dropConnection;
  }

  /** Whether the body is dribbled out slowly. */
  public boolean slowBody() {
    return slowBody;
  }
}
