package dev.mci.investigate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One indicator an investigation starts from: its normalised value and its type. Create it with
 * {@link #parse(String)} (type detected from the text) or {@link #of(String, IndicatorType)} (type
 * chosen by the caller, value checked against it).
 *
 * @param value the normalised value: addresses and domains lower case, hashes lower-case hex,
 *     Message-ID headers in angle brackets
 * @param type what the value is
 */
public record Indicator(String value, IndicatorType type) {

  private static final Pattern SHA256 = Pattern.compile("(?i)[0-9a-f]{64}");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]+");
  private static final Pattern DOMAIN =
      Pattern.compile("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}\\.?");
  private static final Pattern LOCAL_PART = Pattern.compile("[^\\s@<>()\\[\\],;:\"]+");
  private static final Pattern MIMECAST_ID = Pattern.compile("eN[A-Za-z0-9_-]{18,}={0,2}");
  private static final Pattern MESSAGE_ID_HEADER = Pattern.compile("<[^\\s<>]+@[^\\s<>]+>");

  /** Checks both parts are present. */
  public Indicator {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(type, "type");
  }

  /**
   * The indicator the text unambiguously is.
   *
   * @throws UnrecognisedIndicatorException if it is no kind of indicator
   * @throws AmbiguousIndicatorException if it could be several (e.g. an address: sender or user)
   */
  public static Indicator parse(String text) {
    List<IndicatorType> candidates = candidates(text);
    if (candidates.isEmpty()) {
      throw unrecognised(text);
    }
    if (candidates.size() > 1) {
      throw new AmbiguousIndicatorException(
          text.strip(), candidates, "its form fits more than one type");
    }
    return of(text, candidates.get(0));
  }

  /**
   * The text as an indicator of the given type, normalised.
   *
   * @throws UnrecognisedIndicatorException if the text does not have that type's form
   */
  public static Indicator of(String text, IndicatorType type) {
    Objects.requireNonNull(type, "type");
    if (text == null || text.isBlank()) {
      throw unrecognised(text);
    }
    String value = text.strip();
    boolean fits =
        switch (type) {
          case MIMECAST_ID -> MIMECAST_ID.matcher(value).matches();
          case MESSAGE_ID_HEADER -> MESSAGE_ID_HEADER.matcher(bracketed(value)).matches();
          case SENDER_ADDRESS, USER_ADDRESS -> isAddress(stripMailto(value));
          case SENDER_DOMAIN -> DOMAIN.matcher(value).matches();
          case SENDING_IP -> isIp(value);
          case SHA256 -> SHA256.matcher(value).matches();
          case URL, REWRITTEN_URL -> httpUri(value) != null;
        };
    if (!fits) {
      throw new UnrecognisedIndicatorException(
          "'" + shown(value) + "' is not " + type.description() + example(type));
    }
    if (type == IndicatorType.REWRITTEN_URL && !isRewritten(httpUri(value))) {
      throw new UnrecognisedIndicatorException(
          "'"
              + shown(value)
              + "' is not a Mimecast-rewritten URL (https://protect-<region>.mimecast.com/s/...);"
              + " use --type url for other links");
    }
    return new Indicator(normalise(value, type), type);
  }

  /**
   * Every type the text's form fits, most specific first; empty when none. An address fits both
   * {@link IndicatorType#SENDER_ADDRESS} and {@link IndicatorType#USER_ADDRESS}; only data (or the
   * caller) can tell which one is meant.
   */
  public static List<IndicatorType> candidates(String text) {
    List<IndicatorType> types = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return types;
    }
    String value = text.strip();
    URI uri = httpUri(value);
    if (uri != null) {
      types.add(isRewritten(uri) ? IndicatorType.REWRITTEN_URL : IndicatorType.URL);
    } else if (SHA256.matcher(value).matches()) {
      types.add(IndicatorType.SHA256);
    } else if (isIp(value)) {
      types.add(IndicatorType.SENDING_IP);
    } else if (MESSAGE_ID_HEADER.matcher(value).matches()) {
      types.add(IndicatorType.MESSAGE_ID_HEADER);
    } else if (isAddress(stripMailto(value))) {
      if (looksGenerated(value.substring(0, value.indexOf('@')))) {
        // A Message-ID pasted without its brackets has the form of an address.
        types.add(IndicatorType.MESSAGE_ID_HEADER);
      }
      types.add(IndicatorType.SENDER_ADDRESS);
      types.add(IndicatorType.USER_ADDRESS);
    } else if (MIMECAST_ID.matcher(value).matches()) {
      types.add(IndicatorType.MIMECAST_ID);
    } else if (DOMAIN.matcher(value).matches()) {
      types.add(IndicatorType.SENDER_DOMAIN);
    }
    return types;
  }

  /** For addresses: the domain part; for domains: the value; otherwise empty. */
  public String domain() {
    return switch (type) {
      case SENDER_ADDRESS, USER_ADDRESS -> value.substring(value.lastIndexOf('@') + 1);
      case SENDER_DOMAIN -> value;
      default -> "";
    };
  }

  @Override
  public String toString() {
    return type.cliName() + " " + value;
  }

  private static String normalise(String value, IndicatorType type) {
    return switch (type) {
      case SENDER_ADDRESS, USER_ADDRESS -> stripMailto(value).toLowerCase(Locale.ROOT);
      case SENDER_DOMAIN -> stripDot(value.toLowerCase(Locale.ROOT));
      case SHA256 -> value.toLowerCase(Locale.ROOT);
      case SENDING_IP -> value.toLowerCase(Locale.ROOT);
      case MESSAGE_ID_HEADER -> bracketed(value);
      default -> value;
    };
  }

  private static String bracketed(String value) {
    String inner = value;
    if (inner.startsWith("<")) {
      inner = inner.substring(1);
    }
    if (inner.endsWith(">")) {
      inner = inner.substring(0, inner.length() - 1);
    }
    return "<" + inner.strip() + ">";
  }

  private static String stripDot(String domain) {
    return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
  }

  private static String stripMailto(String value) {
    return value.regionMatches(true, 0, "mailto:", 0, 7) ? value.substring(7) : value;
  }

  private static boolean isAddress(String value) {
    int at = value.lastIndexOf('@');
    return at > 0
        && value.indexOf('@') == at
        && LOCAL_PART.matcher(value.substring(0, at)).matches()
        && DOMAIN.matcher(value.substring(at + 1)).matches();
  }

  /** A long local part with several digits: machine-made, like a Message-ID's. */
  private static boolean looksGenerated(String localPart) {
    long digits = localPart.chars().filter(Character::isDigit).count();
    return localPart.length() >= 20 && digits >= 4;
  }

  private static boolean isIp(String value) {
    if (IPV4.matcher(value).matches()) {
      return true;
    }
    // IPv6 literal: hex groups and colons (an embedded IPv4 tail is allowed); at least two colons.
    if (!IPV6.matcher(value).matches() || value.chars().filter(c -> c == ':').count() < 2) {
      return false;
    }
    int doubleColons = value.split("::", -1).length - 1;
    if (doubleColons > 1) {
      return false;
    }
    String[] groups = value.split(":", -1);
    for (int i = 0; i < groups.length; i++) {
      String group = groups[i];
      boolean last = i == groups.length - 1;
      if (group.contains(".")) {
        if (!last || !IPV4.matcher(group).matches()) {
          return false;
        }
      } else if (group.length() > 4) {
        return false;
      }
    }
    return groups.length <= 9;
  }

  private static URI httpUri(String value) {
    if (!value.regionMatches(true, 0, "http://", 0, 7)
        && !value.regionMatches(true, 0, "https://", 0, 8)) {
      return null;
    }
    try {
      URI uri = new URI(value);
      return uri.getHost() == null || uri.getHost().isEmpty() ? null : uri;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** URL Protect links: a {@code mimecast.com} host and a {@code /s/<token>} path (03 §4). */
  private static boolean isRewritten(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return (host.equals("mimecast.com") || host.endsWith(".mimecast.com"))
        && path.startsWith("/s/")
        && path.length() > 3;
  }

  private static UnrecognisedIndicatorException unrecognised(String text) {
    return new UnrecognisedIndicatorException(
        "'"
            + shown(text == null ? "" : text.strip())
            + "' is not an indicator MCI can investigate: give a Message-ID (<id@host>), a Mimecast"
            + " message id (eN...), a sender or user address, a sender domain, an IP, a SHA-256,"
            + " or a URL");
  }

  private static String example(IndicatorType type) {
    return switch (type) {
      case MIMECAST_ID -> " (e.g. eNpVj...)";
      case MESSAGE_ID_HEADER -> " (e.g. <abc123@mail.example>)";
      case SENDER_ADDRESS, USER_ADDRESS -> " (e.g. name@example.com)";
      case SENDER_DOMAIN -> " (e.g. example.com)";
      case SENDING_IP -> " (an IPv4 or IPv6 address)";
      case SHA256 -> " (64 hexadecimal digits)";
      case URL, REWRITTEN_URL -> " (an absolute http(s) URL)";
    };
  }

  private static String shown(String value) {
    return value.length() > 120 ? value.substring(0, 120) + "..." : value;
  }
}
