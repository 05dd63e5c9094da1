package dev.mci.simulator.events;

import dev.mci.simulator.tenant.AttachmentFile;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic identifiers and draws for events: {@code aggregateId}, {@code processingId}, the
 * API 1.0 {@code aCode}, and the MD5/SHA-1 of attachment files (computed once per file). Every
 * value is a pure function of the seed and its coordinates. Thread-safe.
 */
final class EventIds {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final long seed;
  private final Map<Integer, String[]> fileHashes = new ConcurrentHashMap<>();

  EventIds(long seed) {
    this.seed = seed;
  }

  /** A well-mixed 64-bit value of the coordinates (SplitMix64 finaliser). */
  long mix(long salt, long index) {
    long h = finish(seed + GOLDEN);
    h = finish(h ^ (salt + 2 * GOLDEN));
    return finish(h ^ (index + 3 * GOLDEN));
  }

  /** Uniform in {@code [0, bound)} for draw {@code k} of the coordinates. */
  int draw(long salt, long index, int k, int bound) {
    return (int) Math.floorMod(mix(salt + k * 0x1F1FL, index), (long) bound);
  }

  /** 22 url-safe characters plus {@code _} and the epoch second, as in 05 §5.2. */
  String aggregateId(long salt, long index, long epochSecond) {
    return token(salt, index, 2) + "_" + epochSecond;
  }

  /** 43 url-safe characters plus {@code _} and the epoch second. */
  String processingId(long salt, long index, long epochSecond) {
    return token(salt ^ 0x50C3L, index, 4).substring(0, 43) + "_" + epochSecond;
  }

  /** The API 1.0 {@code aCode}: the aggregate id without its time suffix. */
  static String aCode(String aggregateId) {
    if (aggregateId == null) {
      return null;
    }
    int underscore = aggregateId.lastIndexOf('_');
    return underscore > 0 ? aggregateId.substring(0, underscore) : aggregateId;
  }

  /** {@code [md5, sha1]} of a file's bytes, lower-case hex. */
  String[] hashes(AttachmentFile file) {
    return fileHashes.computeIfAbsent(
        file.index(),
        key -> {
          byte[] content = file.content();
          return new String[] {hex("MD5", content), hex("SHA-1", content)};
        });
  }

  private String token(long salt, long index, int longs) {
    ByteBuffer bytes = ByteBuffer.allocate(longs * 8);
    for (int i = 0; i < longs; i++) {
      bytes.putLong(mix(salt + i, index));
    }
    String text = URL.encodeToString(bytes.array());
    return longs == 2 ? text.substring(0, 22) : text;
  }

  private static String hex(String algorithm, byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " unavailable", e);
    }
  }

  private static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
