package dev.mci.investigate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What kind of thing an investigation starts from. */
public enum IndicatorType {
  /** A Mimecast message id, e.g. a Message Finder id ({@code eNp...}) or an archive id. */
  MIMECAST_ID("mimecast-id", "a Mimecast message id"),
  /** The Internet {@code Message-ID} header, e.g. {@code <abc@mail.example>}. */
  MESSAGE_ID_HEADER("message-id", "a Message-ID header"),
  /** An external sender's address: the messages it sent. */
  SENDER_ADDRESS("sender", "a sender address"),
  /** A sender domain: the messages sent from it. */
  SENDER_DOMAIN("domain", "a sender domain"),
  /** The IP a message arrived from. */
  SENDING_IP("ip", "a sending IP"),
  /** An attachment's SHA-256. */
  SHA256("sha256", "a SHA-256 hash"),
  /** A URL as the sender wrote it. */
  URL("url", "a URL"),
  /** A link rewritten by URL Protect, e.g. {@code https://protect-us.mimecast.com/s/...}. */
  REWRITTEN_URL("rewritten-url", "a Mimecast-rewritten URL"),
  /** An internal recipient or user: the messages they received, their clicks and training. */
  USER_ADDRESS("user", "a recipient or user address");

  private final String cliName;
  private final String description;

  IndicatorType(String cliName, String description) {
    this.cliName = cliName;
    this.description = description;
  }

  /** The short name used on the command line, e.g. {@code sender}. */
  public String cliName() {
    return cliName;
  }

  /** A few words for messages, e.g. {@code a sender address}. */
  public String description() {
    return description;
  }

  /**
   * The type with this short name (or enum name), ignoring case.
   *
   * @return empty when no type has that name
   */
  public static Optional<IndicatorType> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values())
        .filter(
            t ->
                t.cliName.equals(wanted)
                    || t.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(wanted))
        .findFirst();
  }

  /** The short names, comma separated, for help and error messages. */
  public static String cliNames() {
    return Arrays.stream(values()).map(IndicatorType::cliName).collect(Collectors.joining(", "));
  }
}
