package dev.mci.client.messages;

/**
 * Which copy of an archived message: as Mimecast received it, or as it was delivered after
 * Mimecast's policies changed it (URL rewriting, banners, attachment replacement).
 */
public enum MessageContext {
  /** The copy Mimecast originally received. */
  RECEIVED,
  /** The processed copy delivered to the mailbox; the API's default. */
  DELIVERED
}
