package dev.mci.simulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.PageCursor;
import dev.mci.simulator.tenant.GatewayRejection;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.TenantActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/gateway/get-rejections} (reference 04 §5): messages Mimecast rejected, kept for
 * 7 days (older rows are gone), in a {@code start}/{@code end} window (default: start of the
 * current UTC day to now), newest first. With {@code mailbox}, one recipient's rejections; with
 * {@code admin: true} (boolean or string) and no mailbox, everyone's; with neither, the
 * authenticated account's own mailbox (the account administrator's). {@code searchBy} takes {@code
 * all}, {@code from}, {@code to}, {@code type}, {@code info} or {@code remoteIp}.
 */
final class RejectionLogs extends LogEndpoint<RejectionLogs.Query> {

  /** How long rejection records are kept (reference 04 §5.1). */
  static final Duration RETENTION = Duration.ofDays(7);

  private static final Set<String> SEARCH_FIELDS =
      Set.of("all", "from", "to", "type", "info", "remoteIp");

  /** A normalized request; {@code mailbox} empty means everyone. */
  record Query(Instant start, Instant end, Optional<String> mailbox, Optional<FieldValue> search) {}

  private final Tenant tenant;
  private final TenantActivity activity;
  private final EventIndex rejections;

  RejectionLogs(Tenant tenant) {
    this.tenant = tenant;
    this.activity = tenant.activity();
    this.rejections =
        new EventIndex(
            tenant,
            List.of(EventIndex.Lag.upTo(Duration.ZERO)),
            (message, sink) -> {
              for (GatewayRejection rejection : activity.rejections(message)) {
                sink.add(
                    rejection.at(),
                    EventIndex.key(message.index(), rejection.delivery().recipientIndex(), 0, 0));
              }
            });
  }

  @Override
  ObjectNode normalize(ObjectNode item, Instant now) {
    ObjectNode query = item.deepCopy();
    List<ApiError> errors = errors();
    defaultDate(query, "start", startOfDay(now), errors);
    defaultDate(query, "end", now, errors);
    boolean admin = bool(item, "admin", errors).orElse(false);
    Optional<String> mailbox =
        Json.text(item, "mailbox").map(String::strip).filter(v -> !v.isEmpty());
    fieldValue(item, "searchBy", SEARCH_FIELDS, errors);
    check(errors);
    // Records older than the retention are gone: the window never reaches further back.
    Instant oldest = now.minus(RETENTION);
    if (date(query, "start").isBefore(oldest)) {
      query.put("start", ApiDates.format(oldest));
    }
    query.remove("admin");
    query.remove("mailbox");
    if (mailbox.isPresent()) {
      query.put("mailbox", mailbox.get());
    } else if (!admin) {
      query.put("mailbox", tenant.account().adminEmail());
    }
    return query;
  }

  @Override
  Query parse(JsonNode query) {
    Optional<FieldValue> search = searchBy(query);
    return new Query(date(query, "start"), date(query, "end"), Json.text(query, "mailbox"), search);
  }

  @Override
  ApiReply answer(Query query, PageCursor cursor) {
    boolean needsRecord = query.mailbox().isPresent() || query.search().isPresent();
    EventIndex.Events events =
        rejections.between(
            query.start(), query.end(), key -> !needsRecord || matches(query, rejection(key)));
    ObjectNode wrapper = Json.object();
    ArrayNode logs = wrapper.putArray("rejections");
    int count = Pages.walk(events, cursor, false, key -> logs.add(render(rejection(key))));
    return ApiReply.paged(List.of(wrapper), cursor.meta(count, events.size()));
  }

  private static boolean matches(Query query, GatewayRejection r) {
    String to = r.delivery().recipient().address();
    if (query.mailbox().isPresent() && !query.mailbox().get().equalsIgnoreCase(to)) {
      return false;
    }
    if (query.search().isEmpty()) {
      return true;
    }
    FieldValue search = query.search().get();
    String from = r.message().envelopeFrom().address();
    String type = Integer.toString(r.type());
    String ip = r.message().senderIp();
    return switch (search.name()) {
      case "from" -> contains(from, search.value());
      case "to" -> contains(to, search.value());
      case "type" -> type.equals(search.value());
      case "info" -> contains(r.info(), search.value());
      case "remoteIp" -> ip.equals(search.value());
      default ->
          contains(from, search.value())
              || contains(to, search.value())
              || contains(r.info(), search.value())
              || ip.equals(search.value());
    };
  }

  private GatewayRejection rejection(long key) {
    Message message = tenant.message(EventIndex.messageIndex(key));
    int recipient = EventIndex.recipient(key);
    return activity.rejections(message).stream()
        .filter(r -> r.delivery().recipientIndex() == recipient)
        .findFirst()
        .orElseThrow();
  }

  private static ObjectNode render(GatewayRejection r) {
    Message m = r.message();
    String to = r.delivery().recipient().address();
    ObjectNode row = Json.object();
    row.put("id", r.id());
    row.put("created", ApiDates.format(r.at()));
    row.put("fromAddress", m.envelopeFrom().address());
    row.put("toAddress", to);
    row.put("toAddressPreCheck", to);
    row.put("toAddressPostCheck", r.beforeData() ? "Rejected prior to DATA acceptance" : to);
    row.put("ipAddress", m.senderIp());
    row.put("remoteName", r.remoteName());
    row.put("remoteEhlo", r.remoteEhlo());
    row.put("info", r.info());
    row.put("description", r.description());
    row.put("type", r.type());
    row.put("detectionLevel", r.beforeData() ? "not_initiated" : m.detectionLevel());
    row.put("spamScore", r.beforeData() ? 0 : m.spamScore());
    row.put("manageRecipient", false);
    return row;
  }
}
