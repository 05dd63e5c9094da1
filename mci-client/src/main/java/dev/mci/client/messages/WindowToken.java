package dev.mci.client.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The client-side page token of {@link MessagesApi#searchAll}: the time windows still to fetch
 * (inclusive epoch seconds, next window first) and a fingerprint of the query's filters, so a token
 * cannot silently be applied to another search. Opaque to callers.
 */
final class WindowToken {

  private static final String PREFIX = "mf1.";

  private WindowToken() {}

  static String encode(String fingerprint, Deque<long[]> windows) {
    ObjectNode root = Json.object();
    root.put("q", fingerprint);
    ArrayNode list = root.putArray("w");
    for (long[] window : windows) {
      list.addArray().add(window[0]).add(window[1]);
    }
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(root));
  }

  static Deque<long[]> decode(String token, String fingerprint, String endpoint) {
    Deque<long[]> windows = new ArrayDeque<>();
    Optional<JsonNode> root = Optional.empty();
    if (token.startsWith(PREFIX)) {
      try {
        root = Json.parse(Base64.getUrlDecoder().decode(token.substring(PREFIX.length())));
      } catch (IOException | IllegalArgumentException malformed) {
        root = Optional.empty();
      }
    }
    if (root.isEmpty() || !root.get().path("w").isArray()) {
      throw new InvalidRequestException(
          endpoint,
          "the page token is not a Message Finder token from searchAll(); resume with a token"
              + " taken from the same kind of search");
    }
    if (!fingerprint.equals(root.get().path("q").asText())) {
      throw new InvalidRequestException(
          endpoint,
          "the page token belongs to a search with other filters; resume with the same"
              + " messageId/from/to/subject/senderIp/route/statuses");
    }
    for (JsonNode window : root.get().get("w")) {
      long start = window.path(0).asLong();
      long end = window.path(1).asLong();
      if (end < start) {
        throw new InvalidRequestException(endpoint, "the page token is corrupt");
      }
      windows.addLast(new long[] {start, end});
    }
    return windows;
  }

  /** A short digest of the filters (not the time range or page size). */
  static String fingerprint(MessageSearch query) {
    String filters =
        String.join(
            "\u0000",
            String.valueOf(query.messageId()),
            String.valueOf(query.from()),
            String.valueOf(query.to()),
            String.valueOf(query.subject()),
            String.valueOf(query.senderIp()),
            String.valueOf(query.url()),
            String.valueOf(query.route()),
            String.join(",", query.statuses()));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(filters.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
