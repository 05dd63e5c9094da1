package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque page tokens that carry the query and the position (reference 00 §7 rule 4), so a token
 * sent without {@code data} still works. A token is zlib-compressed JSON plus a MAC, base64url
 * encoded, which is why it starts with {@code eN} like Mimecast's own tokens. Tampered, truncated
 * or foreign tokens are rejected.
 */
public final class PageTokens {

  private static final int MAC_BYTES = 8;
  private static final int MAX_INFLATED = 64 * 1024;

  private final byte[] key;

  /** Tokens keyed by the tenant seed, so a token from another seed is rejected. */
  public PageTokens(long seed) {
    this.key = sha256(("mci-simulator/page-token/" + seed).getBytes(StandardCharsets.UTF_8));
  }

  /** A decoded token. */
  public record Position(String endpoint, JsonNode query, long offset, int pageSize) {
    /** Checks nothing is null and the numbers are in range. */
    public Position {
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(query, "query");
      if (offset < 0 || pageSize < 1) {
        throw new IllegalArgumentException("bad position " + offset + "/" + pageSize);
      }
    }
  }

  /** Encodes a position. */
  public String encode(Position position) {
    ObjectNode node = Json.object();
    node.put("e", position.endpoint());
    node.set("q", position.query());
    node.put("o", position.offset());
    node.put("s", position.pageSize());
    byte[] payload = Json.bytes(node);
    byte[] mac = mac(payload);
    byte[] signed = new byte[MAC_BYTES + payload.length];
    System.arraycopy(mac, 0, signed, 0, MAC_BYTES);
    System.arraycopy(payload, 0, signed, MAC_BYTES, payload.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(deflate(signed));
  }

  /** Decodes a token minted for {@code endpoint}; empty when it is not one of ours. */
  public Optional<Position> decode(String token, String endpoint) {
    try {
      byte[] signed = inflate(Base64.getUrlDecoder().decode(token.strip()));
      if (signed.length <= MAC_BYTES) {
        return Optional.empty();
      }
      byte[] payload = Arrays.copyOfRange(signed, MAC_BYTES, signed.length);
      byte[] expected = Arrays.copyOf(mac(payload), MAC_BYTES);
      if (!MessageDigest.isEqual(expected, Arrays.copyOf(signed, MAC_BYTES))) {
        return Optional.empty();
      }
      JsonNode node = Json.mapper().readTree(payload);
      if (!endpoint.equals(node.path("e").asText())) {
        return Optional.empty();
      }
      return Optional.of(
          new Position(
              endpoint, node.path("q"), node.path("o").asLong(-1), node.path("s").asInt(0)));
    } catch (IllegalArgumentException | IOException | DataFormatException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return hmac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static byte[] deflate(byte[] input) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(input);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
      byte[] buffer = new byte[512];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] input) throws DataFormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(input);
      ByteArrayOutputStream out = new ByteArrayOutputStream(input.length * 4);
      byte[] buffer = new byte[512];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("truncated token");
        }
        out.write(buffer, 0, n);
        if (out.size() > MAX_INFLATED) {
          throw new DataFormatException("token too large");
        }
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }
}
