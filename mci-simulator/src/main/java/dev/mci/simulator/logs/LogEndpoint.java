package dev.mci.simulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.mci.simulator.core.PageCursor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape every paged log endpoint shares: read {@code data[0]}, fill in the documented defaults
 * (so that the window is fixed in the page token and later pages see the same rows), validate, open
 * the page and answer. A page token's query wins over {@code data}; validation errors and bad
 * tokens become a {@code fail[]} entry keyed by the request item.
 *
 * @param <Q> the parsed query
 */
abstract class LogEndpoint<Q> implements ApiHandler {

  @Override
  public final ApiReply handle(ApiCall call) {
    ObjectNode item = call.items().isEmpty() ? Json.object() : call.items().get(0);
    try {
      if (call.pageRequest().pageToken().isPresent()) {
        PageCursor cursor = call.page(item);
        return answer(parse(cursor.query()), cursor);
      }
      ObjectNode normalized = normalize(item, call.now());
      Q query = parse(normalized);
      return answer(query, call.page(normalized));
    } catch (ItemFailure failure) {
      return ApiReply.ok(List.of(), List.of(ApiFailure.forItem(item, failure.errors())));
    }
  }

  /**
   * A copy of the request item with the documented defaults filled in (dates in the response form);
   * throws {@link ItemFailure} for values that cannot be read.
   */
  abstract ObjectNode normalize(ObjectNode item, Instant now);

  /** Reads a normalized query; throws {@link ItemFailure} when it breaks a rule. */
  abstract Q parse(JsonNode normalized);

  /** One page of results. */
  abstract ApiReply answer(Q query, PageCursor cursor);

  // ---------------------------------------------------------------- shared field helpers

  /** Midnight UTC of the day {@code now} falls in: the TTP logs' default {@code from}. */
  static Instant startOfDay(Instant now) {
    return now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
  }

  /**
   * The TTP logs' window in {@code query}: {@code from} (default: the start of today, UTC), {@code
   * to} (default: now) and {@code oldestFirst} (default false), as read from {@code item}.
   */
  static void ttpWindow(ObjectNode query, ObjectNode item, Instant now, List<ApiError> errors) {
    defaultDate(query, "from", startOfDay(now), errors);
    defaultDate(query, "to", now, errors);
    query.put("oldestFirst", bool(item, "oldestFirst", errors).orElse(false));
  }

  /** Puts {@code fallback} in {@code field} unless the item holds a readable date there. */
  static void defaultDate(ObjectNode item, String field, Instant fallback, List<ApiError> errors) {
    boolean given = Json.text(item, field).map(String::strip).filter(v -> !v.isEmpty()).isPresent();
    Optional<Instant> parsed = ApiDates.field(item, field, errors);
    if (!given || parsed.isPresent()) {
      item.put(field, ApiDates.format(parsed.orElse(fallback)));
    }
  }

  /** A date written by {@link #defaultDate}. */
  static Instant date(JsonNode query, String field) {
    return ApiDates.parse(Json.text(query, field).orElse("")).orElseThrow();
  }

  /**
   * A boolean sent as JSON {@code true}/{@code false} or as the strings {@code "true"}/{@code
   * "false"}; empty when absent.
   */
  static Optional<Boolean> bool(JsonNode item, String field, List<ApiError> errors) {
    Optional<JsonNode> value = Json.field(item, field);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().isBoolean()) {
      return Optional.of(value.get().booleanValue());
    }
    String text = value.get().asText().strip().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) {
      return Optional.of(Boolean.parseBoolean(text));
    }
    errors.add(
        ApiError.onField(
            ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED, "Field must be true or false", field));
    return Optional.empty();
  }

  /** A lower-case text value from {@code allowed}, or {@code fallback} when absent. */
  static String oneOf(
      JsonNode item, String field, Set<String> allowed, String fallback, List<ApiError> errors) {
    Optional<String> value =
        Json.text(item, field)
            .map(v -> v.strip().toLowerCase(Locale.ROOT))
            .filter(v -> !v.isEmpty());
    if (value.isEmpty()) {
      return fallback;
    }
    if (!allowed.contains(value.get())) {
      errors.add(
          ApiError.onField(
              ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
              "Field must be one of " + new TreeSet<>(allowed),
              field));
      return fallback;
    }
    return value.get();
  }

  /** Throws the collected validation errors, if any. */
  static void check(List<ApiError> errors) {
    if (!errors.isEmpty()) {
      throw new ItemFailure(errors);
    }
  }

  /** A fresh error list. */
  static List<ApiError> errors() {
    return new ArrayList<>();
  }

  /** Whether {@code haystack} contains {@code needle}, ignoring case. */
  static boolean contains(String haystack, String needle) {
    return haystack != null
        && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
  }

  /**
   * A {@code {"fieldName": .., "value": ..}} object (the {@code searchBy} shape), validated against
   * the allowed field names; empty when absent.
   */
  static Optional<FieldValue> fieldValue(
      JsonNode item, String field, Set<String> names, List<ApiError> errors) {
    Optional<JsonNode> node = Json.field(item, field);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> name = Json.text(node.get(), "fieldName").map(String::strip);
    Optional<String> value = Json.text(node.get(), "value").map(String::strip);
    if (name.isEmpty() || !names.contains(name.get())) {
      errors.add(
          ApiError.onField(
              ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
              "fieldName must be one of " + new TreeSet<>(names),
              field + ".fieldName"));
      return Optional.empty();
    }
    if (value.isEmpty() || value.get().isEmpty()) {
      errors.add(
          ApiError.onField(
              ErrorCodes.VALIDATION_BLANK,
              "This field, if present, cannot be blank or empty",
              field + ".value"));
      return Optional.empty();
    }
    return Optional.of(new FieldValue(name.get(), value.get()));
  }

  /** The {@code searchBy} of a normalized query (validated by {@link #fieldValue}). */
  static Optional<FieldValue> searchBy(JsonNode query) {
    return Json.field(query, "searchBy")
        .map(
            n ->
                new FieldValue(
                    Json.text(n, "fieldName").orElse("all"),
                    Json.text(n, "value").orElse("").strip()));
  }

  /**
   * A {@code fieldName}/{@code value} pair.
   *
   * @param name the field name
   * @param value the value
   */
  record FieldValue(String name, String value) {}

  /** The {@code {"displayableName", "emailAddress"}} object of an address. */
  static ObjectNode address(String displayName, String address) {
    ObjectNode node = Json.object();
    node.put("displayableName", displayName);
    node.put("emailAddress", address);
    return node;
  }
}
