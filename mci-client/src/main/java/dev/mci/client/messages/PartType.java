package dev.mci.client.messages;

/** The renderings {@code get-message-part} offers. */
public enum PartType {
  /** The HTML body. */
  HTML("html"),
  /** The plain-text body. */
  PLAIN("txt"),
  /** The whole message as RFC 822. */
  RFC822("eml"),
  /** The message as transmitted (RFC 822 with every trace header). */
  TRANSMISSION_MESSAGE_BODY("eml");

  private final String extension;

  PartType(String extension) {
    this.extension = extension;
  }

  /** The usual file extension of this rendering, e.g. {@code eml}. */
  public String extension() {
    return extension;
  }
}
