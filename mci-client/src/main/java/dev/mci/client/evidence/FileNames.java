package dev.mci.client.evidence;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a file name taken from a message (untrusted: it may be hostile) into one that is safe to
 * create in a folder on Windows, macOS and Linux and to show in a terminal:
 *
 * <ul>
 *   <li>compatibility-normalised (NFKC), so full-width slashes and dots become plain ones first;
 *   <li>only the last path segment is kept, so {@code ../} and absolute paths cannot escape;
 *   <li>control characters and invisible format characters (bidi overrides such as U+202E, zero
 *       widths, byte-order marks) are removed, so the name shows what it really is;
 *   <li>characters Windows forbids ({@code <>:"/\|?*}) become {@code _};
 *   <li>leading and trailing dots and spaces go (no hidden files, nothing Windows silently drops);
 *       a leading {@code -} gets a {@code _} prefix so tools never read it as an option;
 *   <li>reserved device names ({@code CON}, {@code NUL}, {@code COM1}, ... with any extension) get
 *       a {@code _} prefix;
 *   <li>the name is cut to {@value #MAX_BYTES} bytes of UTF-8, keeping a short extension, leaving
 *       room for a {@code " (n)"} counter and a {@code .provenance.json} or {@code .zip} suffix.
 * </ul>
 */
public final class FileNames {

  /** The longest sanitised name, in UTF-8 bytes (file systems allow 255). */
  public static final int MAX_BYTES = 200;

  /** The name used when nothing usable is left. */
  public static final String FALLBACK = "attachment.bin";

  private static final int MAX_EXTENSION = 16;
  private static final String FORBIDDEN = "<>:\"/\\|?*";
  private static final Set<String> DEVICES =
      Set.of(
          "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$", "COM0", "COM1", "COM2", "COM3",
          "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4",
          "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private FileNames() {}

  /** The safe form of {@code untrusted}; {@link #FALLBACK} when nothing usable is left. */
  public static String sanitize(String untrusted) {
    return sanitize(untrusted, FALLBACK);
  }

  /**
   * The safe form of {@code untrusted}; {@code fallback} (itself sanitised) when nothing is left.
   */
  public static String sanitize(String untrusted, String fallback) {
    String name = clean(untrusted);
    if (name.isEmpty()) {
      name = clean(fallback);
    }
    return name.isEmpty() ? FALLBACK : name;
  }

  private static String clean(String untrusted) {
    if (untrusted == null) {
      return "";
    }
    String name = Normalizer.normalize(untrusted, Normalizer.Form.NFKC);
    // Only the last path segment: "../../x", "C:\dir\x" and "/etc/x" all become "x".
    String[] segments = name.split("[/\\\\]");
    name = "";
    for (int i = segments.length - 1; i >= 0; i--) {
      if (!segments[i].isBlank() && !segments[i].strip().matches("\\.+")) {
        name = segments[i];
        break;
      }
    }
    StringBuilder kept = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            cp -> {
              int type = Character.getType(cp);
              if (type == Character.CONTROL
                  || type == Character.FORMAT
                  || type == Character.LINE_SEPARATOR
                  || type == Character.PARAGRAPH_SEPARATOR
                  || type == Character.UNASSIGNED
                  || type == Character.SURROGATE) {
                return;
              }
              if (FORBIDDEN.indexOf(cp) >= 0) {
                kept.append('_');
              } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                kept.append(' ');
              } else {
                kept.appendCodePoint(cp);
              }
            });
    name = kept.toString().replaceAll(" {2,}", " ");
    name = name.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
    if (name.isEmpty()) {
      return "";
    }
    if (name.startsWith("-")) {
      name = "_" + name;
    }
    int dot = name.indexOf('.');
    String device = (dot < 0 ? name : name.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
    if (DEVICES.contains(device)) {
      name = "_" + name;
    }
    return truncate(name);
  }

  /** Cuts the stem so the whole name fits {@link #MAX_BYTES}, keeping a short extension. */
  private static String truncate(String name) {
    if (utf8(name) <= MAX_BYTES) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension =
        dot > 0 && name.length() - dot <= MAX_EXTENSION + 1 ? name.substring(dot) : "";
    String stem = extension.isEmpty() ? name : name.substring(0, dot);
    int budget = MAX_BYTES - utf8(extension);
    StringBuilder cut = new StringBuilder();
    int used = 0;
    for (int i = 0; i < stem.length(); ) {
      int cp = stem.codePointAt(i);
      int bytes = utf8(new String(Character.toChars(cp)));
      if (used + bytes > budget) {
        break;
      }
      cut.appendCodePoint(cp);
      used += bytes;
      i += Character.charCount(cp);
    }
    return cut.toString().replaceAll("[. ]+$", "") + extension;
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
