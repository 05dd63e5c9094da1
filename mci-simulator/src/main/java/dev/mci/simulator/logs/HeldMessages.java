package dev.mci.simulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.PageCursor;
import dev.mci.simulator.tenant.Delivery;
import dev.mci.simulator.tenant.Hold;
import dev.mci.simulator.tenant.IdFamily;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.TenantActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/gateway/get-hold-message-list} (reference 04 §6.1): the copies in the hold queue
 * now, newest first, as a flat {@code data[]}. Without {@code admin: true} only the authenticated
 * account's own mailbox (the account administrator's). {@code start}/{@code end} window {@code
 * dateReceived} (default: the whole history); {@code searchBy} accepts {@code reason_code} and
 * {@code reasonCode} alike, and {@code senderIP}; {@code filterBy} takes {@code route} and {@code
 * heldGroup}, as {@code [{fieldName, value}]} or as {@code {"route": ..}}.
 */
final class HeldMessages extends LogEndpoint<HeldMessages.Query> {

  private static final Set<String> SEARCH_FIELDS =
      Set.of("all", "subject", "sender", "recipient", "reason_code", "reasonCode", "senderIP");
  private static final Map<String, Set<String>> FILTERS =
      Map.of(
          "route", Set.of("all", "internal", "outbound", "inbound", "external"),
          "heldGroup", Set.of("administrator", "moderator", "user"));

  /** A normalized request; {@code mailbox} empty means every recipient. */
  record Query(
      Instant start,
      Instant end,
      Optional<String> mailbox,
      Optional<FieldValue> search,
      Optional<String> route,
      Optional<String> heldGroup) {}

  private final Tenant tenant;
  private final TenantActivity activity;
  private final EventIndex queue;

  HeldMessages(Tenant tenant) {
    this.tenant = tenant;
    this.activity = tenant.activity();
    this.queue =
        new EventIndex(
            tenant,
            List.of(EventIndex.Lag.upTo(Duration.ZERO)),
            (message, sink) -> {
              for (Delivery delivery : message.deliveries()) {
                if (activity.inHoldQueue(message, delivery)) {
                  sink.add(
                      message.received(),
                      EventIndex.key(message.index(), delivery.recipientIndex(), 0, 0));
                }
              }
            });
  }

  @Override
  ObjectNode normalize(ObjectNode item, Instant now) {
    ObjectNode query = item.deepCopy();
    List<ApiError> errors = errors();
    defaultDate(query, "start", tenant.messagesFrom(), errors);
    defaultDate(query, "end", now, errors);
    boolean admin = bool(item, "admin", errors).orElse(false);
    fieldValue(item, "searchBy", SEARCH_FIELDS, errors);
    ObjectNode filters = Json.object();
    Optional<JsonNode> filterBy = Json.field(item, "filterBy");
    if (filterBy.isPresent()) {
      // Both shapes are seen (reference 04 §6.1): a list of {fieldName, value} or one object.
      if (filterBy.get().isArray()) {
        for (JsonNode filter : filterBy.get()) {
          filters.put(
              Json.text(filter, "fieldName").orElse(""), Json.text(filter, "value").orElse(""));
        }
      } else {
        filterBy.get().properties().forEach(e -> filters.put(e.getKey(), e.getValue().asText()));
      }
      for (Map.Entry<String, JsonNode> filter : filters.properties()) {
        String value = filter.getValue().asText().strip();
        if (!FILTERS.containsKey(filter.getKey())
            || !FILTERS.get(filter.getKey()).contains(value)) {
          errors.add(
              ApiError.onField(
                  ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
                  "filterBy must name one of " + FILTERS.keySet() + " with an allowed value",
                  "filterBy"));
        }
      }
    }
    check(errors);
    query.set("filterBy", filters);
    query.remove("admin");
    if (!admin) {
      query.put("mailbox", tenant.account().adminEmail());
    }
    return query;
  }

  @Override
  Query parse(JsonNode query) {
    Optional<FieldValue> search = searchBy(query);
    JsonNode filters = query.path("filterBy");
    return new Query(
        date(query, "start"),
        date(query, "end"),
        Json.text(query, "mailbox"),
        search,
        Json.text(filters, "route").filter(r -> !r.equals("all")),
        Json.text(filters, "heldGroup"));
  }

  @Override
  ApiReply answer(Query query, PageCursor cursor) {
    boolean filtered =
        query.mailbox().isPresent()
            || query.search().isPresent()
            || query.route().isPresent()
            || query.heldGroup().isPresent();
    EventIndex.Events events =
        queue.between(query.start(), query.end(), key -> !filtered || matches(query, key));
    List<ObjectNode> rows = new ArrayList<>();
    int count = Pages.walk(events, cursor, false, key -> rows.add(render(key)));
    return ApiReply.paged(rows, cursor.meta(count, events.size()));
  }

  private boolean matches(Query query, long key) {
    Message m = tenant.message(EventIndex.messageIndex(key));
    Delivery d = m.deliveries().get(EventIndex.recipient(key));
    Hold hold = d.hold().orElseThrow();
    if (query.mailbox().isPresent()
        && !query.mailbox().get().equalsIgnoreCase(d.recipient().address())) {
      return false;
    }
    if (query.route().isPresent() && !routeMatches(query.route().get(), m)) {
      return false;
    }
    if (query.heldGroup().isPresent() && !query.heldGroup().get().equals(heldGroup(hold))) {
      return false;
    }
    if (query.search().isEmpty()) {
      return true;
    }
    String value = query.search().get().value();
    String code = reasonCode(hold);
    return switch (query.search().get().name()) {
      case "subject" -> contains(m.subject(), value);
      case "sender" ->
          contains(m.envelopeFrom().address(), value) || contains(m.headerFrom().address(), value);
      case "recipient" -> contains(d.recipient().address(), value);
      case "reason_code", "reasonCode" -> code.equalsIgnoreCase(value);
      case "senderIP" -> m.senderIp().equals(value);
      default ->
          contains(m.subject(), value)
              || contains(m.envelopeFrom().address(), value)
              || contains(m.headerFrom().address(), value)
              || contains(d.recipient().address(), value);
    };
  }

  private static boolean routeMatches(String route, Message m) {
    // "external" is mail from outside, i.e. inbound.
    String wire = m.route().wire();
    return route.equals(wire) || (route.equals("external") && wire.equals("inbound"));
  }

  /** Spam holds can be released by users from their digest; everything else needs an admin. */
  private static String heldGroup(Hold hold) {
    return hold.reason().equals("Spam Signature") ? "user" : "administrator";
  }

  private static String reasonCode(Hold hold) {
    return "message_hold_applied_"
        + hold.policy().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        + "_policy";
  }

  private ObjectNode render(long key) {
    Message m = tenant.message(EventIndex.messageIndex(key));
    Delivery d = m.deliveries().get(EventIndex.recipient(key));
    Hold hold = d.hold().orElseThrow();
    String code = reasonCode(hold);
    ObjectNode row = Json.object();
    row.put("id", tenant.ids().encode(IdFamily.HELD, m.index(), d.recipientIndex()));
    row.put("reason", d.info());
    row.put("reasonId", code.toUpperCase(Locale.ROOT));
    row.put("reasonCode", code);
    row.set("from", address("", m.envelopeFrom().address()));
    row.set("fromHeader", address(m.headerFrom().displayName(), m.headerFrom().address()));
    row.set("to", address(d.recipient().displayName(), d.recipient().address()));
    row.put("subject", m.subject());
    row.put("route", m.route().wire().toUpperCase(Locale.ROOT));
    row.put("hasAttachments", m.hasAttachments());
    row.put("size", m.sizeBytes());
    row.put("dateReceived", ApiDates.format(m.received()));
    row.put("policyInfo", hold.policy());
    return row;
  }
}
