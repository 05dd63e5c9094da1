package dev.mci.client.messages;

/**
 * An address as Message Finder reports it.
 *
 * @param emailAddress the address; may be empty (a header From can be blank)
 * @param displayableName the display name, null when not reported
 */
public record EmailAddress(String emailAddress, String displayableName) {}
