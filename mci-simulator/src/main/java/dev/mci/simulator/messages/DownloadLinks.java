package dev.mci.simulator.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The API 2.0 pre-signed download URLs (reference 02 §3.3, §4.3): {@code
 * <listener>/download/messages/<token>}, fetched with a plain GET and no credentials. The token
 * carries what to download and when the URL expires, signed with a key derived from the seed, so
 * nothing is stored and a tampered or foreign URL is refused.
 */
final class DownloadLinks {

  /** Path prefix of every download URL. */
  static final String PREFIX = "/download/messages/";

  private static final int MAC_BYTES = 16;

  /** What a token turned out to be. */
  sealed interface Outcome permits Valid, Expired, Invalid {}

  /** A valid token and what it names. */
  record Valid(JsonNode what) implements Outcome {}

  /** A genuine token past its expiry. */
  record Expired(Instant expiredAt) implements Outcome {}

  /** Not one of ours. */
  record Invalid() implements Outcome {}

  private final byte[] key;
  private final Duration lifetime;

  DownloadLinks(long seed, Duration lifetime) {
    this.key = sha256(("mci-simulator/download/" + seed).getBytes(StandardCharsets.UTF_8));
    this.lifetime = lifetime;
  }

  /** A URL on {@code base} for {@code what}, valid for the configured lifetime from {@code now}. */
  URI url(URI base, ObjectNode what, Instant now) {
    ObjectNode payload = what.deepCopy();
    payload.put("x", now.plus(lifetime).getEpochSecond());
    byte[] body = Json.bytes(payload);
    String token = encode(body) + "." + encode(Arrays.copyOf(mac(body), MAC_BYTES));
    return URI.create(base.getScheme() + "://" + base.getRawAuthority() + PREFIX + token);
  }

  /** Checks a token at {@code now}. */
  Outcome read(String token, Instant now) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return new Invalid();
    }
    try {
      byte[] body = Base64.getUrlDecoder().decode(token.substring(0, dot));
      byte[] mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(mac, Arrays.copyOf(mac(body), MAC_BYTES))) {
        return new Invalid();
      }
      Optional<JsonNode> what = Json.parse(body);
      if (what.isEmpty() || !what.get().path("x").canConvertToLong()) {
        return new Invalid();
      }
      Instant expiry = Instant.ofEpochSecond(what.get().path("x").asLong());
      return now.isBefore(expiry) ? new Valid(what.get()) : new Expired(expiry);
    } catch (IllegalArgumentException | IOException e) {
      return new Invalid();
    }
  }

  private byte[] mac(byte[] body) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return hmac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
