package dev.mci.simulator.core;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issued API 2.0 access tokens: opaque random strings with an expiry. Expired tokens are remembered
 * for a while so that they answer {@code token_expired} rather than {@code unauthorized}.
 * Thread-safe.
 */
public final class OAuthTokens {

  /** Outcome of looking a token up. */
  public enum State {
    /** Known and not yet expired. */
    VALID,
    /** Known but expired. */
    EXPIRED,
    /** Never issued (or long forgotten). */
    UNKNOWN
  }

  /**
   * A token lookup.
   *
   * @param state whether the token is valid
   * @param clientId the application the token was issued to, unless unknown
   */
  public record Lookup(State state, Optional<String> clientId) {
    /** Checks nothing is null. */
    public Lookup {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(clientId, "clientId");
    }
  }

  private record Entry(String clientId, Instant expiresAt) {}

  private static final int PRUNE_ABOVE = 10_000;
  private static final Duration REMEMBER_EXPIRED = Duration.ofDays(1);

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Entry> tokens = new ConcurrentHashMap<>();

  /**
   * Issues a token for {@code clientId} that stops working at {@code expiresAt}.
   *
   * @return the opaque token (a secret: never log it)
   */
  public String issue(String clientId, Instant expiresAt) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = "mcsim." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    if (tokens.size() > PRUNE_ABOVE) {
      prune(expiresAt);
    }
    tokens.put(token, new Entry(clientId, expiresAt));
    return token;
  }

  /** Looks a token up at {@code now}. */
  public Lookup lookup(String token, Instant now) {
    Entry entry = tokens.get(token);
    if (entry == null) {
      return new Lookup(State.UNKNOWN, Optional.empty());
    }
    State state = now.isBefore(entry.expiresAt()) ? State.VALID : State.EXPIRED;
    return new Lookup(state, Optional.of(entry.clientId()));
  }

  /** Makes every issued token expire at {@code now}. */
  public void expireAll(Instant now) {
    tokens.replaceAll(
        (token, entry) ->
            entry.expiresAt().isAfter(now) ? new Entry(entry.clientId(), now) : entry);
  }

  private void prune(Instant now) {
    Instant forgetBefore = now.minus(REMEMBER_EXPIRED);
    for (Iterator<Entry> it = tokens.values().iterator(); it.hasNext(); ) {
      if (it.next().expiresAt().isBefore(forgetBefore)) {
        it.remove();
      }
    }
  }
}
