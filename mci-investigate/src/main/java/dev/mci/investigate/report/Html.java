package dev.mci.investigate.report;

import java.util.regex.Pattern;

/**
 * A small HTML (and inline SVG) writer that escapes every value it is given. Tag and attribute
 * names must be plain words (letters, digits, hyphens) (they come from this code, never from data);
 * attribute values and text are always escaped, so data can never open a tag, close an attribute or
 * start a script. URLs are only ever written as text, never as {@code href} or {@code src}: a
 * phishing report must not contain live links. Not thread-safe.
 */
final class Html {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");

  private final StringBuilder out = new StringBuilder(32 * 1024);

  /** Writes {@code <tag a="v" ...>}; {@code attributes} alternate names and values. */
  Html open(String tag, String... attributes) {
    checkName(tag);
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    out.append('<').append(tag);
    for (int i = 0; i < attributes.length; i += 2) {
      checkName(attributes[i]);
      if (attributes[i].startsWith("on")
          || attributes[i].equals("href")
          || attributes[i].equals("src")
          || attributes[i].equals("style")) {
        throw new IllegalArgumentException("attribute '" + attributes[i] + "' is not allowed");
      }
      out.append(' ')
          .append(attributes[i])
          .append("=\"")
          .append(escape(attributes[i + 1]))
          .append('"');
    }
    out.append('>');
    return this;
  }

  /** Writes {@code <tag ... />}, for SVG shapes. */
  Html empty(String tag, String... attributes) {
    open(tag, attributes);
    out.setLength(out.length() - 1);
    out.append("/>");
    return this;
  }

  /** Writes {@code </tag>}. */
  Html close(String tag) {
    checkName(tag);
    out.append("</").append(tag).append('>');
    return this;
  }

  /** Writes escaped text. */
  Html text(Object value) {
    out.append(escape(value == null ? "" : String.valueOf(value)));
    return this;
  }

  /** Writes {@code <tag>text</tag>}. */
  Html element(String tag, Object value, String... attributes) {
    return open(tag, attributes).text(value).close(tag);
  }

  /** Opens a {@code <table>} and writes its header row. */
  Html table(String... headers) {
    open("table").open("tr");
    for (String header : headers) {
      element("th", header);
    }
    return close("tr");
  }

  /** Writes markup that is a constant of this code base (the style sheet, the doctype). */
  Html constant(String markup) {
    out.append(markup);
    return this;
  }

  Html newline() {
    out.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /**
   * Escapes the five HTML specials and drops control characters (other than tab and newline) and
   * unpaired surrogates, which have no business in a report.
   */
  static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            escaped.append(c).append(value.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            escaped.append('\uFFFD');
          } else if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  private static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a tag or attribute name: " + name);
    }
  }
}
