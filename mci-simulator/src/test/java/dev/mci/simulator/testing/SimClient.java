package dev.mci.simulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A bare java.net.http helper for talking to the simulator in tests. */
public final class SimClient {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SimulatorServer server;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public SimClient(SimulatorServer server, Clock clock) {
    this.server = server;
    this.clock = clock;
  }

  /** A response with its body parsed as JSON when possible. */
  public record Reply(int status, Map<String, String> headers, String body) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  public String token() {
    SimulatorCredentials c = server.credentials();
    Reply reply = tokenRequest(form(c.clientId(), c.clientSecret(), "client_credentials"));
    if (reply.status() != 200) {
      throw new IllegalStateException("token request failed: " + reply);
    }
    return reply.json().get("access_token").asText();
  }

  public static String form(String clientId, String clientSecret, String grantType) {
    return "client_id="
        + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
        + "&client_secret="
        + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)
        + "&grant_type="
        + URLEncoder.encode(grantType, StandardCharsets.UTF_8);
  }

  public Reply tokenRequest(String formBody) {
    return send(
        HttpRequest.newBuilder(server.baseUrl().resolve("/oauth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formBody))
            .build());
  }

  /** POST JSON to the 2.0 base with a fresh Bearer token. */
  public Reply v2(String path, String json) {
    return v2(path, json, token());
  }

  public Reply v2(String path, String json, String token) {
    return send(
        HttpRequest.newBuilder(server.baseUrl().resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** POST JSON to the 1.0 base, correctly signed. */
  public Reply v1(String path, String json) {
    return v1(path, json, signedHeaders(path));
  }

  public Reply v1(String path, String json, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(server.baseUrlV1().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(builder::header);
    return send(builder.build());
  }

  /** The four API 1.0 headers for the valid binding. */
  public Map<String, String> signedHeaders(String path) {
    SimulatorCredentials c = server.credentials();
    return signedHeaders(
        path, c.accessKey(), c.secretKey(), c.appId(), TestSigner.date(clock.instant()));
  }

  public Map<String, String> signedHeaders(
      String path, String accessKey, String secretKey, String appId, String date) {
    String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    String signature =
        TestSigner.sign(secretKey, date, requestId, path, server.credentials().appKey());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "MC " + accessKey + ":" + signature);
    headers.put("x-mc-app-id", appId);
    headers.put("x-mc-date", date);
    headers.put("x-mc-req-id", requestId);
    return headers;
  }

  public Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      Map<String, String> headers = new LinkedHashMap<>();
      response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      return new Reply(response.statusCode(), headers, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpClient http() {
    return http;
  }
}
