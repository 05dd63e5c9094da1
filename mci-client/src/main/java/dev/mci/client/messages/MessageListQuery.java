package dev.mci.client.messages;

import java.time.Instant;

/**
 * A mailbox listing for {@code get-message-list}: one mailbox's Inbox or Sent items in a window.
 * Unset values are null: without a mailbox Mimecast lists the caller's own; without a start, the
 * last calendar month; without an end, up to the end of today.
 *
 * @param view Inbox or Sent
 * @param mailbox the mailbox address
 * @param start earliest message
 * @param end latest message
 * @param includeDelegates include delegate mailboxes
 * @param includeAliases include aliases
 * @param pageSize rows per page, 1 to 500
 */
public record MessageListQuery(
    View view,
    String mailbox,
    Instant start,
    Instant end,
    boolean includeDelegates,
    boolean includeAliases,
    int pageSize) {

  /** Which folder to list. */
  public enum View {
    /** Received messages. */
    INBOX,
    /** Sent messages. */
    SENT
  }

  /** Normalises a blank mailbox to null. */
  public MessageListQuery {
    mailbox = mailbox == null || mailbox.isBlank() ? null : mailbox.strip();
  }

  /** The Inbox of {@code mailbox} (null: the caller's own), default window, 100 per page. */
  public static MessageListQuery inbox(String mailbox) {
    return new MessageListQuery(View.INBOX, mailbox, null, null, false, false, 100);
  }

  /** The same listing for another window. */
  public MessageListQuery between(Instant newStart, Instant newEnd) {
    return new MessageListQuery(
        view, mailbox, newStart, newEnd, includeDelegates, includeAliases, pageSize);
  }

  /** The same listing of another folder. */
  public MessageListQuery withView(View newView) {
    return new MessageListQuery(
        newView, mailbox, start, end, includeDelegates, includeAliases, pageSize);
  }

  /** The same listing with another page size. */
  public MessageListQuery withPageSize(int newPageSize) {
    return new MessageListQuery(
        view, mailbox, start, end, includeDelegates, includeAliases, newPageSize);
  }
}
