package dev.mci.simulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiCall;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiFailure;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.Page;
import dev.mci.simulator.core.PageCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /api/audit/get-audit-events} and {@code /api/audit/get-categories} (reference 05 §6),
 * on both listeners. Both dates are required ({@code err_validation_null} per missing field);
 * {@code query} matches user, type or info case-insensitively; {@code categories} filters by code.
 * Paged with the core helper: oldest first, {@code next} while more remain.
 */
final class AuditEndpoint {

  static final String EVENTS = "/api/audit/get-audit-events";
  static final String CATEGORIES = "/api/audit/get-categories";

  private final AuditLog log;

  AuditEndpoint(AuditLog log) {
    this.log = log;
  }

  ApiReply events(ApiCall call) {
    ObjectNode item = call.nonEmptyItems().isEmpty() ? Json.object() : call.nonEmptyItems().get(0);
    PageCursor cursor;
    try {
      cursor = call.page(item);
    } catch (ItemFailure failure) {
      return ApiReply.error(200, new ApiFailure(Optional.empty(), failure.errors(), false));
    }
    JsonNode query = cursor.query();
    List<ApiError> errors = new ArrayList<>();
    Optional<Instant> start = date(query, "startDateTime", errors);
    Optional<Instant> end = date(query, "endDateTime", errors);
    if (!errors.isEmpty()) {
      return ApiReply.ok(List.of(), List.of(ApiFailure.forItem(item, errors)));
    }
    List<String> categories =
        Json.textList(query, "categories").orElse(List.of()).stream()
            .map(c -> c.strip().toLowerCase(Locale.ROOT))
            .toList();
    String text =
        Json.text(query, "query").map(String::strip).filter(q -> !q.isEmpty()).orElse(null);
    List<AuditLog.AuditEvent> matches = log.between(start.get(), end.get(), text, categories);
    Page<AuditLog.AuditEvent> page = cursor.slice(matches);
    List<ObjectNode> data = page.items().stream().map(AuditEndpoint::json).toList();
    return ApiReply.paged(data, page.meta());
  }

  ApiReply categories(ApiCall call) {
    List<ObjectNode> data = new ArrayList<>();
    for (String code : AuditLog.CATEGORIES) {
      ObjectNode category = Json.object();
      category.put("code", code);
      String name = code.replace("_logs", "").replace('_', ' ');
      category.put("name", Character.toUpperCase(name.charAt(0)) + name.substring(1));
      data.add(category);
    }
    return ApiReply.ok(data);
  }

  private static Optional<Instant> date(JsonNode query, String field, List<ApiError> errors) {
    Optional<String> text = Json.text(query, field);
    if (text.isEmpty()) {
      errors.add(ApiError.onField(ErrorCodes.VALIDATION_NULL, "This field is required", field));
      return Optional.empty();
    }
    Optional<Instant> parsed = ApiDates.parse(text.get());
    if (parsed.isEmpty()) {
      errors.add(
          ApiError.onField(
              ErrorCodes.VALIDATION_INVALID_DATE,
              "Not a date like 2025-03-01T00:00:00+0000",
              field));
    }
    return parsed;
  }

  private static ObjectNode json(AuditLog.AuditEvent event) {
    ObjectNode node = Json.object();
    node.put("id", event.id());
    node.put("auditType", event.auditType());
    node.put("user", event.user());
    node.put("eventTime", ApiDates.format(event.eventTime()));
    node.put("eventInfo", event.eventInfo());
    node.put("category", event.category());
    return node;
  }
}
