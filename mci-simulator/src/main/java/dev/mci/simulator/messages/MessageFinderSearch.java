package dev.mci.simulator.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiCall;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiHandler;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.tenant.Delivery;
import dev.mci.simulator.tenant.DeliveryStatus;
import dev.mci.simulator.tenant.IndexRange;
import dev.mci.simulator.tenant.Mailbox;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.MessageUrl;
import dev.mci.simulator.tenant.Route;
import dev.mci.simulator.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/message-finder/search} as reference 01 §1 describes it: exactly one of {@code
 * messageId} and {@code advancedTrackAndTraceOptions}; about 30 days of history; one row per
 * recipient, oldest first; no pagination, at most the requested page size (clamped to 500) or 500
 * rows.
 */
final class MessageFinderSearch implements ApiHandler {

  /** How far back tracking data goes; a start at or before this is rejected. */
  static final Duration HISTORY = Duration.ofDays(30);

  private static final List<String> OPTION_FILTERS =
      List.of("from", "to", "subject", "senderIP", "url");

  private final Tenant tenant;

  MessageFinderSearch(Tenant tenant) {
    this.tenant = tenant;
  }

  @Override
  public ApiReply handle(ApiCall call) {
    // A request without any item still gets its validation error, keyed by an empty item.
    List<ObjectNode> items = call.items().isEmpty() ? List.of(Json.object()) : call.items();
    int limit = call.unpagedLimit();
    return ApiReply.eachItem(items, item -> search(item, call.now(), limit));
  }

  private JsonNode search(ObjectNode item, Instant now, int limit) {
    Query query = parse(item, now);
    List<ObjectNode> rows = new ArrayList<>();
    if (query.messageId().isPresent()) {
      tenant
          .messageByHeaderId(query.messageId().get())
          .filter(m -> inWindow(m.received(), query))
          .ifPresent(m -> addRows(m, query, rows, limit));
    } else {
      IndexRange range = tenant.indexRange(query.from(), query.to());
      for (long i = range.from(); i < range.to() && rows.size() < limit; i++) {
        addRows(tenant.message(i), query, rows, limit);
      }
    }
    ObjectNode result = Json.object();
    ArrayNode tracked = result.putArray("trackedEmails");
    rows.forEach(tracked::add);
    return result;
  }

  private static boolean inWindow(Instant received, Query query) {
    return !received.isBefore(query.from()) && !received.isAfter(query.to());
  }

  private static void addRows(Message message, Query query, List<ObjectNode> rows, int limit) {
    if (!query.matches(message)) {
      return;
    }
    for (Delivery delivery : message.deliveries()) {
      if (rows.size() >= limit) {
        return;
      }
      if (query.matches(delivery)) {
        rows.add(row(message, delivery));
      }
    }
  }

  /** One {@code trackedEmails[]} row, shaped like the recorded fixture (01 §1.3). */
  private static ObjectNode row(Message message, Delivery delivery) {
    ObjectNode row = Json.object();
    row.put("id", delivery.messageFinderId());
    row.put("status", delivery.status().wire());
    row.put("info", delivery.info());
    row.putObject("fromEnv").put("emailAddress", message.envelopeFrom().address());
    ObjectNode fromHdr = row.putObject("fromHdr");
    fromHdr.put("displayableName", message.headerFrom().displayName());
    fromHdr.put("emailAddress", message.headerFrom().address());
    ObjectNode to = row.putArray("to").addObject();
    to.put("displayableName", delivery.recipient().displayName());
    to.put("emailAddress", delivery.recipient().address());
    row.put("received", ApiDates.format(message.received()));
    row.put("sent", ApiDates.format(message.sent()));
    row.put("subject", message.subject());
    row.put("senderIP", message.senderIp());
    row.put("attachments", message.hasAttachments());
    row.put("route", message.route().wire());
    row.put("spamScore", message.spamScore());
    row.put("detectionLevel", message.detectionLevel());
    return row;
  }

  private static Query parse(ObjectNode item, Instant now) {
    List<ApiError> errors = new ArrayList<>();
    Optional<JsonNode> rawMessageId = Json.field(item, "messageId");
    Optional<JsonNode> options = Json.field(item, "advancedTrackAndTraceOptions");

    if (rawMessageId.isPresent() && options.isPresent()) {
      errors.add(
          ApiError.onField(
              ErrorCodes.VALIDATION_MUTUALLY_EXCLUSIVE,
              "Only one of messageId and advancedTrackAndTraceOptions may be given",
              "messageId"));
    } else if (rawMessageId.isEmpty() && options.isEmpty()) {
      errors.add(
          ApiError.onField(
              ErrorCodes.VALIDATION_AT_LEAST_ONE,
              "One of messageId or advancedTrackAndTraceOptions is required",
              "messageId"));
    }
    Optional<String> messageId = Json.text(item, "messageId").map(String::strip);
    if (rawMessageId.isPresent() && messageId.map(String::isEmpty).orElse(true)) {
      errors.add(blank("messageId"));
    }

    Optional<String> from = Optional.empty();
    Optional<String> to = Optional.empty();
    Optional<String> subject = Optional.empty();
    Optional<String> senderIp = Optional.empty();
    Optional<String> url = Optional.empty();
    List<String> routeValues = new ArrayList<>();
    if (options.isPresent()) {
      JsonNode o = options.get();
      if (!o.isObject()) {
        errors.add(blank("advancedTrackAndTraceOptions"));
      } else {
        from = nonBlank(o, "from");
        to = nonBlank(o, "to");
        subject = nonBlank(o, "subject");
        // "senderIp" is sent by one client; accepted leniently (01 §1.2, UNVERIFIED).
        senderIp = nonBlank(o, "senderIP").or(() -> nonBlank(o, "senderIp"));
        url = nonBlank(o, "url");
        Json.textList(o, "route").ifPresent(routeValues::addAll);
        if (from.isEmpty()
            && to.isEmpty()
            && subject.isEmpty()
            && senderIp.isEmpty()
            && url.isEmpty()) {
          errors.add(
              ApiError.onField(
                  ErrorCodes.VALIDATION_AT_LEAST_ONE,
                  "At least one of " + OPTION_FILTERS + " is required",
                  "advancedTrackAndTraceOptions"));
        }
      }
    }
    // route may also sit at the top level, as a string or an array (01 §1.2).
    Json.textList(item, "route").ifPresent(routeValues::addAll);
    Set<Route> routes = EnumSet.noneOf(Route.class);
    for (String value : routeValues) {
      Optional<Route> route = Route.fromWire(value);
      if (route.isPresent()) {
        routes.add(route.get());
      } else {
        errors.add(
            ApiError.onField(
                ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
                "Field must be one of [inbound, outbound, internal]",
                "route"));
      }
    }
    Set<DeliveryStatus> statuses = EnumSet.noneOf(DeliveryStatus.class);
    for (String value : Json.textList(item, "status").orElse(List.of())) {
      Optional<DeliveryStatus> status = DeliveryStatus.fromWire(value);
      if (status.isPresent()) {
        statuses.add(status.get());
      } else {
        errors.add(
            ApiError.onField(
                ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
                "Field must be one of [delivery, held, accepted, bounced, deferred, rejected,"
                    + " archived]",
                "status"));
      }
    }
    Optional<Instant> start = ApiDates.field(item, "start", errors);
    Optional<Instant> end = ApiDates.field(item, "end", errors);
    if (!errors.isEmpty()) {
      throw new ItemFailure(errors);
    }
    Instant horizon = now.minus(HISTORY);
    if (start.isPresent() && !start.get().isAfter(horizon)) {
      throw new ItemFailure(
          ApiError.of(ErrorCodes.TRACK_AND_TRACE_INVALID_START_DATE, "Invalid start date"));
    }
    return new Query(
        messageId,
        start.orElse(horizon),
        end.orElse(now),
        from.map(v -> v.toLowerCase(Locale.ROOT)),
        to.map(v -> v.toLowerCase(Locale.ROOT)),
        subject.map(v -> v.toLowerCase(Locale.ROOT)),
        senderIp,
        url.map(v -> v.toLowerCase(Locale.ROOT)),
        routes,
        statuses);
  }

  private static Optional<String> nonBlank(JsonNode node, String field) {
    return Json.text(node, field).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static ApiError blank(String field) {
    return ApiError.onField(
        ErrorCodes.VALIDATION_BLANK, "This field, if present, cannot be blank or empty", field);
  }

  /** The effective search; text filters are lower case. */
  private record Query(
      Optional<String> messageId,
      Instant from,
      Instant to,
      Optional<String> sender,
      Optional<String> recipient,
      Optional<String> subject,
      Optional<String> senderIp,
      Optional<String> url,
      Set<Route> routes,
      Set<DeliveryStatus> statuses) {

    boolean matches(Message message) {
      return (routes.isEmpty() || routes.contains(message.route()))
          && sender
              .map(
                  s ->
                      addressMatches(s, message.envelopeFrom())
                          || addressMatches(s, message.headerFrom()))
              .orElse(true)
          && subject.map(s -> message.subject().toLowerCase(Locale.ROOT).contains(s)).orElse(true)
          && senderIp.map(ip -> ip.equals(message.senderIp())).orElse(true)
          && url.map(u -> message.urls().stream().anyMatch(m -> urlMatches(u, m))).orElse(true);
    }

    boolean matches(Delivery delivery) {
      return (statuses.isEmpty() || statuses.contains(delivery.status()))
          && recipient.map(r -> addressMatches(r, delivery.recipient())).orElse(true);
    }

    /** An exact address, or an exact domain: subdomains do not match (01 §1.2). */
    private static boolean addressMatches(String value, Mailbox mailbox) {
      return value.contains("@")
          ? value.equalsIgnoreCase(mailbox.address())
          : value.equals(mailbox.domain());
    }

    private static boolean urlMatches(String value, MessageUrl url) {
      return url.original().toLowerCase(Locale.ROOT).contains(value)
          || url.rewritten().equalsIgnoreCase(value);
    }
  }
}
