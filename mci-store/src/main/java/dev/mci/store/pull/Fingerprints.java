package dev.mci.store.pull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * Stable identities for events that carry no id (reference 05 §3.3): a SHA-256 of the event's
 * content with its fields in sorted order, so the same event gets the same fingerprint whatever
 * order its fields arrive in and whichever file delivers it. {@code _offset} and {@code _partition}
 * (stream positions that differ between deliveries of one event) are left out. Thread-safe.
 */
public final class Fingerprints {

  private static final byte NAME = 1;
  private static final byte TEXT = 2;
  private static final byte NUMBER = 3;
  private static final byte BOOL = 4;
  private static final byte NULL = 5;
  private static final byte OBJECT = 6;
  private static final byte ARRAY = 7;
  private static final byte END = 8;

  /** One digest per thread for the tree path, reset for each event. */
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(Fingerprints::newSha256);

  private static final byte[] OFFSET = "_offset".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PARTITION = "_partition".getBytes(StandardCharsets.US_ASCII);

  private Fingerprints() {}

  /** The fingerprint of an event of {@code logType}: 32 lower-case hex digits. */
  public static String of(String logType, JsonNode event) {
    MessageDigest digest = sha256();
    digest.update(logType.getBytes(StandardCharsets.UTF_8));
    digest.update(END);
    feed(digest, event, true);
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  /**
   * Fingerprints flat events for one thread (the ingest fast path), reusing its digest and buffer:
   * the same fingerprint as {@link #of(String, JsonNode)} gives the event parsed as a tree. Not
   * thread-safe.
   */
  static final class Hasher {
    private final MessageDigest digest = newSha256();
    private int[] order = new int[32];
    private byte[] bytes = new byte[4096];
    private int length;

    /** The fingerprint; null when a field name repeats (the tree keeps only the last one). */
    String of(String logType, FlatEvent event) {
      int size = event.size();
      if (order.length < size) {
        order = new int[size];
      }
      byte[] line = event.bytes();
      int count = 0;
      for (int i = 0; i < size; i++) {
        if (!isPosition(line, event.nameStart(i), event.nameEnd(i))) {
          order[count++] = i;
        }
      }
      // Insertion sort: a few dozen names, usually in order already.
      for (int i = 1; i < count; i++) {
        int current = order[i];
        int j = i - 1;
        while (j >= 0 && event.compareNames(order[j], current) > 0) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = current;
      }
      // The bytes the tree path feeds the digest, gathered in one buffer and hashed in one call.
      length = 0;
      for (int k = 0; k < logType.length(); k++) {
        if (logType.charAt(k) >= 0x80) {
          return null; // Log types are ASCII; anything else takes the tree path.
        }
      }
      room(logType.length() + 2);
      for (int k = 0; k < logType.length(); k++) {
        bytes[length++] = (byte) logType.charAt(k);
      }
      bytes[length++] = END;
      bytes[length++] = OBJECT;
      for (int k = 0; k < count; k++) {
        int i = order[k];
        if (k > 0 && event.compareNames(order[k - 1], i) == 0) {
          return null;
        }
        put(NAME);
        copy(line, event.nameStart(i), event.nameEnd(i));
        switch (event.kind(i)) {
          case FlatEvent.TEXT -> {
            put(TEXT);
            if (event.plain(i)) {
              putSize(event.valueEnd(i) - event.valueStart(i));
              copy(line, event.valueStart(i), event.valueEnd(i));
            } else {
              byte[] text = event.value(i).getBytes(StandardCharsets.UTF_8);
              putSize(text.length);
              copy(text, 0, text.length);
            }
          }
          case FlatEvent.NUMBER -> {
            put(NUMBER);
            copy(line, event.valueStart(i), event.valueEnd(i));
          }
          case FlatEvent.BOOL -> {
            put(BOOL);
            put(line[event.valueStart(i)] == 't' ? (byte) 1 : (byte) 0);
          }
          default -> put(NULL);
        }
      }
      put(END);
      digest.reset();
      digest.update(bytes, 0, length);
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static boolean isPosition(byte[] line, int at, int end) {
      return Arrays.equals(line, at, end, OFFSET, 0, OFFSET.length)
          || Arrays.equals(line, at, end, PARTITION, 0, PARTITION.length);
    }

    private void put(byte value) {
      room(1);
      bytes[length++] = value;
    }

    /** Four bytes of length, big-endian, as the tree path writes before a text. */
    private void putSize(int size) {
      room(4);
      bytes[length++] = (byte) (size >>> 24);
      bytes[length++] = (byte) (size >>> 16);
      bytes[length++] = (byte) (size >>> 8);
      bytes[length++] = (byte) size;
    }

    private void copy(byte[] from, int at, int end) {
      room(end - at);
      System.arraycopy(from, at, bytes, length, end - at);
      length += end - at;
    }

    private void room(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }
  }

  /** The fingerprint of an event with its own id (audit events). */
  public static String ofId(String logType, String id) {
    MessageDigest digest = sha256();
    digest.update((logType + "\u0000" + id).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  private static void feed(MessageDigest digest, JsonNode node, boolean top) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      digest.update(NULL);
    } else if (node.isObject()) {
      digest.update(OBJECT);
      String[] names = new String[node.size()];
      int count = 0;
      for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
        String name = fields.next();
        if (!(top && (name.equals("_offset") || name.equals("_partition")))) {
          names[count++] = name;
        }
      }
      Arrays.sort(names, 0, count);
      for (int i = 0; i < count; i++) {
        String name = names[i];
        digest.update(NAME);
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        feed(digest, node.get(name), false);
      }
      digest.update(END);
    } else if (node.isArray()) {
      digest.update(ARRAY);
      for (JsonNode element : node) {
        feed(digest, element, false);
      }
      digest.update(END);
    } else if (node.isNumber()) {
      digest.update(NUMBER);
      digest.update(node.asText().getBytes(StandardCharsets.UTF_8));
    } else if (node.isBoolean()) {
      digest.update(BOOL);
      digest.update(node.booleanValue() ? (byte) 1 : (byte) 0);
    } else {
      digest.update(TEXT);
      byte[] text = node.asText().getBytes(StandardCharsets.UTF_8);
      digest.update(intBytes(text.length));
      digest.update(text);
    }
  }

  private static byte[] intBytes(int value) {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  private static MessageDigest sha256() {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    return digest;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
