package dev.mci.store.pull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One flat event line (a JSON object whose values are strings, integers, booleans or null, as every
 * API 2.0 event is) read straight from its UTF-8 bytes: the ingest fast path. It records where each
 * name and value lies in the line and makes a {@code String} only of the values a row asks for. A
 * line it does not fully understand (a nested object, an array, a fraction, a name with an escape
 * or a non-ASCII letter, anything that is not valid JSON) is left to the general tree path: {@link
 * #parse} answers false, and Jackson then gives the same row, or the error. Not thread-safe.
 */
final class FlatEvent {

  static final byte TEXT = 0;
  static final byte NUMBER = 1;
  static final byte BOOL = 2;
  static final byte NULL = 3;

  /** Slots of the name table: a power of two, at least twice the fields it indexes. */
  private static final int SLOTS = 64;

  /** Jackson prints integers of up to 18 characters as given; longer ones take the tree path. */
  private static final int MAX_NUMBER_LENGTH = 18;

  private byte[] line;
  private int[] nameAt = new int[32];
  private int[] nameEnd = new int[32];
  private int[] nameHash = new int[32];
  private int[] valueAt = new int[32];
  private int[] valueEnd = new int[32];
  private byte[] kinds = new byte[32];

  /** Whether a text value's bytes are its text: ASCII without escapes. */
  private boolean[] plain = new boolean[32];

  /** Values made into strings so far (null: not yet, or a JSON null). */
  private String[] values = new String[32];

  private int size;

  /**
   * Open-addressing table from a field name's hash to its index plus one (0: empty slot), so {@link
   * #field} finds a name in a probe or two. Holds the first {@code SLOTS / 2} fields; an event with
   * more falls back to scanning.
   */
  private final int[] slots = new int[SLOTS];

  /**
   * Reads the line {@code bytes[start, end)} into this object (which keeps a reference to the bytes
   * until the next call); false when the line is not a flat object this path reads.
   */
  boolean parse(byte[] bytes, int start, int end) {
    line = bytes;
    size = 0;
    Arrays.fill(slots, 0);
    int i = skipSpace(bytes, start, end);
    if (i >= end || bytes[i] != '{') {
      return false;
    }
    i = skipSpace(bytes, i + 1, end);
    if (i < end && bytes[i] == '}') {
      return skipSpace(bytes, i + 1, end) == end;
    }
    while (true) {
      // The name: plain ASCII only.
      if (i >= end || bytes[i] != '"') {
        return false;
      }
      int nameStart = i + 1;
      int hash = 0;
      int j = nameStart;
      while (true) {
        if (j >= end) {
          return false;
        }
        byte c = bytes[j];
        if (c == '"') {
          break;
        }
        if (c == '\\' || c < 0x20) { // An escape, a control or a non-ASCII byte (negative).
          return false;
        }
        hash = 31 * hash + c;
        j++;
      }
      int nameStop = j;
      i = skipSpace(bytes, j + 1, end);
      if (i >= end || bytes[i] != ':') {
        return false;
      }
      i = skipSpace(bytes, i + 1, end);
      if (i >= end) {
        return false;
      }
      int at;
      int stop;
      byte kind;
      boolean asIs = true;
      byte first = bytes[i];
      if (first == '"') {
        kind = TEXT;
        at = i + 1;
        j = at;
        while (true) {
          if (j >= end) {
            return false;
          }
          byte c = bytes[j];
          if (c == '"') {
            break;
          }
          if (c == '\\') {
            asIs = false;
            j = skipEscape(bytes, j + 1, end);
            if (j < 0) {
              return false;
            }
            continue;
          }
          if (c < 0) {
            asIs = false; // UTF-8 beyond ASCII: decoded when asked for.
          } else if (c < 0x20) {
            return false; // JSON wants control characters escaped.
          }
          j++;
        }
        stop = j;
        i = j + 1;
      } else if (first == '-' || (first >= '0' && first <= '9')) {
        kind = NUMBER;
        at = i;
        j = first == '-' ? i + 1 : i;
        int digits = j;
        while (j < end && bytes[j] >= '0' && bytes[j] <= '9') {
          j++;
        }
        stop = j;
        if (!plainInteger(bytes, at, digits, stop)) {
          return false;
        }
        i = j;
      } else if (matches(bytes, i, end, TRUE) || matches(bytes, i, end, FALSE)) {
        kind = BOOL;
        at = i;
        stop = i + (first == 't' ? TRUE.length : FALSE.length);
        i = stop;
      } else if (matches(bytes, i, end, NULL_LITERAL)) {
        kind = NULL;
        at = i;
        stop = i + NULL_LITERAL.length;
        i = stop;
      } else {
        return false; // A nested object or array, or not JSON.
      }
      add(nameStart, nameStop, hash, at, stop, kind, asIs);
      i = skipSpace(bytes, i, end);
      if (i >= end) {
        return false;
      }
      if (bytes[i] == ',') {
        i = skipSpace(bytes, i + 1, end);
        continue;
      }
      if (bytes[i] != '}') {
        return false;
      }
      return skipSpace(bytes, i + 1, end) == end;
    }
  }

  /** The value of the first of these fields that is present and not null or empty. */
  String field(String... candidates) {
    for (String candidate : candidates) {
      int i = indexOf(candidate);
      if (i >= 0) {
        String value = value(i);
        if (value != null && !value.isEmpty()) {
          return value;
        }
      }
    }
    return null;
  }

  /** Field count. */
  int size() {
    return size;
  }

  /** Whether field {@code i} is called {@code name} (ASCII). */
  boolean nameIs(int i, String name) {
    int at = nameAt[i];
    int length = nameEnd[i] - at;
    if (length != name.length()) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (line[at + k] != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Compares the names of fields {@code i} and {@code j} as {@link String#compareTo} would. */
  int compareNames(int i, int j) {
    // Names are ASCII, where byte order is character order.
    return Arrays.compare(line, nameAt[i], nameEnd[i], line, nameAt[j], nameEnd[j]);
  }

  /** The line the fields lie in. */
  byte[] bytes() {
    return line;
  }

  int nameStart(int i) {
    return nameAt[i];
  }

  int nameEnd(int i) {
    return nameEnd[i];
  }

  int valueStart(int i) {
    return valueAt[i];
  }

  int valueEnd(int i) {
    return valueEnd[i];
  }

  byte kind(int i) {
    return kinds[i];
  }

  /** Whether text value {@code i}'s UTF-8 bytes are the ones in the line. */
  boolean plain(int i) {
    return plain[i];
  }

  /** Value {@code i} as text: null for a JSON null. */
  String value(int i) {
    String value = values[i];
    if (value == null && kinds[i] != NULL) {
      value = decode(i);
      values[i] = value;
    }
    return value;
  }

  private String decode(int i) {
    int at = valueAt[i];
    int length = valueEnd[i] - at;
    if (kinds[i] == BOOL) {
      return line[at] == 't' ? "true" : "false";
    }
    if (plain[i] || kinds[i] == NUMBER) {
      return new String(line, at, length, StandardCharsets.ISO_8859_1); // ASCII: a plain copy.
    }
    String text = new String(line, at, length, StandardCharsets.UTF_8);
    return text.indexOf('\\') < 0 ? text : unescape(text);
  }

  /** JSON string escapes undone; {@link #skipEscape} checked them already. */
  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = text.charAt(++k);
      switch (e) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(text, k + 1, k + 5, 16));
          k += 4;
        }
        default -> out.append(e); // '"', '\\' and '/'
      }
    }
    return out.toString();
  }

  /** The index of the first field called {@code name}, or -1. */
  private int indexOf(String name) {
    int hash = name.hashCode(); // 31 * h + c, as parse hashed the (ASCII) name bytes.
    if (size > SLOTS / 2) {
      for (int i = 0; i < size; i++) {
        if (nameHash[i] == hash && nameIs(i, name)) {
          return i;
        }
      }
      return -1;
    }
    for (int slot = slotOf(hash); slots[slot] != 0; slot = (slot + 1) & (SLOTS - 1)) {
      int i = slots[slot] - 1;
      if (nameHash[i] == hash && nameIs(i, name)) {
        return i;
      }
    }
    return -1;
  }

  private static int slotOf(int hash) {
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }

  private void add(
      int nameStart, int nameStop, int hash, int at, int stop, byte kind, boolean asIs) {
    if (size == nameAt.length) {
      int grown = size * 2;
      nameAt = Arrays.copyOf(nameAt, grown);
      nameEnd = Arrays.copyOf(nameEnd, grown);
      nameHash = Arrays.copyOf(nameHash, grown);
      valueAt = Arrays.copyOf(valueAt, grown);
      valueEnd = Arrays.copyOf(valueEnd, grown);
      kinds = Arrays.copyOf(kinds, grown);
      plain = Arrays.copyOf(plain, grown);
      values = Arrays.copyOf(values, grown);
    }
    nameAt[size] = nameStart;
    nameEnd[size] = nameStop;
    nameHash[size] = hash;
    valueAt[size] = at;
    valueEnd[size] = stop;
    kinds[size] = kind;
    plain[size] = asIs;
    values[size] = null;
    size++;
    if (size <= SLOTS / 2) {
      int slot = slotOf(hash);
      while (slots[slot] != 0) {
        int other = slots[slot] - 1;
        if (nameHash[other] == hash
            && Arrays.equals(line, nameStart, nameStop, line, nameAt[other], nameEnd[other])) {
          return; // A repeated name: lookups find the first, as a scan would.
        }
        slot = (slot + 1) & (SLOTS - 1);
      }
      slots[slot] = size;
    }
  }

  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL_LITERAL = {'n', 'u', 'l', 'l'};

  private static boolean matches(byte[] bytes, int at, int end, byte[] literal) {
    return at + literal.length <= end
        && Arrays.equals(bytes, at, at + literal.length, literal, 0, literal.length);
  }

  private static int skipSpace(byte[] bytes, int at, int end) {
    while (at < end) {
      byte c = bytes[at];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        break;
      }
      at++;
    }
    return at;
  }

  /** The position after the escape that starts at {@code at} (after the backslash); -1: invalid. */
  private static int skipEscape(byte[] bytes, int at, int end) {
    if (at >= end) {
      return -1;
    }
    switch (bytes[at]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return at + 1;
      }
      case 'u' -> {
        if (at + 5 > end) {
          return -1;
        }
        for (int k = at + 1; k < at + 5; k++) {
          if (Character.digit(bytes[k], 16) < 0) {
            return -1;
          }
        }
        return at + 5;
      }
      default -> {
        return -1;
      }
    }
  }

  /**
   * Whether {@code bytes[at, stop)} is an integer as Jackson's integer nodes print it: an optional
   * minus, then digits without a leading zero, at most 18 characters, and not {@code -0}. (A
   * fraction or an exponent after it fails the check for a comma or a brace that follows.)
   */
  private static boolean plainInteger(byte[] bytes, int at, int digits, int stop) {
    if (stop == digits || stop - at > MAX_NUMBER_LENGTH) {
      return false;
    }
    if (stop - digits > 1 && bytes[digits] == '0') {
      return false;
    }
    return !(digits > at && stop - digits == 1 && bytes[digits] == '0'); // -0
  }
}
