package dev.mci.client.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback HTTP server whose answers each test scripts per path, recording every request. */
public final class ScriptedServer implements AutoCloseable {

  static {
    // Without TCP_NODELAY every small reply waits ~40 ms for a delayed ACK; read once, at first
    // use.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** One received request; header names are lower case. */
  public record Recorded(
      String method, String path, String query, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** One scripted answer. */
  public record Reply(int status, Map<String, String> headers, byte[] body) {
    public static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), bytes(body));
    }

    public static Reply empty(int status) {
      return new Reply(status, Map.of(), new byte[0]);
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      copy.put(name, value);
      return new Reply(status, copy, body);
    }
  }

  private interface Route {
    void handle(HttpExchange exchange) throws Exception;
  }

  /** Computes an answer; may block. */
  @FunctionalInterface
  public interface Responder {
    Reply respond(Recorded request) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());

  private ScriptedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
  }

  public static ScriptedServer start() {
    try {
      return new ScriptedServer();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the loopback server", e);
    }
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers every request to {@code path} with the responder. */
  public ScriptedServer on(String path, Responder responder) {
    routes.put(path, exchange -> reply(exchange, responder.respond(record(exchange))));
    return this;
  }

  /** Answers successive requests with the replies in order; the last one repeats. */
  public ScriptedServer onSequence(String path, Reply... replies) {
    AtomicInteger next = new AtomicInteger();
    return on(path, request -> replies[Math.min(next.getAndIncrement(), replies.length - 1)]);
  }

  /** Full control of the exchange (e.g. to stream a body in steps); the request is recorded. */
  public ScriptedServer onRaw(String path, HttpHandler handler) {
    routes.put(
        path,
        exchange -> {
          record(exchange);
          handler.handle(exchange);
        });
    return this;
  }

  /** A token endpoint issuing the given tokens in order (the last repeats), valid 1799 s. */
  public ScriptedServer tokens(String... tokens) {
    Reply[] replies = new Reply[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      replies[i] =
          Reply.json(
              200,
              "{\"access_token\":\""
                  + tokens[i]
                  + "\",\"token_type\":\"Bearer\",\"expires_in\":1799,\"scope\":\"\"}");
    }
    return onSequence("/oauth/token", replies);
  }

  public List<Recorded> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<Recorded> requests(String path) {
    return requests().stream().filter(request -> request.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    Route handler = routes.get(exchange.getRequestURI().getPath());
    try {
      if (handler == null) {
        record(exchange);
        reply(exchange, Reply.json(404, "{\"fail\":[{\"code\":\"no_route\"}]}"));
      } else {
        handler.handle(exchange);
      }
    } catch (Exception e) {
      reply(exchange, Reply.json(599, "{\"test_server_error\":\"" + e + "\"}"));
    } finally {
      exchange.close();
    }
  }

  private Recorded record(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Recorded recorded =
        new Recorded(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestURI().getRawQuery(),
            headers,
            body);
    requests.add(recorded);
    return recorded;
  }

  private static void reply(HttpExchange exchange, Reply reply) throws IOException {
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(
        reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    if (reply.body().length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
