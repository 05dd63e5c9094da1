package dev.mci.cli.messages;

import dev.mci.cli.UserInputException;
import dev.mci.client.MimecastClient;
import dev.mci.client.messages.EmailAddress;
import dev.mci.client.messages.MessageContext;

/** The mailbox whose delivered copy to fetch, when the user did not name one. */
final class Mailboxes {

  private Mailboxes() {}

  /** {@code given}, else the first recipient from the message detail. */
  static String deliveredTo(MimecastClient client, String archiveId, String given) {
    if (given != null && !given.isBlank()) {
      return given.strip();
    }
    return client.messages().detail(archiveId, MessageContext.DELIVERED).to().stream()
        .map(EmailAddress::emailAddress)
        .filter(address -> address != null && !address.isBlank())
        .findFirst()
        .orElseThrow(
            () ->
                new UserInputException(
                    "the message lists no recipient: name the mailbox with --mailbox"));
  }
}
