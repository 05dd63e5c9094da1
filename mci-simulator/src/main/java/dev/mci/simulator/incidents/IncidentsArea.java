package dev.mci.simulator.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiArea;
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
import dev.mci.simulator.core.Routes;
import dev.mci.simulator.tenant.RemediationIncident;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.TenantActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registers the remediation incident endpoints (reference 03 §3): {@code get-incident} by id (an
 * unknown or malformed id is {@code xdk_failure} "0007 Invalid token", as no not-found code is
 * documented; lookup by code is not supported) and {@code find-incidents}, paged, newest first,
 * filtered by {@code start}/{@code end} on the creation time and {@code filterBy} {@code type}
 * (comma-separated); at least one field must be given.
 */
public final class IncidentsArea implements ApiArea {

  /** The get-incident path. */
  public static final String GET_INCIDENT = "/api/ttp/remediation/get-incident";

  /** The find-incidents path. */
  public static final String FIND_INCIDENTS = "/api/ttp/remediation/find-incidents";

  private static final Set<String> TYPES = Set.of("manual", "automatic", "notify_only", "restored");

  private final TenantActivity activity;

  /** The area over {@code tenant}. */
  public IncidentsArea(Tenant tenant) {
    this.activity = tenant.activity();
  }

  @Override
  public void register(Routes routes) {
    routes.post(GET_INCIDENT, call -> ApiReply.eachItem(call.items(), this::get));
    routes.post(FIND_INCIDENTS, this::find);
  }

  private JsonNode get(ObjectNode item) {
    if (Json.field(item, "id").isEmpty()) {
      throw new ItemFailure(
          ApiError.onField(ErrorCodes.VALIDATION_NULL, "This field is required", "id"));
    }
    String id = Json.text(item, "id").orElse("").strip();
    if (id.isEmpty()) {
      throw new ItemFailure(
          ApiError.onField(
              ErrorCodes.VALIDATION_BLANK,
              "This field, if present, cannot be blank or empty",
              "id"));
    }
    return activity
        .incident(id)
        .map(IncidentsArea::render)
        .orElseThrow(
            () -> new ItemFailure(ApiError.of(ErrorCodes.INVALID_TOKEN, "0007 Invalid token")));
  }

  /** The criteria of one find request. */
  private record Filter(Optional<Instant> start, Optional<Instant> end, Set<String> types) {
    boolean matches(RemediationIncident incident) {
      return start.map(s -> !incident.created().isBefore(s)).orElse(true)
          && end.map(e -> !incident.created().isAfter(e)).orElse(true)
          && (types.isEmpty() || types.contains(incident.type()));
    }
  }

  private ApiReply find(ApiCall call) {
    ObjectNode item = call.items().isEmpty() ? Json.object() : call.items().get(0);
    try {
      boolean resumed = call.pageRequest().pageToken().isPresent();
      Filter filter = resumed ? null : parse(item, true);
      PageCursor cursor = call.page(item);
      if (resumed) {
        filter = parse(cursor.query(), false);
      }
      Filter effective = filter;
      List<RemediationIncident> matching =
          activity.incidents().stream()
              .filter(effective::matches)
              .sorted(Comparator.comparing(RemediationIncident::created).reversed())
              .toList();
      Page<RemediationIncident> page = cursor.slice(matching);
      ObjectNode wrapper = Json.object();
      ArrayNode incidents = wrapper.putArray("incidents");
      page.items().forEach(i -> incidents.add(render(i)));
      return ApiReply.paged(List.of(wrapper), page.meta());
    } catch (ItemFailure failure) {
      return ApiReply.ok(List.of(), List.of(ApiFailure.forItem(item, failure.errors())));
    }
  }

  private static Filter parse(JsonNode item, boolean requireOne) {
    List<ApiError> errors = new ArrayList<>();
    Optional<Instant> start = ApiDates.field(item, "start", errors);
    Optional<Instant> end = ApiDates.field(item, "end", errors);
    Set<String> types = new TreeSet<>();
    Optional<JsonNode> filterBy = Json.field(item, "filterBy");
    if (filterBy.isPresent()) {
      JsonNode list = filterBy.get().isArray() ? filterBy.get() : Json.array().add(filterBy.get());
      for (JsonNode filter : list) {
        if (!Json.text(filter, "fieldName").orElse("").equals("type")) {
          errors.add(
              ApiError.onField(
                  ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
                  "filterBy.fieldName must be type",
                  "filterBy"));
          continue;
        }
        for (String type : Json.text(filter, "value").orElse("").split(",")) {
          String value = type.strip().toLowerCase(Locale.ROOT);
          if (TYPES.contains(value)) {
            types.add(value);
          } else if (!value.isEmpty()) {
            errors.add(
                ApiError.onField(
                    ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
                    "type must be one of " + new TreeSet<>(TYPES),
                    "filterBy"));
          }
        }
      }
    }
    if (requireOne && start.isEmpty() && end.isEmpty() && filterBy.isEmpty() && errors.isEmpty()) {
      errors.add(
          ApiError.of(
              ErrorCodes.VALIDATION_AT_LEAST_ONE,
              "At least one of start, end, filterBy is required"));
    }
    if (!errors.isEmpty()) {
      throw new ItemFailure(errors);
    }
    return new Filter(start, end, types);
  }

  private static ObjectNode render(RemediationIncident incident) {
    ObjectNode node = Json.object();
    node.put("id", incident.id());
    node.put("code", incident.code());
    node.put("type", incident.type());
    node.put("reason", incident.reason());
    node.put("identified", incident.identified());
    node.put("successful", incident.successful());
    node.put("failed", incident.failed());
    node.put("restored", incident.restored());
    node.put("create", ApiDates.format(incident.created()));
    node.put("modified", ApiDates.format(incident.modified()));
    RemediationIncident.Criteria c = incident.criteria();
    ObjectNode criteria = node.putObject("searchCriteria");
    criteria.put("start", ApiDates.format(c.start()));
    criteria.put("end", ApiDates.format(c.end()));
    c.messageId().ifPresent(v -> criteria.put("messageId", v));
    c.fileHash().ifPresent(v -> criteria.put("fileHash", v));
    c.url().ifPresent(v -> criteria.put("url", v));
    criteria.put("unremediateCode", c.unremediateCode());
    criteria.put("restoreCode", c.restoreCode());
    return node;
  }
}
