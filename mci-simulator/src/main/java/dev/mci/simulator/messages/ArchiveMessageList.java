package dev.mci.simulator.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiCall;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiFailure;
import dev.mci.simulator.core.ApiHandler;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.Page;
import dev.mci.simulator.core.PageCursor;
import dev.mci.simulator.tenant.IndexRange;
import dev.mci.simulator.tenant.Mailbox;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.Tenant;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/archive/get-message-list} (reference 01 §3): one mailbox's archived Inbox or
 * Sent items in a window, newest first, paged with the shared page tokens. Without {@code mailbox}
 * the logged-in user's (the account administrator's) mailbox is listed; without {@code start} the
 * window opens at the start of the previous calendar month, without {@code end} it closes at the
 * end of today.
 */
final class ArchiveMessageList implements ApiHandler {

  private final Tenant tenant;

  ArchiveMessageList(Tenant tenant) {
    this.tenant = tenant;
  }

  @Override
  public ApiReply handle(ApiCall call) {
    ObjectNode item = call.items().isEmpty() ? Json.object() : call.items().get(0);
    try {
      PageCursor cursor = call.page(query(item, call.now()));
      ObjectNode query = (ObjectNode) cursor.query();
      boolean sent = query.path("view").asText().equals("SENT");
      String mailbox = query.path("mailbox").asText();
      Instant start = Instant.ofEpochSecond(query.path("start").asLong());
      Instant end = Instant.ofEpochSecond(query.path("end").asLong());
      List<Long> matches = new ArrayList<>();
      IndexRange range = tenant.indexRange(start, end);
      for (long i = range.to() - 1; i >= range.from(); i--) {
        Message message = tenant.message(i);
        if (message.archiveId().isPresent() && inView(message, mailbox, sent)) {
          matches.add(i);
        }
      }
      Page<Long> page = cursor.slice(matches);
      List<ObjectNode> rows = new ArrayList<>();
      for (long index : page.items()) {
        rows.add(row(tenant.message(index), mailbox, sent));
      }
      return ApiReply.paged(rows, page.meta());
    } catch (ItemFailure failure) {
      return ApiReply.error(200, ApiFailure.forItem(item, failure.errors()));
    }
  }

  /** The normalised query, so a page token carries everything the next page needs. */
  private ObjectNode query(ObjectNode item, Instant now) {
    List<ApiError> errors = new ArrayList<>();
    String view = Items.required(item, "view", errors).toUpperCase(Locale.ROOT);
    if (!view.isEmpty() && !view.equals("INBOX") && !view.equals("SENT")) {
      errors.add(
          ApiError.onField(
              ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
              "Field must be one of [INBOX, SENT]",
              "view"));
    }
    ZonedDateTime today = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
    Instant start =
        ApiDates.field(item, "start", errors)
            .orElse(today.withDayOfMonth(1).minusMonths(1).toInstant());
    Instant end =
        ApiDates.field(item, "end", errors).orElse(today.plusDays(1).toInstant().minusSeconds(1));
    Items.check(errors);
    ObjectNode query = Json.object();
    query.put("view", view);
    query.put(
        "mailbox",
        Items.optional(item, "mailbox")
            .map(m -> m.toLowerCase(Locale.ROOT))
            .orElse(tenant.account().adminEmail()));
    query.put("start", start.getEpochSecond());
    query.put("end", end.getEpochSecond());
    return query;
  }

  private static boolean inView(Message message, String mailbox, boolean sent) {
    return sent
        ? message.headerFrom().address().equals(mailbox)
        : message.recipients().stream().anyMatch(r -> r.address().equals(mailbox));
  }

  private ObjectNode row(Message message, String mailbox, boolean sent) {
    ObjectNode row = Json.object();
    row.put("id", message.archiveId().orElseThrow());
    row.put("status", "ARCHIVED");
    row.put("received", ApiDates.format(message.received()));
    putMailbox(row.putObject("from"), message.headerFrom());
    Mailbox to =
        sent
            ? message.recipients().get(0)
            : message.recipients().stream()
                .filter(r -> r.address().equals(mailbox))
                .findFirst()
                .orElse(message.recipients().get(0));
    putMailbox(row.putObject("to"), to);
    row.put("subject", message.subject());
    row.put("size", message.sizeBytes());
    row.put("attachmentCount", message.attachments().size());
    row.put("smash", tenant.smash(message));
    row.put("read", false);
    row.put("ccm", false);
    row.put("recalled", false);
    row.put("expired", false);
    return row;
  }

  private static void putMailbox(ObjectNode node, Mailbox mailbox) {
    node.put("displayableName", mailbox.displayName());
    node.put("emailAddress", mailbox.address());
  }
}
