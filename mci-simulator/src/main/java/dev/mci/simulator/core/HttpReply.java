package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
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

  private final int status;
  private final Map<String, String> headers;
  private final Optional<String> contentType;
  private final byte[] body;
  private final boolean dropConnection;
  private final boolean slowBody;

  private HttpReply(
      int status,
      Map<String, String> headers,
      Optional<String> contentType,
      byte[] body,
      boolean dropConnection,
      boolean slowBody) {
    this.status = status;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.body = body.clone();
    this.dropConnection = dropConnection;
    this.slowBody = slowBody;
  }

  /** A JSON answer. */
  public static HttpReply json(int status, JsonNode body) {
    return new HttpReply(status, Map.of(), Optional.of(JSON), Json.bytes(body), false, false);
  }

  /** An answer with raw bytes of the given content type. */
  public static HttpReply bytes(int status, String contentType, byte[] body) {
    return new HttpReply(status, Map.of(), Optional.of(contentType), body, false, false);
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
    return new HttpReply(status, copy, contentType, body, dropConnection, slowBody);
  }

  /** A copy whose body the listener dribbles out in small, delayed chunks. */
  public HttpReply slowly() {
    return new HttpReply(status, headers, contentType, body, dropConnection, true);
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

  /** A copy of the body bytes; empty when there is no body. */
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
