package dev.mci.simulator.tenant;

/**
 * The id families of reference 01 §0.7. Ids of different families are not interchangeable: passing
 * one where another is expected is an invalid token.
 */
public enum IdFamily {
  /** Message Finder id of one recipient's copy ({@code trackedEmails[].id}). */
  TRACKING("eNp"),
  /** Archive id of a message ({@code archive/search} item id). */
  ARCHIVE("eNo"),
  /** Held-message id of one held copy. */
  HELD("eNq"),
  /** Attachment id within an archived message. */
  ATTACHMENT("eNo"),
  /** Directory group id. */
  GROUP("eNo"),
  /** Blocked Senders policy id (reference 07 §1). */
  BLOCKED_SENDER_POLICY("eNo"),
  /** Awareness Training phishing-simulation campaign id (reference 06 §5). */
  PHISHING_CAMPAIGN("eNq"),
  /** Phishing-simulation template id. */
  PHISHING_TEMPLATE("eNq"),
  /** Awareness Training module ({@code titleId}, reference 06 §6). */
  TRAINING_MODULE("eNo");

  private final String prefix;

  IdFamily(String prefix) {
    this.prefix = prefix;
  }

  /** The text every id of this family starts with. */
  String prefix() {
    return prefix;
  }
}
