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
import dev.mci.simulator.tenant.ImpersonationHit;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.TenantActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code POST /api/ttp/impersonation/get-logs} (reference 04 §2): Impersonation Protect detections
 * in a {@code from}/{@code to} window (default: start of the current UTC day to now), filtered by
 * {@code taggedMalicious}, {@code searchField}/{@code query}, {@code identifiers} (any of) and
 * {@code actions} (any string, matched against the row's action), newest first unless {@code
 * oldestFirst}. {@code resultCount} is the number of matching rows.
 */
final class ImpersonationLogs extends LogEndpoint<ImpersonationLogs.Query> {

  private static final int TAGGED_MALICIOUS = 1;
  private static final Set<String> SEARCH_FIELDS =
      Set.of("senderAddress", "recipientAddress", "subject", "policy", "all");

  /** The doc's identifiers plus the API 2.0 schema's (reference 04 §2.2). */
  static final Set<String> IDENTIFIERS =
      Set.of(
          "newly_observed_domain",
          "internal_user_name",
          "reply_address_mismatch",
          "targeted_threat_dictionary",
          "similar_internal_domain",
          "custom_external_domain",
          "mimecast_external_domain",
          "advanced_similar_internal_domain",
          "advanced_custom_external_domain",
          "advanced_mimecast_external_domain",
          "custom_name_list");

  /** A normalized request. */
  record Query(
      Instant from,
      Instant to,
      boolean oldestFirst,
      Optional<Boolean> taggedMalicious,
      String searchField,
      Optional<String> text,
      List<String> identifiers,
      List<String> actions) {}

  private final Tenant tenant;
  private final TenantActivity activity;
  private final EventIndex hits;

  ImpersonationLogs(Tenant tenant) {
    this.tenant = tenant;
    this.activity = tenant.activity();
    this.hits =
        new EventIndex(
            tenant,
            List.of(EventIndex.Lag.upTo(Duration.ofSeconds(1))),
            (message, sink) -> {
              for (ImpersonationHit hit : activity.impersonationHits(message)) {
                sink.add(
                    hit.at(),
                    EventIndex.key(
                        message.index(),
                        hit.delivery().recipientIndex(),
                        0,
                        hit.taggedMalicious() ? TAGGED_MALICIOUS : 0));
              }
            });
  }

  @Override
  ObjectNode normalize(ObjectNode item, Instant now) {
    ObjectNode query = item.deepCopy();
    List<ApiError> errors = errors();
    ttpWindow(query, item, now, errors);
    query.remove("taggedMalicious");
    bool(item, "taggedMalicious", errors).ifPresent(v -> query.put("taggedMalicious", v));
    Optional<String> text = Json.text(item, "query").map(String::strip).filter(v -> !v.isEmpty());
    Optional<String> field =
        Json.text(item, "searchField").map(String::strip).filter(v -> !v.isEmpty());
    if (field.isPresent() && !SEARCH_FIELDS.contains(field.get())) {
      errors.add(
          ApiError.onField(
              ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
              "Field must be one of " + new TreeSet<>(SEARCH_FIELDS),
              "searchField"));
    }
    if (field.isPresent() && text.isEmpty()) {
      errors.add(
          ApiError.onField(
              ErrorCodes.VALIDATION_NULL, "query is required when searchField is set", "query"));
    }
    query.put("searchField", field.orElse("all"));
    for (String identifier : Json.textList(item, "identifiers").orElse(List.of())) {
      if (!IDENTIFIERS.contains(identifier)) {
        errors.add(
            ApiError.onField(
                ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
                "Unknown identifier " + identifier,
                "identifiers"));
      }
    }
    check(errors);
    return query;
  }

  @Override
  Query parse(JsonNode query) {
    Optional<Boolean> tagged = Json.field(query, "taggedMalicious").map(JsonNode::asBoolean);
    return new Query(
        date(query, "from"),
        date(query, "to"),
        query.path("oldestFirst").asBoolean(false),
        tagged,
        query.path("searchField").asText("all"),
        Json.text(query, "query").map(String::strip).filter(v -> !v.isEmpty()),
        Json.textList(query, "identifiers").orElse(List.of()),
        Json.textList(query, "actions").orElse(List.of()).stream()
            .map(a -> a.strip().toLowerCase(Locale.ROOT))
            .toList());
  }

  @Override
  ApiReply answer(Query query, PageCursor cursor) {
    boolean needsRecord =
        query.text().isPresent() || !query.identifiers().isEmpty() || !query.actions().isEmpty();
    EventIndex.Events events =
        hits.between(
            query.from(),
            query.to(),
            key ->
                query
                        .taggedMalicious()
                        .map(t -> t == ((EventIndex.flags(key) & TAGGED_MALICIOUS) != 0))
                        .orElse(true)
                    && (!needsRecord || matches(query, hit(key))));
    ObjectNode wrapper = Json.object();
    ArrayNode logs = wrapper.putArray("impersonationLogs");
    int count = Pages.walk(events, cursor, query.oldestFirst(), key -> logs.add(render(hit(key))));
    wrapper.put("resultCount", events.size());
    return ApiReply.paged(List.of(wrapper), cursor.meta(count, events.size()));
  }

  private static boolean matches(Query query, ImpersonationHit hit) {
    if (!query.identifiers().isEmpty()
        && hit.identifiers().stream().noneMatch(query.identifiers()::contains)) {
      return false;
    }
    if (!query.actions().isEmpty() && !query.actions().contains(hit.action())) {
      return false;
    }
    if (query.text().isEmpty()) {
      return true;
    }
    String text = query.text().get();
    Message m = hit.message();
    List<String> fields = new ArrayList<>();
    switch (query.searchField()) {
      case "senderAddress" -> fields.add(m.headerFrom().address());
      case "recipientAddress" -> fields.add(hit.delivery().recipient().address());
      case "subject" -> fields.add(m.subject());
      case "policy" -> fields.add(hit.definition());
      default -> {
        fields.add(m.headerFrom().address());
        fields.add(hit.delivery().recipient().address());
        fields.add(m.subject());
        fields.add(hit.definition());
      }
    }
    return fields.stream().anyMatch(f -> contains(f, text));
  }

  private ImpersonationHit hit(long key) {
    Message message = tenant.message(EventIndex.messageIndex(key));
    int recipient = EventIndex.recipient(key);
    return activity.impersonationHits(message).stream()
        .filter(h -> h.delivery().recipientIndex() == recipient)
        .findFirst()
        .orElseThrow();
  }

  private static ObjectNode render(ImpersonationHit hit) {
    Message m = hit.message();
    ObjectNode row = Json.object();
    row.put("id", hit.id());
    row.put("senderAddress", m.headerFrom().address());
    row.put("recipientAddress", hit.delivery().recipient().address());
    row.put("subject", m.subject());
    row.put("definition", hit.definition());
    row.put("hits", hit.identifiers().size());
    ArrayNode identifiers = row.putArray("identifiers");
    hit.identifiers().forEach(identifiers::add);
    row.put("action", hit.action());
    row.put("taggedExternal", hit.taggedExternal());
    row.put("taggedMalicious", hit.taggedMalicious());
    row.put("senderIpAddress", m.senderIp());
    row.put("eventTime", ApiDates.format(hit.at()));
    ArrayNode results = row.putArray("impersonationResults");
    for (ImpersonationHit.Match match : hit.matches()) {
      ObjectNode result = results.addObject();
      result.put("impersonationDomainSource", match.source());
      match.similarDomain().ifPresent(v -> result.put("similarDomain", v));
      result.put("stringSimilarToDomain", match.similarTo());
      match.checkerResult().ifPresent(v -> result.put("checkerResult", v));
    }
    row.put("messageId", m.messageIdHeader());
    return row;
  }
}
