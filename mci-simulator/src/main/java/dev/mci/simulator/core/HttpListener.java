package dev.mci.simulator.core;

import dev.mci.simulator.ApiGeneration;
import dev.mci.simulator.RecordedRequest;
import dev.mci.simulator.Sleeper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP listener (Javalin on Jetty) that hands every request, whatever its method and path, to
 * the {@link Dispatcher} and writes the answer back: normally, dribbled slowly, or by closing the
 * connection.
 */
public final class HttpListener implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpListener.class);

  /** Slow bodies are written in this many chunks... */
  private static final int SLOW_CHUNKS = 20;

  /** ...with this pause between chunks. */
  private static final Duration SLOW_PAUSE = Duration.ofMillis(50);

  private static final List<HandlerType> METHODS =
      List.of(
          HandlerType.GET,
          HandlerType.POST,
          HandlerType.PUT,
          HandlerType.PATCH,
          HandlerType.DELETE,
          HandlerType.HEAD,
          HandlerType.OPTIONS);

  private final Javalin app;
  private final URI baseUrl;

  private HttpListener(Javalin app, URI baseUrl) {
    this.app = app;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts a listener.
   *
   * @param host interface to bind
   * @param port port, 0 for a free one
   * @param generation which API this listener serves
   * @param recorder receives each request before its answer is written, so a client that has its
   *     answer always finds the request recorded
   */
  public static HttpListener start(
      String host,
      int port,
      ApiGeneration generation,
      Dispatcher dispatcher,
      Consumer<RecordedRequest> recorder,
      Clock clock,
      Sleeper sleeper) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 2, 30_000);
    threads.setName("mci-sim-" + generation.name().toLowerCase(Locale.ROOT));
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.http.disableCompression();
              config.jetty.threadPool = threads;
            });
    for (HandlerType method : METHODS) {
      app.addHttpHandler(
          method, "*", ctx -> handle(ctx, generation, dispatcher, recorder, clock, sleeper));
    }
    app.start(host, port);
    return new HttpListener(app, baseUrl(host, app.port()));
  }

  /** The listener's base URL, e.g. {@code http://127.0.0.1:50123}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Stops the listener. */
  @Override
  public void close() {
    app.stop();
  }

  private static void handle(
      Context ctx,
      ApiGeneration generation,
      Dispatcher dispatcher,
      Consumer<RecordedRequest> recorder,
      Clock clock,
      Sleeper sleeper)
      throws IOException, InterruptedException {
    Instant arrived = clock.instant();
    Map<String, String> headers = ctx.headerMap();
    Map<String, String> query = new java.util.LinkedHashMap<>();
    ctx.queryParamMap()
        .forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
    IncomingRequest request =
        new IncomingRequest(
            generation, ctx.method().name(), ctx.path(), headers, ctx.bodyAsBytes(), query);
    HttpReply reply = dispatcher.dispatch(request);
    recorder.accept(
        new RecordedRequest(
            arrived,
            generation,
            request.method(),
            request.path(),
            request.authScheme(),
            request.requestId(),
            reply.dropConnection() ? RecordedRequest.NO_RESPONSE : reply.status()));
    if (reply.dropConnection()) {
      // Close the socket under Jetty's feet: the client sees the connection end without a response.
      Request.getBaseRequest(ctx.req()).getHttpChannel().getEndPoint().close();
      return;
    }
    ctx.status(reply.status());
    reply.headers().forEach(ctx::header);
    byte[] body = reply.body();
    reply.contentType().ifPresent(ctx::contentType);
    if (reply.streamedBody().isPresent()) {
      HttpReply.StreamedBody streamed = reply.streamedBody().get();
      ctx.res().setContentLengthLong(streamed.length());
      try (OutputStream out = ctx.res().getOutputStream()) {
        streamed.writer().writeTo(out);
      }
      return;
    }
    if (body.length == 0) {
      ctx.res().setContentLength(0);
      return;
    }
    if (!reply.slowBody()) {
      ctx.result(body);
      return;
    }
    ctx.res().setContentLength(body.length);
    OutputStream out = ctx.res().getOutputStream();
    int chunk = Math.max(1, (body.length + SLOW_CHUNKS - 1) / SLOW_CHUNKS);
    for (int offset = 0; offset < body.length; offset += chunk) {
      out.write(body, offset, Math.min(chunk, body.length - offset));
      out.flush();
      if (offset + chunk < body.length) {
        sleeper.sleep(SLOW_PAUSE);
      }
    }
    LOG.trace("dribbled {} bytes for {}", body.length, request);
  }

  private static URI baseUrl(String host, int port) {
    String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    String authority = reachable.contains(":") ? "[" + reachable + "]" : reachable;
    return URI.create("http://" + authority + ":" + port);
  }
}
