package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.ApiGeneration;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline, written once for every endpoint. Order per request:
 *
 * <ol>
 *   <li>profile latency;
 *   <li>a scripted fault for this exact path, else a drawn profile fault (neither consumes quota);
 *   <li>the caller's rate-limit bucket: 429 when empty (every other request counts);
 *   <li>on {@code /api/...}: authentication by the listener's scheme, {@code app_forbidden} for API
 *       1.0-only paths on the 2.0 listener, 404 for unknown paths, 405 for non-POST, envelope
 *       parsing (400), then the handler;
 *   <li>elsewhere: the raw route (404/405 otherwise), authenticated when the route asks.
 * </ol>
 *
 * Every answer carries the {@code X-RateLimit-*} headers. Nothing from {@code Authorization} is
 * logged.
 */
public final class Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final Clock clock;
  private final Routes routes;
  private final Authenticator authenticator;
  private final RateLimiter rateLimiter;
  private final FaultInjector faultInjector;
  private final Function<String, Optional<ScriptedFault>> scriptedFaults;
  private final Paging paging;
  private final Sleeper sleeper;

  /**
   * A pipeline over these parts.
   *
   * @param scriptedFaults takes the next scripted fault queued for a path, if any
   */
  public Dispatcher(
      Clock clock,
      Routes routes,
      Authenticator authenticator,
      RateLimiter rateLimiter,
      FaultInjector faultInjector,
      Function<String, Optional<ScriptedFault>> scriptedFaults,
      Paging paging,
      Sleeper sleeper) {
    this.clock = clock;
    this.routes = routes;
    this.authenticator = authenticator;
    this.rateLimiter = rateLimiter;
    this.faultInjector = faultInjector;
    this.scriptedFaults = scriptedFaults;
    this.paging = paging;
    this.sleeper = sleeper;
  }

  /** Answers one request; never throws. */
  public HttpReply dispatch(IncomingRequest request) {
    HttpReply reply;
    try {
      reply = process(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply = serverError(request);
    } catch (RuntimeException e) {
      LOG.error("handler failed for {}", request, e);
      reply = serverError(request);
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} {} {} -> {}",
          request.generation(),
          request.method(),
          request.path(),
          reply.dropConnection() ? "dropped" : reply.status());
    }
    return reply;
  }

  private HttpReply process(IncomingRequest request) throws InterruptedException {
    faultInjector.applyLatency();
    Optional<ScriptedFault> scripted = scriptedFaults.apply(request.path());
    if (scripted.isPresent() && scripted.get() instanceof ScriptedFault.Delay delay) {
      sleeper.sleep(delay.duration());
      scripted = Optional.empty();
    }
    Instant now = clock.instant();
    String bucket = authenticator.bucketOf(request, now);
    if (scripted.isPresent()) {
      return scriptedReply(scripted.get(), request, rateLimiter.peek(bucket, now));
    }
    FaultInjector.Drawn drawn = faultInjector.draw();
    switch (drawn.kind()) {
      case DROP:
        return HttpReply.drop();
      case SERVER_ERROR:
        return rateLimiter.peek(bucket, now).applyTo(statusError(request, drawn.status()));
      case RATE_LIMITED:
        return rateLimited(request, rateLimiter.peek(bucket, now).limit(), drawn.resetMillis());
      default:
        break;
    }
    RateLimiter.Decision decision = rateLimiter.acquire(bucket, now);
    if (!decision.allowed()) {
      return decision.applyTo(
          ErrorBodies.error(
              ErrorBodies.Style.forPath(request.path()),
              429,
              new ApiError(
                  ErrorCodes.RATE_LIMITED, "Rate limit exceeded", true, Optional.empty())));
    }
    HttpReply reply = request.path().startsWith("/api/") ? api(request, now) : raw(request, now);
    reply = decision.applyTo(reply);
    return drawn.kind() == FaultInjector.Kind.SLOW ? reply.slowly() : reply;
  }

  private HttpReply api(IncomingRequest request, Instant now) {
    Authenticator.Outcome outcome = authenticator.authenticate(request, now);
    if (outcome instanceof Authenticator.Denied denied) {
      return denied.reply();
    }
    String callerId = ((Authenticator.Allowed) outcome).callerId();
    String path = request.path();
    if (request.generation() == ApiGeneration.V2
        && (isApiV1Only(path) || routes.apiOnlyElsewhere(ApiGeneration.V2, path))) {
      return ErrorBodies.envelope(
          403,
          ApiFailure.of(
              ApiError.of(
                  ErrorCodes.APP_FORBIDDEN,
                  "Resource or method requested does not exist in any product assigned to the"
                      + " application.")));
    }
    Optional<Routes.ApiRoute> route = routes.api(request.generation(), path);
    if (route.isEmpty()) {
      return notFound(path);
    }
    if (!request.method().equals("POST")) {
      return ErrorBodies.envelope(
              405,
              ApiFailure.of(
                  ApiError.of(
                      ErrorCodes.METHOD_NOT_ALLOWED,
                      "Method " + request.method() + " is not allowed; use POST")))
          .withHeader("Allow", "POST");
    }
    Envelope envelope;
    try {
      envelope = parseEnvelope(request.body());
    } catch (InvalidBody e) {
      return ErrorBodies.envelope(
          400, ApiFailure.of(ApiError.of(ErrorCodes.INVALID_REQUEST_BODY, e.getMessage())));
    }
    ApiCall call =
        new ApiCall(
            request.generation(),
            path,
            now,
            callerId,
            envelope.items(),
            envelope.pageRequest(),
            paging,
            request.header("Host"));
    return route.get().handler().reply(call);
  }

  private HttpReply raw(IncomingRequest request, Instant now) {
    List<Routes.RawRoute> candidates = routes.raw(request.generation(), request.path());
    if (candidates.isEmpty()) {
      return notFound(request.path());
    }
    Optional<Routes.RawRoute> route =
        candidates.stream().filter(r -> r.method().equals(request.method())).findFirst();
    if (route.isEmpty()) {
      String allowed = String.join(", ", candidates.stream().map(Routes.RawRoute::method).toList());
      return ErrorBodies.flat(
              405,
              ErrorCodes.METHOD_NOT_ALLOWED,
              "Method " + request.method() + " is not allowed; use " + allowed)
          .withHeader("Allow", allowed);
    }
    Optional<String> callerId = Optional.empty();
    if (route.get().authenticated()) {
      Authenticator.Outcome outcome = authenticator.authenticate(request, now);
      if (outcome instanceof Authenticator.Denied denied) {
        return denied.reply();
      }
      callerId = Optional.of(((Authenticator.Allowed) outcome).callerId());
    }
    return route.get().handler().handle(new RawCall(request, now, callerId));
  }

  /** {@code /api/login/*} and get-siem-logs exist only on API 1.0 (reference 00 §3.3, §3.5). */
  private static boolean isApiV1Only(String path) {
    return path.startsWith("/api/login/") || path.equals("/api/audit/get-siem-logs");
  }

  private HttpReply scriptedReply(
      ScriptedFault fault, IncomingRequest request, RateLimiter.Decision current) {
    ErrorBodies.Style style = ErrorBodies.Style.forPath(request.path());
    if (fault instanceof ScriptedFault.Status status) {
      return current.applyTo(statusError(request, status.httpStatus()));
    }
    if (fault instanceof ScriptedFault.RateLimited limited) {
      return rateLimited(request, current.limit(), limited.reset().toMillis());
    }
    if (fault instanceof ScriptedFault.DropConnection) {
      return HttpReply.drop();
    }
    if (fault instanceof ScriptedFault.FunctionError error) {
      ApiError apiError =
          new ApiError(error.code(), error.message(), error.retryable(), Optional.empty());
      return current.applyTo(
          HttpReply.json(200, ApiReply.error(200, ApiFailure.of(apiError)).toJson()));
    }
    if (fault instanceof ScriptedFault.EmptyBody empty) {
      return current.applyTo(HttpReply.empty(empty.httpStatus()));
    }
    if (fault instanceof ScriptedFault.TokenExpired) {
      return current.applyTo(
          ErrorBodies.tokenFailure(style, ErrorCodes.TOKEN_EXPIRED, "Token expired"));
    }
    throw new IllegalStateException("unhandled scripted fault " + fault);
  }

  private static HttpReply statusError(IncomingRequest request, int status) {
    ApiError error =
        new ApiError(
            ErrorCodes.forStatus(status),
            "Simulated HTTP " + status,
            status >= 500 || status == 429,
            Optional.empty());
    return ErrorBodies.error(ErrorBodies.Style.forPath(request.path()), status, error);
  }

  private static HttpReply rateLimited(IncomingRequest request, int limit, long resetMillis) {
    HttpReply body =
        ErrorBodies.error(
            ErrorBodies.Style.forPath(request.path()),
            429,
            new ApiError(ErrorCodes.RATE_LIMITED, "Rate limit exceeded", true, Optional.empty()));
    return new RateLimiter.Decision(false, limit, 0, resetMillis)
        .applyTo(body)
        .withHeader("Retry-After", Long.toString((resetMillis + 999) / 1000));
  }

  private static HttpReply notFound(String path) {
    return ErrorBodies.envelope(
        404, ApiFailure.of(ApiError.of(ErrorCodes.NOT_FOUND, "No resource at " + path)));
  }

  private static HttpReply serverError(IncomingRequest request) {
    return statusError(request, 500);
  }

  private record Envelope(List<ObjectNode> items, PageRequest pageRequest) {}

  private static final class InvalidBody extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidBody(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Parses the request envelope leniently (reference 01 §0.2): {@code null} is absent, unknown keys
   * are ignored, {@code data} may be missing; but the body must be a JSON object and {@code data},
   * when present, an array of objects.
   */
  private static Envelope parseEnvelope(byte[] body) throws InvalidBody {
    JsonNode root;
    try {
      root = Json.parse(body).orElseThrow(() -> new InvalidBody("A JSON request body is required"));
    } catch (IOException e) {
      throw new InvalidBody("The request body is not valid JSON");
    }
    if (!root.isObject()) {
      throw new InvalidBody("The request body must be a JSON object");
    }
    JsonNode pagination =
        Json.field(root, "meta").flatMap(meta -> Json.field(meta, "pagination")).orElse(null);
    OptionalInt pageSize = OptionalInt.empty();
    Optional<String> pageToken = Optional.empty();
    if (pagination != null) {
      pageSize =
          Json.field(pagination, "pageSize").map(Dispatcher::intValue).orElse(OptionalInt.empty());
      pageToken = Json.text(pagination, "pageToken");
    }
    List<ObjectNode> items = new ArrayList<>();
    Optional<JsonNode> data = Json.field(root, "data");
    if (data.isPresent()) {
      if (!data.get().isArray()) {
        throw new InvalidBody("'data' must be an array");
      }
      for (JsonNode item : data.get()) {
        if (item.isNull()) {
          continue;
        }
        if (!item.isObject()) {
          throw new InvalidBody("Each 'data' item must be a JSON object");
        }
        items.add((ObjectNode) item);
      }
    }
    return new Envelope(items, PageRequest.of(pageSize, pageToken));
  }

  private static OptionalInt intValue(JsonNode node) {
    if (node.isNumber()) {
      if (node.canConvertToInt()) {
        return OptionalInt.of(node.asInt());
      }
      return OptionalInt.of(node.asDouble() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE);
    }
    if (node.isTextual()) {
      try {
        return OptionalInt.of(Integer.parseInt(node.asText().strip()));
      } catch (NumberFormatException e) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }
}
