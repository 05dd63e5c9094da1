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

  /** Looking a digest up costs more than using it; one per thread, reset for each event. */
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(Fingerprints::newSha256);

  private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

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
   * The fingerprint of a flat event, identical to {@link #of(String, JsonNode)} of the same event
   * parsed as a tree; null when a field name repeats (the tree keeps only the last, so the caller
   * takes the tree path).
   */
  static String of(String logType, FlatEvent event) {
    int size = event.size();
    int[] order = new int[size];
    int count = 0;
    for (int i = 0; i < size; i++) {
      String name = event.name(i);
      if (!name.equals("_offset") && !name.equals("_partition")) {
        order[count++] = i;
      }
    }
    // Insertion sort: a couple of dozen names.
    for (int i = 1; i < count; i++) {
      int current = order[i];
      String name = event.name(current);
      int j = i - 1;
      while (j >= 0 && event.name(order[j]).compareTo(name) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = current;
    }
    // The same bytes the tree path feeds the digest, gathered in one buffer: a single update lets
    // the digest hash whole blocks at a time instead of a few bytes per call.
    Buffer buffer = BUFFER.get();
    buffer.clear();
    buffer.text(logType);
    buffer.put(END);
    buffer.put(OBJECT);
    for (int k = 0; k < count; k++) {
      int i = order[k];
      if (k > 0 && event.name(order[k - 1]).equals(event.name(i))) {
        return null;
      }
      buffer.put(NAME);
      buffer.text(event.name(i));
      switch (event.kind(i)) {
        case FlatEvent.TEXT -> {
          buffer.put(TEXT);
          buffer.sizedText(event.value(i));
        }
        case FlatEvent.NUMBER -> {
          buffer.put(NUMBER);
          buffer.text(event.value(i));
        }
        case FlatEvent.BOOL -> {
          buffer.put(BOOL);
          buffer.put(event.value(i).equals("true") ? (byte) 1 : (byte) 0);
        }
        default -> buffer.put(NULL);
      }
    }
    buffer.put(END);
    MessageDigest digest = sha256();
    digest.update(buffer.bytes, 0, buffer.length);
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  /** The bytes of one flat event's fingerprint, reused by its thread. */
  private static final class Buffer {
    private byte[] bytes = new byte[4096];
    private int length;

    void clear() {
      length = 0;
    }

    void put(byte value) {
      room(1);
      bytes[length++] = value;
    }

    /** The UTF-8 bytes of {@code text}, as {@link String#getBytes} gives them. */
    void text(String text) {
      int size = text.length();
      room(size);
      int start = length;
      for (int i = 0; i < size; i++) {
        char c = text.charAt(i);
        if (c >= 0x80) {
          length = start;
          byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
          room(encoded.length);
          System.arraycopy(encoded, 0, bytes, length, encoded.length);
          length += encoded.length;
          return;
        }
        bytes[length++] = (byte) c;
      }
    }

    /** Four bytes of UTF-8 length, big-endian, then the UTF-8 bytes of {@code text}. */
    void sizedText(String text) {
      room(4);
      int at = length;
      length += 4;
      text(text);
      int size = length - at - 4;
      bytes[at] = (byte) (size >>> 24);
      bytes[at + 1] = (byte) (size >>> 16);
      bytes[at + 2] = (byte) (size >>> 8);
      bytes[at + 3] = (byte) size;
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
