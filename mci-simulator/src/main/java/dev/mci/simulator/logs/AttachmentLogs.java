package dev.mci.simulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.PageCursor;
import dev.mci.simulator.tenant.AttachmentScan;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.TenantActivity;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/ttp/attachment/get-logs} (reference 04 §3): Attachment Protect verdicts in a
 * {@code from}/{@code to} window (default: start of the current UTC day to now), filtered by {@code
 * route} and {@code result} (both default {@code all}), newest first unless {@code oldestFirst}.
 * {@code fileHash} is the SHA-256 of the message's real attachment bytes.
 */
final class AttachmentLogs extends LogEndpoint<AttachmentLogs.Query> {

  private static final Set<String> ROUTES =
      Set.of("inbound", "outbound", "internal", "external", "all");

  /** Accepted {@code result} filters and the verdict flag each selects (-1: none). */
  private static final Map<String, Integer> RESULTS =
      Map.of(
          "safe",
          0,
          "clean",
          0,
          "malicious",
          1,
          "unsafe",
          1,
          "timeout",
          2,
          "error",
          3,
          "unknown",
          3);

  /** A normalized request. */
  record Query(Instant from, Instant to, boolean oldestFirst, String route, String result) {}

  private final Tenant tenant;
  private final TenantActivity activity;
  private final EventIndex scans;

  AttachmentLogs(Tenant tenant) {
    this.tenant = tenant;
    this.activity = tenant.activity();
    this.scans =
        new EventIndex(
            tenant,
            List.of(EventIndex.Lag.upTo(TenantActivity.MAX_SCAN_DELAY)),
            (message, sink) -> {
              for (AttachmentScan scan : activity.attachmentScans(message)) {
                sink.add(
                    scan.at(),
                    EventIndex.key(
                        message.index(),
                        scan.delivery().recipientIndex(),
                        scan.attachmentIndex(),
                        RESULTS.get(scan.result())));
              }
            });
  }

  @Override
  ObjectNode normalize(ObjectNode item, Instant now) {
    ObjectNode query = item.deepCopy();
    List<ApiError> errors = errors();
    ttpWindow(query, item, now, errors);
    query.put("route", oneOf(item, "route", ROUTES, "all", errors));
    Set<String> results = new HashSet<>(RESULTS.keySet());
    results.add("all");
    query.put("result", oneOf(item, "result", results, "all", errors));
    check(errors);
    return query;
  }

  @Override
  Query parse(JsonNode query) {
    return new Query(
        date(query, "from"),
        date(query, "to"),
        query.path("oldestFirst").asBoolean(false),
        query.path("route").asText("all"),
        query.path("result").asText("all").toLowerCase(Locale.ROOT));
  }

  @Override
  ApiReply answer(Query query, PageCursor cursor) {
    boolean inbound = query.route().equals("all") || query.route().equals("inbound");
    Integer wanted = RESULTS.get(query.result());
    EventIndex.Events events =
        scans.between(
            query.from(),
            query.to(),
            key -> inbound && (wanted == null || EventIndex.flags(key) == wanted));
    ObjectNode wrapper = Json.object();
    ArrayNode logs = wrapper.putArray("attachmentLogs");
    int count = Pages.walk(events, cursor, query.oldestFirst(), key -> logs.add(render(key)));
    return ApiReply.paged(List.of(wrapper), cursor.meta(count, events.size()));
  }

  private ObjectNode render(long key) {
    Message message = tenant.message(EventIndex.messageIndex(key));
    int recipient = EventIndex.recipient(key);
    int item = EventIndex.item(key);
    AttachmentScan scan =
        activity.attachmentScans(message).stream()
            .filter(s -> s.delivery().recipientIndex() == recipient && s.attachmentIndex() == item)
            .findFirst()
            .orElseThrow();
    ObjectNode row = Json.object();
    row.put("senderAddress", message.envelopeFrom().address());
    row.put("recipientAddress", scan.delivery().recipient().address());
    row.put("fileName", scan.file().fileName());
    row.put("fileType", scan.file().contentType());
    row.put("result", scan.result());
    row.put("actionTriggered", scan.actionTriggered());
    row.put("date", ApiDates.format(scan.at()));
    String verdict = Character.toUpperCase(scan.result().charAt(0)) + scan.result().substring(1);
    row.put(
        "details",
        String.format(
            Locale.ROOT,
            "%-50s\r\nTime taken: 0 hrs, %d min, %d sec",
            verdict,
            scan.secondsTaken() / 60,
            scan.secondsTaken() % 60));
    row.put("route", message.route().wire());
    row.put("messageId", message.messageIdHeader());
    row.put("subject", message.subject());
    row.put("fileHash", scan.file().sha256());
    row.put("definition", scan.definition());
    return row;
  }
}
