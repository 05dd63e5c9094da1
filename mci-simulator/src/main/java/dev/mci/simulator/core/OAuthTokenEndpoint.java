package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * {@code POST /oauth/token} (reference 00 §3.1): the client-credentials grant, form-encoded. Issues
 * opaque tokens whose {@code expires_in} is the configured TTL; a share of tokens may be set to
 * expire early by the fault profile. Credentials in HTTP Basic are accepted too (UNVERIFIED, so
 * accepted leniently).
 */
public final class OAuthTokenEndpoint implements RawHandler {

  /** The token path, only on the API 2.0 listener. */
  public static final String PATH = "/oauth/token";

  private final Authenticator authenticator;
  private final OAuthTokens tokens;
  private final Duration ttl;
  private final double earlyExpiryShare;
  private final DoubleSupplier random;

  /**
   * An endpoint issuing tokens.
   *
   * @param earlyExpiryShare share of tokens that stop working 10% to 50% into their lifetime
   * @param random uniform draws in {@code [0, 1)} for the early-expiry fault
   */
  public OAuthTokenEndpoint(
      Authenticator authenticator,
      OAuthTokens tokens,
      Duration ttl,
      double earlyExpiryShare,
      DoubleSupplier random) {
    this.authenticator = authenticator;
    this.tokens = tokens;
    this.ttl = Duration.ofSeconds(ttl.getSeconds());
    this.earlyExpiryShare = earlyExpiryShare;
    this.random = random;
  }

  @Override
  public HttpReply handle(RawCall call) {
    IncomingRequest request = call.request();
    Map<String, String> form = form(request.body());
    Optional<String[]> basic = basicCredentials(request);
    String clientId = form.getOrDefault("client_id", basic.map(b -> b[0]).orElse(""));
    String clientSecret = form.getOrDefault("client_secret", basic.map(b -> b[1]).orElse(""));
    String grantType = form.getOrDefault("grant_type", "");

    if (clientId.isEmpty() || clientSecret.isEmpty() || grantType.isEmpty()) {
      return ErrorBodies.flat(
          400,
          ErrorCodes.OAUTH_INVALID_REQUEST,
          "client_id, client_secret and grant_type are required");
    }
    if (!grantType.equals("client_credentials")) {
      return ErrorBodies.flat(
          400, ErrorCodes.OAUTH_UNSUPPORTED_GRANT, "Only client_credentials is supported");
    }
    if (!authenticator.isValidClient(clientId, clientSecret)) {
      return ErrorBodies.flat(401, ErrorCodes.UNAUTHORIZED, "Invalid client credentials");
    }
    Instant now = call.now();
    Duration lifetime = ttl;
    if (earlyExpiryShare > 0 && random.getAsDouble() < earlyExpiryShare) {
      // The advertised expires_in stays the same: clients must cope with an early 401.
      double fraction = 0.1 + 0.4 * random.getAsDouble();
      lifetime = Duration.ofMillis(Math.max(1, (long) (ttl.toMillis() * fraction)));
    }
    String token = tokens.issue(clientId, now.plus(lifetime));
    ObjectNode body = Json.object();
    body.put("access_token", token);
    body.put("token_type", "Bearer");
    body.put("expires_in", ttl.getSeconds());
    body.put("scope", "");
    return HttpReply.json(200, body).withHeader("Cache-Control", "no-store");
  }

  /** The client id a token request presents (form field or HTTP Basic), for rate limiting. */
  static Optional<String> clientIdOf(IncomingRequest request) {
    String fromForm = form(request.body()).get("client_id");
    if (fromForm != null && !fromForm.isEmpty()) {
      return Optional.of(fromForm);
    }
    return basicCredentials(request).map(b -> b[0]);
  }

  private static Map<String, String> form(byte[] body) {
    Map<String, String> values = new HashMap<>();
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return values;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        values.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException malformed) {
        // A malformed pair is skipped; the missing field is reported as invalid_request.
      }
    }
    return values;
  }

  private static Optional<String[]> basicCredentials(IncomingRequest request) {
    String header = request.header("Authorization").orElse("");
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
