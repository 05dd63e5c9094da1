package dev.mci.simulator.core;

import dev.mci.simulator.ApiGeneration;
import dev.mci.simulator.AuthScheme;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request as the pipeline sees it, independent of the HTTP server library.
 *
 * @param generation which listener received it
 * @param method HTTP method, upper case
 * @param path URI path without query string
 * @param headers request headers, first value of each, looked up case-insensitively
 * @param body raw body bytes, empty when none
 * @param query query parameters, first value of each, already URL-decoded; empty when none (the
 *     REST-style {@code GET} resources such as {@code /siem/v1/...} read them)
 */
public record IncomingRequest(
    ApiGeneration generation,
    String method,
    String path,
    Map<String, String> headers,
    byte[] body,
    Map<String, String> query) {

  /** Copies headers into a case-insensitive map. */
  public IncomingRequest {
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    headers = Collections.unmodifiableMap(copy);
    body = body == null ? new byte[0] : body.clone();
    query = query == null ? Map.of() : Map.copyOf(query);
  }

  /** A request without query parameters. */
  public IncomingRequest(
      ApiGeneration generation,
      String method,
      String path,
      Map<String, String> headers,
      byte[] body) {
    this(generation, method, path, headers, body, Map.of());
  }

  /** A query parameter's value, absent when not sent or blank. */
  public Optional<String> queryParameter(String name) {
    return Optional.ofNullable(query.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** A header's value, absent when not sent or blank. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** The scheme of the {@code Authorization} header. */
  public AuthScheme authScheme() {
    return AuthScheme.of(headers.get("Authorization"));
  }

  /** The {@code x-mc-req-id} header, when sent. */
  public Optional<String> requestId() {
    return header("x-mc-req-id");
  }

  /** A copy of the body bytes. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Method and path only: headers may hold secrets. */
  @Override
  public String toString() {
    return generation + " " + method + " " + path;
  }
}
