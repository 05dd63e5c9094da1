package dev.mci.store.pull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * One flat event line (a JSON object whose values are strings, integers, booleans or null, as every
 * API 2.0 event is) parsed without building a tree: the ingest fast path. A line with a nested
 * object, an array or a fraction is left to the general tree path ({@link #parse} answers null),
 * which gives the same row and the same fingerprint. Not thread-safe.
 */
final class FlatEvent {

  static final byte TEXT = 0;
  static final byte NUMBER = 1;
  static final byte BOOL = 2;
  static final byte NULL = 3;

  private static final JsonFactory JSON = new JsonFactory();

  /** Slots of the name table: a power of two, at least twice the fields it indexes. */
  private static final int SLOTS = 64;

  private String[] names = new String[32];
  private String[] values = new String[32];
  private byte[] kinds = new byte[32];
  private int size;

  /**
   * Open-addressing table from a field name to its index plus one (0: empty slot), so {@link
   * #field} finds a name in a probe or two instead of comparing it with every name of the event.
   * Holds the first {@code SLOTS / 2} fields; an event with more falls back to scanning.
   */
  private final int[] slots = new int[SLOTS];

  /**
   * Parses {@code line} into this object; false when the line is not a flat object (the caller uses
   * the tree path then).
   *
   * @throws IOException when the line is not valid JSON
   */
  boolean parse(String line) throws IOException {
    size = 0;
    Arrays.fill(slots, 0);
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        byte kind;
        String text;
        switch (value) {
          case VALUE_STRING -> {
            kind = TEXT;
            text = parser.getText();
          }
          case VALUE_NUMBER_INT -> {
            kind = NUMBER;
            text = parser.getText();
          }
          case VALUE_TRUE, VALUE_FALSE -> {
            kind = BOOL;
            text = value == JsonToken.VALUE_TRUE ? "true" : "false";
          }
          case VALUE_NULL -> {
            kind = NULL;
            text = null;
          }
          default -> {
            return false;
          }
        }
        if (kind == NUMBER && (!isPlainInteger(text) || text.equals("-0"))) {
          return false;
        }
        add(name, text, kind);
      }
      if (token != JsonToken.END_OBJECT) {
        return false;
      }
      return true;
    }
  }

  /** The value of the first of these fields that is present and not null or empty. */
  String field(String... candidates) {
    for (String candidate : candidates) {
      int i = indexOf(candidate);
      if (i >= 0) {
        String value = values[i];
        if (value != null && !value.isEmpty()) {
          return value;
        }
      }
    }
    return null;
  }

  /** The index of the first field called {@code name}, or -1. */
  private int indexOf(String name) {
    if (size > SLOTS / 2) {
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }
    for (int slot = slotOf(name); slots[slot] != 0; slot = (slot + 1) & (SLOTS - 1)) {
      int i = slots[slot] - 1;
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static int slotOf(String name) {
    int hash = name.hashCode();
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }

  /** Field count. */
  int size() {
    return size;
  }

  String name(int i) {
    return names[i];
  }

  String value(int i) {
    return values[i];
  }

  byte kind(int i) {
    return kinds[i];
  }

  private void add(String name, String value, byte kind) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
      kinds = Arrays.copyOf(kinds, size * 2);
    }
    names[size] = name;
    values[size] = value;
    kinds[size] = kind;
    size++;
    if (size <= SLOTS / 2) {
      int slot = slotOf(name);
      while (slots[slot] != 0) {
        if (names[slots[slot] - 1].equals(name)) {
          return; // A repeated name: lookups find the first, as a scan would.
        }
        slot = (slot + 1) & (SLOTS - 1);
      }
      slots[slot] = size;
    }
  }

  /** Digits with an optional minus, as Jackson's integer nodes print themselves. */
  private static boolean isPlainInteger(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    if (text.length() == start || text.length() > 18) {
      return false;
    }
    if (text.length() > start + 1 && text.charAt(start) == '0') {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
