package dev.mci.investigate.cases;

/** Why a message is in the case. */
public enum Relation {
  /** Found by the indicator itself. */
  LOCATED,
  /** Blast radius: another message from the same sender. */
  SAME_SENDER,
  /** Blast radius: another message with the same subject. */
  SAME_SUBJECT,
  /** Blast radius: another message carrying the same attachment hash. */
  SAME_HASH,
  /** Blast radius: another message carrying the same URL. */
  SAME_URL
}
