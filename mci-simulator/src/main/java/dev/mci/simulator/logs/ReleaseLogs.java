package dev.mci.simulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.PageCursor;
import dev.mci.simulator.tenant.AuthResults;
import dev.mci.simulator.tenant.AuthVerdict;
import dev.mci.simulator.tenant.Delivery;
import dev.mci.simulator.tenant.Hold;
import dev.mci.simulator.tenant.HoldOutcome;
import dev.mci.simulator.tenant.IdFamily;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.Route;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.TenantActivity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/gateway/get-held-release-logs} (reference 04 §4): held copies that left the
 * queue (released, rejected by an operator, or expired), in a {@code start}/{@code end} window on
 * the action time (default: one month back to now), newest first, with {@code searchBy} and {@code
 * filterBy} ({@code route}, {@code status}, {@code attachments}). Rows use the Elastic shape the
 * reference recommends.
 */
final class ReleaseLogs extends LogEndpoint<ReleaseLogs.Query> {

  private static final int REJECTED = 1;
  private static final int ATTACHMENTS = 2;
  private static final Set<String> SEARCH_FIELDS =
      Set.of("all", "operator", "from", "to", "subject", "info", "heldReason");
  private static final Map<String, Set<String>> FILTERS =
      Map.of(
          "route", Set.of("all", "internal", "outbound", "inbound"),
          "status", Set.of("released", "rejected"),
          "attachments", Set.of("true", "false"));

  /** A normalized request. */
  record Query(
      Instant start,
      Instant end,
      Optional<FieldValue> searchBy,
      Optional<String> route,
      Optional<String> status,
      Optional<Boolean> attachments) {}

  private final Tenant tenant;
  private final TenantActivity activity;
  private final EventIndex outcomes;

  ReleaseLogs(Tenant tenant) {
    this.tenant = tenant;
    this.activity = tenant.activity();
    Duration retention = TenantActivity.HOLD_QUEUE_RETENTION;
    this.outcomes =
        new EventIndex(
            tenant,
            List.of(
                EventIndex.Lag.upTo(TenantActivity.MAX_OPERATOR_DELAY),
                new EventIndex.Lag(retention, retention.plusSeconds(10))),
            (message, sink) -> {
              for (Delivery delivery : message.deliveries()) {
                activity
                    .holdOutcome(message, delivery)
                    .ifPresent(
                        outcome ->
                            sink.add(
                                outcome.at(),
                                EventIndex.key(
                                    message.index(),
                                    delivery.recipientIndex(),
                                    message.route().ordinal(),
                                    (outcome.kind() == HoldOutcome.Kind.RELEASED ? 0 : REJECTED)
                                        | (message.hasAttachments() ? ATTACHMENTS : 0))));
              }
            });
  }

  @Override
  ObjectNode normalize(ObjectNode item, Instant now) {
    ObjectNode query = item.deepCopy();
    List<ApiError> errors = errors();
    defaultDate(query, "start", now.atZone(ZoneOffset.UTC).minusMonths(1).toInstant(), errors);
    defaultDate(query, "end", now, errors);
    fieldValue(item, "searchBy", SEARCH_FIELDS, errors);
    Optional<JsonNode> filters = Json.field(item, "filterBy");
    if (filters.isPresent()) {
      JsonNode list = filters.get().isArray() ? filters.get() : Json.array().add(filters.get());
      for (JsonNode filter : list) {
        String name = Json.text(filter, "fieldName").orElse("");
        String value = Json.text(filter, "value").orElse("").strip().toLowerCase(Locale.ROOT);
        if (!FILTERS.containsKey(name) || !FILTERS.get(name).contains(value)) {
          errors.add(
              ApiError.onField(
                  ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
                  "filterBy must name one of " + FILTERS.keySet() + " with an allowed value",
                  "filterBy"));
        }
      }
      query.set("filterBy", list);
    }
    check(errors);
    return query;
  }

  @Override
  Query parse(JsonNode query) {
    Optional<String> route = Optional.empty();
    Optional<String> status = Optional.empty();
    Optional<Boolean> attachments = Optional.empty();
    for (JsonNode filter : query.path("filterBy")) {
      String value = Json.text(filter, "value").orElse("").strip().toLowerCase(Locale.ROOT);
      switch (Json.text(filter, "fieldName").orElse("")) {
        case "route" -> route = value.equals("all") ? Optional.empty() : Optional.of(value);
        case "status" -> status = Optional.of(value);
        case "attachments" -> attachments = Optional.of(Boolean.parseBoolean(value));
        default -> {
          // normalize() rejected anything else
        }
      }
    }
    Optional<FieldValue> search = searchBy(query);
    return new Query(date(query, "start"), date(query, "end"), search, route, status, attachments);
  }

  @Override
  ApiReply answer(Query query, PageCursor cursor) {
    EventIndex.Events events =
        outcomes.between(
            query.start(),
            query.end(),
            key -> {
              int flags = EventIndex.flags(key);
              boolean rejected = (flags & REJECTED) != 0;
              return query.status().map(s -> s.equals("rejected") == rejected).orElse(true)
                  && query.attachments().map(a -> a == ((flags & ATTACHMENTS) != 0)).orElse(true)
                  && query.route().map(r -> r.equals(routeOf(key))).orElse(true)
                  && query.searchBy().map(s -> matches(s, key)).orElse(true);
            });
    ObjectNode wrapper = Json.object();
    ArrayNode logs = wrapper.putArray("heldReleaseLogs");
    int count = Pages.walk(events, cursor, false, key -> logs.add(render(key)));
    return ApiReply.paged(List.of(wrapper), cursor.meta(count, events.size()));
  }

  private static String routeOf(long key) {
    return Route.values()[EventIndex.item(key)].wire();
  }

  private boolean matches(FieldValue search, long key) {
    Message m = tenant.message(EventIndex.messageIndex(key));
    Delivery d = m.deliveries().get(EventIndex.recipient(key));
    HoldOutcome outcome = activity.holdOutcome(m, d).orElseThrow();
    Hold hold = d.hold().orElseThrow();
    List<String> fields = new ArrayList<>();
    String name = search.name();
    if (name.equals("operator") || name.equals("all")) {
      fields.add(outcome.operator());
    }
    if (name.equals("from") || name.equals("all")) {
      fields.add(m.envelopeFrom().address());
      fields.add(m.headerFrom().address());
    }
    if (name.equals("to") || name.equals("all")) {
      fields.add(d.recipient().address());
    }
    if (name.equals("subject") || name.equals("all")) {
      fields.add(m.subject());
    }
    if (name.equals("info") || name.equals("all")) {
      fields.add(outcome.info());
    }
    if (name.equals("heldReason") || name.equals("all")) {
      fields.add(hold.reason());
    }
    return fields.stream().anyMatch(f -> contains(f, search.value()));
  }

  private ObjectNode render(long key) {
    Message m = tenant.message(EventIndex.messageIndex(key));
    Delivery d = m.deliveries().get(EventIndex.recipient(key));
    HoldOutcome outcome = activity.holdOutcome(m, d).orElseThrow();
    Hold hold = d.hold().orElseThrow();
    ObjectNode row = Json.object();
    row.put("id", tenant.ids().encode(IdFamily.HELD, m.index(), d.recipientIndex()));
    row.put("status", outcome.status());
    row.put("operator", outcome.operator());
    row.put("released", ApiDates.format(outcome.at()));
    row.put("heldReason", hold.reason());
    row.put("policy", hold.policy());
    row.put("heldGroup", "");
    row.put("messageInfo", outcome.info());
    row.put("rejectReason", outcome.rejectReason().orElse(""));
    row.set("fromEnv", address("", m.envelopeFrom().address()));
    row.set("fromHdr", address(m.headerFrom().displayName(), m.headerFrom().address()));
    row.putArray("to").add(address(d.recipient().displayName(), d.recipient().address()));
    row.put("subject", m.subject());
    row.put("route", m.route().wire());
    row.put("size", m.sizeBytes());
    row.put("attachments", m.hasAttachments());
    row.put("spamScore", m.spamScore());
    row.put("detectionLevel", m.detectionLevel());
    row.set("spamProcessingDetail", spamDetail(m));
    return row;
  }

  private static ObjectNode spamDetail(Message m) {
    AuthResults auth = m.authResults();
    ObjectNode detail = Json.object();
    detail.set("spf", check(auth.spf() != AuthVerdict.FAIL, auth.spf().wire()));
    detail.set("dkim", check(auth.dkim() != AuthVerdict.FAIL, auth.dkim().wire()));
    detail.set("dmarc", check(auth.dmarc() != AuthVerdict.FAIL, auth.dmarc().wire()));
    detail.set("rbl", check(true, ""));
    detail.set("managedSender", check(true, "unknown"));
    detail.set("permittedSender", check(true, "none"));
    detail.put("greyEmail", false);
    boolean spam = m.spamScore() >= 5;
    ObjectNode verdict = detail.putObject("spamVerdict");
    verdict.put("decision", spam ? "spam" : "allow");
    verdict.put("description", "");
    verdict.put("risk", spam ? (m.spamScore() >= 8 ? "high" : "low") : "negligible");
    ArrayNode categories = verdict.putArray("categories");
    if (spam) {
      ObjectNode category = categories.addObject();
      category.put("name", "spam");
      category.put("risk", m.spamScore() >= 8 ? "high" : "low");
      category.putArray("subcategories");
    }
    return detail;
  }

  private static ObjectNode check(boolean allow, String info) {
    ObjectNode node = Json.object();
    node.put("allow", allow);
    node.put("info", info);
    return node;
  }
}
