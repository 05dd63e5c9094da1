package dev.mci.simulator.core;

import dev.mci.simulator.ApiGeneration;
import dev.mci.simulator.AuthScheme;
import dev.mci.simulator.SimulatorCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks credentials, once for every endpoint: API 2.0 Bearer tokens on the 2.0 listener, API 1.0
 * HMAC signatures on the 1.0 listener, each rejecting the other's scheme (reference 00 §3.3, §11).
 * Failure answers never echo a secret.
 */
public final class Authenticator {

  /** The result of authenticating one request. */
  public sealed interface Outcome permits Allowed, Denied {}

  /**
   * The caller is authenticated.
   *
   * @param callerId the API 2.0 client id or the API 1.0 access key
   */
  public record Allowed(String callerId) implements Outcome {
    /** Checks the id is present. */
    public Allowed {
      Objects.requireNonNull(callerId, "callerId");
    }
  }

  /**
   * The caller is rejected with this answer.
   *
   * @param reply the error answer, in the path's body style
   */
  public record Denied(HttpReply reply) implements Outcome {
    /** Checks the reply is present. */
    public Denied {
      Objects.requireNonNull(reply, "reply");
    }
  }

  /** Rate-limit bucket of requests whose caller cannot be identified. */
  static final String ANONYMOUS_BUCKET = "anonymous:";

  /** The API 1.0 user who owns both the valid and the expired binding. */
  private static final String V1_USER = "svc-mci";

  private static final DateTimeFormatter MC_DATE =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("EEE, d MMM yyyy HH:mm:ss")
          .toFormatter(Locale.ENGLISH);

  private final SimulatorCredentials credentials;
  private final OAuthTokens tokens;
  private final Duration allowedClockSkew;

  /** An authenticator for the tenant's credentials. */
  public Authenticator(
      SimulatorCredentials credentials, OAuthTokens tokens, Duration allowedClockSkew) {
    this.credentials = credentials;
    this.tokens = tokens;
    this.allowedClockSkew = allowedClockSkew;
  }

  /** Authenticates a request with the scheme of the listener that received it. */
  public Outcome authenticate(IncomingRequest request, Instant now) {
    ErrorBodies.Style style = ErrorBodies.Style.forPath(request.path());
    return request.generation() == ApiGeneration.V2
        ? bearer(request, now, style)
        : signed(request, now, style);
  }

  /**
   * The rate-limit bucket a request counts against: its API 2.0 application or API 1.0 user when
   * the presented credentials identify one (even if they then fail), else an anonymous bucket per
   * listener.
   */
  public String bucketOf(IncomingRequest request, Instant now) {
    if (request.generation() == ApiGeneration.V2) {
      if (request.path().equals(OAuthTokenEndpoint.PATH)) {
        return OAuthTokenEndpoint.clientIdOf(request)
            .filter(credentials.clientId()::equals)
            .map(id -> "app:" + id)
            .orElse(ANONYMOUS_BUCKET + "v2");
      }
      if (request.authScheme() == AuthScheme.BEARER) {
        Optional<String> clientId = tokens.lookup(bearerToken(request), now).clientId();
        if (clientId.isPresent()) {
          return "app:" + clientId.get();
        }
      }
      return ANONYMOUS_BUCKET + "v2";
    }
    if (request.authScheme() == AuthScheme.MC) {
      Optional<String> accessKey = mcAccessKey(request);
      if (accessKey.isPresent()
          && (accessKey.get().equals(credentials.accessKey())
              || accessKey.get().equals(credentials.expiredAccessKey()))) {
        return "user:" + V1_USER;
      }
    }
    return ANONYMOUS_BUCKET + "v1";
  }

  /** Whether the client id and secret are the tenant's API 2.0 application (constant time). */
  public boolean isValidClient(String clientId, String clientSecret) {
    return constantTimeEquals(clientId, credentials.clientId())
        & constantTimeEquals(clientSecret, credentials.clientSecret());
  }

  private Outcome bearer(IncomingRequest request, Instant now, ErrorBodies.Style style) {
    if (request.authScheme() != AuthScheme.BEARER) {
      // Missing credentials and the API 1.0 "MC" scheme are both plain 401 unauthorized on 2.0.
      return deny(ErrorBodies.tokenFailure(style, ErrorCodes.UNAUTHORIZED, "Unauthorized"));
    }
    OAuthTokens.Lookup lookup = tokens.lookup(bearerToken(request), now);
    switch (lookup.state()) {
      case VALID:
        return new Allowed(lookup.clientId().orElseThrow());
      case EXPIRED:
        return deny(ErrorBodies.tokenFailure(style, ErrorCodes.TOKEN_EXPIRED, "Token expired"));
      default:
        return deny(ErrorBodies.tokenFailure(style, ErrorCodes.UNAUTHORIZED, "Unauthorized"));
    }
  }

  private Outcome signed(IncomingRequest request, Instant now, ErrorBodies.Style style) {
    AuthScheme scheme = request.authScheme();
    if (scheme == AuthScheme.NONE) {
      return deny(
          ErrorBodies.error(
              style, 400, ApiError.of(ErrorCodes.CREDENTIALS_MISSING, "0001 Credentials missing")));
    }
    if (scheme != AuthScheme.MC) {
      return deny(
          ErrorBodies.error(
              style,
              401,
              ApiError.of(
                  ErrorCodes.AUTH_TYPE_NOT_SUPPORTED, "0001 Authentication type not supported")));
    }
    String header = request.header("Authorization").orElse("");
    String value = header.length() > 3 ? header.substring(3) : "";
    int colon = value.indexOf(':');
    if (colon <= 0) {
      return invalidSignature(style);
    }
    String accessKey = value.substring(0, colon);
    String signature = value.substring(colon + 1);

    String appId = request.header("x-mc-app-id").orElse("");
    if (!appId.equals(credentials.appId())) {
      // Recorded behaviour: an invalid application id is a function error under HTTP 200.
      return deny(
          ErrorBodies.error(
              style, 200, ApiError.of(ErrorCodes.DEVELOPER_KEY, "App ID is invalid: " + appId)));
    }
    Optional<String> date = request.header("x-mc-date");
    Optional<String> requestId = request.header("x-mc-req-id");
    if (date.isEmpty() || requestId.isEmpty()) {
      return deny(
          ErrorBodies.error(
              style, 400, ApiError.of(ErrorCodes.CREDENTIALS_MISSING, "0001 Credentials missing")));
    }

    boolean expiredBinding = accessKey.equals(credentials.expiredAccessKey());
    String secretKey;
    if (accessKey.equals(credentials.accessKey())) {
      secretKey = credentials.secretKey();
    } else if (expiredBinding) {
      secretKey = credentials.expiredSecretKey();
    } else {
      return invalidSignature(style);
    }

    Optional<Instant> sentAt = parseMcDate(date.get());
    if (sentAt.isEmpty()
        || Duration.between(sentAt.get(), now).abs().compareTo(allowedClockSkew) > 0) {
      return deny(
          ErrorBodies.error(
              style,
              401,
              ApiError.of(
                  ErrorCodes.INVALID_DATE,
                  "x-mc-date is malformed or outside the allowed clock skew of "
                      + allowedClockSkew.toMinutes()
                      + " minutes")));
    }
    // The header values must be byte-identical to what was signed, so use them raw (not stripped).
    String rawDate = request.headers().get("x-mc-date");
    String rawRequestId = request.headers().get("x-mc-req-id");
    if (!HmacSignature.verify(
        secretKey, rawDate, rawRequestId, request.path(), credentials.appKey(), signature)) {
      return invalidSignature(style);
    }
    if (expiredBinding) {
      return deny(
          ErrorBodies.error(
              style,
              418,
              ApiError.of(ErrorCodes.BINDING_EXPIRED, "The access key binding has expired")));
    }
    return new Allowed(accessKey);
  }

  /**
   * Parses an {@code x-mc-date} such as {@code Tue, 24 Nov 2015 12:50:11 UTC}; the zone may be
   * {@code UTC} or {@code GMT} (reference 00 §2.3).
   */
  static Optional<Instant> parseMcDate(String text) {
    String value = text.strip();
    String upper = value.toUpperCase(Locale.ROOT);
    if (!upper.endsWith(" UTC") && !upper.endsWith(" GMT")) {
      return Optional.empty();
    }
    try {
      LocalDateTime local =
          LocalDateTime.parse(value.substring(0, value.length() - 4).strip(), MC_DATE);
      return Optional.of(local.toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> mcAccessKey(IncomingRequest request) {
    String value = request.header("Authorization").orElse("");
    if (!value.startsWith("MC ")) {
      return Optional.empty();
    }
    int colon = value.indexOf(':');
    return colon <= 3 ? Optional.empty() : Optional.of(value.substring(3, colon));
  }

  private static String bearerToken(IncomingRequest request) {
    String value = request.header("Authorization").orElse("");
    int space = value.indexOf(' ');
    return space < 0 ? "" : value.substring(space + 1).strip();
  }

  private static Outcome invalidSignature(ErrorBodies.Style style) {
    return deny(
        ErrorBodies.error(
            style, 401, ApiError.of(ErrorCodes.INVALID_SIGNATURE, "0004 Invalid Signature")));
  }

  private static Outcome deny(HttpReply reply) {
    return new Denied(reply);
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
