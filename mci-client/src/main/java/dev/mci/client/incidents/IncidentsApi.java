package dev.mci.client.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.AutoPager;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastApiException;
import dev.mci.client.MimecastTime;
import dev.mci.client.NotFoundException;
import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.Json;
import dev.mci.client.internal.Operation;
import dev.mci.client.internal.Transport;
import dev.mci.client.internal.UnknownIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Remediation incidents: get one by id, or find them by time and type. Obtain it from {@code
 * MimecastClient.incidents()}. Thread-safe; only reads.
 */
public final class IncidentsApi {

  /** {@code POST /api/ttp/remediation/get-incident}. */
  static final Operation GET_INCIDENT = Operation.read("/api/ttp/remediation/get-incident");

  /** {@code POST /api/ttp/remediation/find-incidents}. */
  static final Operation FIND_INCIDENTS =
      Operation.readPaged("/api/ttp/remediation/find-incidents");

  /** How long Mimecast keeps incident records (reference 03 §3). */
  public static final Duration RETENTION = Duration.ofDays(365);

  private static final Set<String> TYPES = Set.of("manual", "automatic", "notify_only", "restored");

  private final Transport transport;

  /** Used by the client; not for direct use. */
  public IncidentsApi(Transport transport) {
    this.transport = transport;
  }

  /**
   * The incident with this id.
   *
   * @throws InvalidRequestException before any call when the id is blank
   * @throws NotFoundException when Mimecast knows no such incident (it answers an unknown id with
   *     {@code xdk_failure} "0007 Invalid token")
   */
  public Incident get(String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidRequestException(
          GET_INCIDENT.path(), "the incident id is missing; find ids with find-incidents");
    }
    ObjectNode item = Json.object();
    item.put("id", id.strip());
    Envelope envelope;
    try {
      envelope = transport.call(GET_INCIDENT, List.of(item));
    } catch (MimecastApiException e) {
      throw UnknownIds.translate(
          e, "remediation incident", id.strip(), "find incident ids with find-incidents");
    }
    List<Incident> incidents = new ArrayList<>();
    for (JsonNode node : envelope.data()) {
      incidents.add(incident(node, envelope));
    }
    if (incidents.isEmpty()) {
      throw new NotFoundException(
          GET_INCIDENT.path(),
          envelope.requestId(),
          200,
          List.of(),
          "no remediation incident has the id '" + id.strip() + "' (empty answer)");
    }
    return incidents.get(0);
  }

  /**
   * Incidents created in a window, optionally of some types.
   *
   * @throws InvalidRequestException before any call for an unknown type, an inverted window or a
   *     start more than a year back (incident records are kept for one year)
   */
  public AutoPager<Incident> find(IncidentQuery query) {
    String endpoint = FIND_INCIDENTS.path();
    if (query == null) {
      throw new InvalidRequestException(endpoint, "the query is missing");
    }
    if (query.pageSize() < 1 || query.pageSize() > 500) {
      throw new InvalidRequestException(
          endpoint, "pageSize must be between 1 and 500, got " + query.pageSize());
    }
    Instant now = transport.clock().instant();
    Instant start = query.start() != null ? query.start() : now.minus(RETENTION);
    if (start.isBefore(now.minus(RETENTION).minus(Duration.ofDays(1)))) {
      throw new InvalidRequestException(
          endpoint,
          "start (--since) "
              + start
              + " is more than a year back: incident records are kept for one year");
    }
    if (query.end() != null && start.isAfter(query.end())) {
      throw new InvalidRequestException(
          endpoint,
          "start (--since) " + start + " is after end (--until) " + query.end() + ": swap them");
    }
    List<String> types = new ArrayList<>();
    for (String type : query.types()) {
      String value = type.strip().toLowerCase(Locale.ROOT);
      if (!TYPES.contains(value)) {
        throw new InvalidRequestException(
            endpoint,
            "type '"
                + type
                + "' is not one of automatic, manual, notify_only, restored"
                + (value.startsWith("notif") ? " (notifications are notify_only)" : ""));
      }
      types.add(value);
    }
    ObjectNode item = Json.object();
    item.put("start", MimecastTime.format(start));
    if (query.end() != null) {
      item.put("end", MimecastTime.format(query.end()));
    }
    if (!types.isEmpty()) {
      item.putObject("filterBy").put("fieldName", "type").put("value", String.join(",", types));
    }
    return transport.pager(
        FIND_INCIDENTS,
        List.of(item),
        query.pageSize(),
        envelope -> {
          List<Incident> incidents = new ArrayList<>();
          for (JsonNode element : envelope.data()) {
            for (JsonNode node : Json.elements(element, "incidents")) {
              incidents.add(incident(node, envelope));
            }
          }
          return incidents;
        });
  }

  private static Incident incident(JsonNode node, Envelope envelope) {
    JsonNode criteria = node.path("searchCriteria");
    List<String> messageIds = new ArrayList<>();
    Json.elements(criteria, "messageIds").forEach(m -> messageIds.add(m.asText()));
    return new Incident(
        Json.text(node, "id"),
        Json.text(node, "code"),
        Json.text(node, "type"),
        Json.text(node, "reason"),
        integer(node, "identified"),
        integer(node, "successful"),
        integer(node, "failed"),
        integer(node, "restored"),
        envelope.date(node, "create"),
        envelope.date(node, "modified"),
        criteria.isObject()
            ? new Incident.SearchCriteria(
                Json.text(criteria, "from"),
                Json.text(criteria, "to"),
                // The get-incident skeleton names it "date"; recorded data uses "start".
                envelope.date(criteria, criteria.has("start") ? "start" : "date"),
                envelope.date(criteria, "end"),
                Json.text(criteria, "messageId"),
                messageIds,
                Json.text(criteria, "fileHash"),
                Json.text(criteria, "url"),
                Json.text(criteria, "unremediateCode"),
                Json.text(criteria, "restoreCode"))
            : null);
  }

  private static Integer integer(JsonNode node, String field) {
    OptionalInt value = Json.integer(node, field);
    return value.isPresent() ? value.getAsInt() : null;
  }
}
