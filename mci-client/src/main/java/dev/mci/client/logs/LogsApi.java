package dev.mci.client.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.AutoPager;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastTime;
import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.Json;
import dev.mci.client.internal.Operation;
import dev.mci.client.internal.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Protection and gateway logs. Obtain it from {@code MimecastClient.logs()}. Every method checks
 * its query before any call ({@link InvalidRequestException} names the offending value and the
 * allowed ones) and returns a lazy {@link AutoPager}: rows arrive page by page as iteration reaches
 * them, so a pull of millions of rows keeps memory flat. Thread-safe; every operation only reads.
 */
public final class LogsApi {

  /** {@code POST /api/ttp/url/get-logs}. */
  static final Operation URL_LOGS = Operation.readPaged("/api/ttp/url/get-logs");

  /** {@code POST /api/ttp/impersonation/get-logs}. */
  static final Operation IMPERSONATION_LOGS =
      Operation.readPaged("/api/ttp/impersonation/get-logs");

  /** {@code POST /api/ttp/attachment/get-logs}. */
  static final Operation ATTACHMENT_LOGS = Operation.readPaged("/api/ttp/attachment/get-logs");

  /** {@code POST /api/gateway/get-held-release-logs}. */
  static final Operation RELEASE_LOGS = Operation.readPaged("/api/gateway/get-held-release-logs");

  /** {@code POST /api/gateway/get-rejections}. */
  static final Operation REJECTIONS = Operation.readPaged("/api/gateway/get-rejections");

  /** {@code POST /api/gateway/get-hold-message-list}. */
  static final Operation HELD_MESSAGES = Operation.readPaged("/api/gateway/get-hold-message-list");

  /** How far back rejection logs go (reference 04 §5.1). */
  public static final Duration REJECTION_RETENTION = Duration.ofDays(7);

  /** Slack for a start computed as "7 days ago" a moment before the check. */
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

  private static final Set<String> URL_ROUTES = Set.of("inbound", "outbound", "internal", "all");
  private static final Set<String> SCAN_RESULTS = Set.of("clean", "malicious", "all");
  private static final Set<String> ATTACHMENT_ROUTES =
      Set.of("inbound", "outbound", "internal", "external", "all");
  private static final Set<String> ATTACHMENT_RESULTS =
      Set.of("safe", "malicious", "timeout", "error", "unsafe", "all");
  private static final Set<String> IMPERSONATION_FIELDS =
      Set.of("senderAddress", "recipientAddress", "subject", "policy", "all");

  /** The documented identifiers plus those of the API 2.0 schema (reference 04 §2.2). */
  public static final Set<String> IMPERSONATION_IDENTIFIERS =
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

  private static final Set<String> RELEASE_FIELDS =
      Set.of("all", "operator", "from", "to", "subject", "info", "heldReason");
  private static final Set<String> RELEASE_ROUTES =
      Set.of("all", "internal", "outbound", "inbound");
  private static final Set<String> RELEASE_STATUSES = Set.of("released", "rejected");
  private static final Set<String> REJECTION_FIELDS =
      Set.of("all", "from", "to", "type", "info", "remoteIp");
  private static final Set<String> HELD_FIELDS =
      Set.of("all", "subject", "sender", "recipient", "reasonCode", "reason_code", "senderIP");
  private static final Set<String> HELD_ROUTES =
      Set.of("all", "internal", "outbound", "inbound", "external");
  private static final Set<String> HELD_GROUPS = Set.of("administrator", "moderator", "user");

  private final Transport transport;

  /** Used by the client; not for direct use. */
  public LogsApi(Transport transport) {
    this.transport = transport;
  }

  /** URL Protect clicks and scans. */
  public AutoPager<UrlClick> urlLogs(UrlLogQuery query) {
    String endpoint = URL_LOGS.path();
    ObjectNode item =
        window(endpoint, query, "from", query.from(), "to", query.to(), query.pageSize());
    item.put("oldestFirst", query.oldestFirst());
    putIfSet(item, "route", Checks.oneOf(endpoint, "route", query.route(), URL_ROUTES));
    putIfSet(
        item, "scanResult", Checks.oneOf(endpoint, "scanResult", query.scanResult(), SCAN_RESULTS));
    return pager(URL_LOGS, item, query.pageSize(), envelope -> clicks(new Rows(envelope)));
  }

  /** Impersonation Protect detections. */
  public AutoPager<ImpersonationLog> impersonationLogs(ImpersonationLogQuery query) {
    String endpoint = IMPERSONATION_LOGS.path();
    ObjectNode item =
        window(endpoint, query, "from", query.from(), "to", query.to(), query.pageSize());
    String field = Checks.oneOf(endpoint, "searchField", query.searchField(), IMPERSONATION_FIELDS);
    Checks.search(endpoint, field, query.query());
    item.put("oldestFirst", query.oldestFirst());
    if (query.taggedMalicious() != null) {
      item.put("taggedMalicious", query.taggedMalicious());
    }
    putIfSet(item, "searchField", field);
    putIfSet(item, "query", query.query() == null ? null : query.query().strip());
    if (!query.identifiers().isEmpty()) {
      ArrayNode identifiers = item.putArray("identifiers");
      for (String identifier : query.identifiers()) {
        identifiers.add(
            Checks.oneOf(endpoint, "identifier", identifier, IMPERSONATION_IDENTIFIERS));
      }
    }
    if (!query.actions().isEmpty()) {
      ArrayNode actions = item.putArray("actions");
      query.actions().forEach(a -> actions.add(a.strip().toLowerCase(Locale.ROOT)));
    }
    return pager(
        IMPERSONATION_LOGS, item, query.pageSize(), envelope -> impersonations(new Rows(envelope)));
  }

  /** Attachment Protect verdicts. */
  public AutoPager<AttachmentLog> attachmentLogs(AttachmentLogQuery query) {
    String endpoint = ATTACHMENT_LOGS.path();
    ObjectNode item =
        window(endpoint, query, "from", query.from(), "to", query.to(), query.pageSize());
    item.put("oldestFirst", query.oldestFirst());
    putIfSet(item, "route", Checks.oneOf(endpoint, "route", query.route(), ATTACHMENT_ROUTES));
    putIfSet(item, "result", Checks.oneOf(endpoint, "result", query.result(), ATTACHMENT_RESULTS));
    return pager(
        ATTACHMENT_LOGS, item, query.pageSize(), envelope -> attachments(new Rows(envelope)));
  }

  /** Held messages that were released or rejected, and who did it. */
  public AutoPager<ReleaseLog> releaseLogs(ReleaseLogQuery query) {
    String endpoint = RELEASE_LOGS.path();
    ObjectNode item =
        window(endpoint, query, "start", query.start(), "end", query.end(), query.pageSize());
    String field = Checks.oneOf(endpoint, "searchBy field", query.searchField(), RELEASE_FIELDS);
    Checks.search(endpoint, field, query.searchValue());
    putSearchBy(item, field, query.searchValue());
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("route", Checks.oneOf(endpoint, "route", query.route(), RELEASE_ROUTES));
    filters.put("status", Checks.oneOf(endpoint, "status", query.status(), RELEASE_STATUSES));
    filters.put("attachments", query.attachments() == null ? null : query.attachments().toString());
    putFilters(item, filters);
    return pager(RELEASE_LOGS, item, query.pageSize(), envelope -> releases(new Rows(envelope)));
  }

  /**
   * Messages Mimecast rejected. Without a mailbox the client asks as administrator, so every
   * recipient's rejections are returned (without {@code admin}, Mimecast returns only the calling
   * account's own).
   *
   * @throws InvalidRequestException before any call when the window starts more than 7 days ago:
   *     rejection logs are kept for 7 days
   */
  public AutoPager<RejectionLog> rejections(RejectionLogQuery query) {
    String endpoint = REJECTIONS.path();
    ObjectNode item =
        window(endpoint, query, "start", query.start(), "end", query.end(), query.pageSize());
    Instant oldest = transport.clock().instant().minus(REJECTION_RETENTION).minus(CLOCK_SLACK);
    for (Instant bound : new Instant[] {query.start(), query.end()}) {
      if (bound != null && bound.isBefore(oldest)) {
        throw new InvalidRequestException(
            endpoint,
            "rejection logs only go back 7 days, but the window reaches "
                + bound
                + "; use --since 7d or later (older rejections are gone)");
      }
    }
    String field = Checks.oneOf(endpoint, "searchBy field", query.searchField(), REJECTION_FIELDS);
    Checks.search(endpoint, field, query.searchValue());
    if (query.mailbox() != null && !query.mailbox().isBlank()) {
      item.put("mailbox", query.mailbox().strip());
    } else {
      item.put("admin", true);
    }
    putSearchBy(item, field, query.searchValue());
    return pager(REJECTIONS, item, query.pageSize(), envelope -> rejectionRows(new Rows(envelope)));
  }

  /**
   * The hold queue now, for every recipient. (Listing only: MCI never releases or rejects.) The
   * held-message list lives here, next to the release logs that record how messages leave it.
   */
  public AutoPager<HeldMessage> heldMessages(HeldMessageQuery query) {
    String endpoint = HELD_MESSAGES.path();
    ObjectNode item =
        window(endpoint, query, "start", query.start(), "end", query.end(), query.pageSize());
    String field = Checks.oneOf(endpoint, "searchBy field", query.searchField(), HELD_FIELDS);
    Checks.search(endpoint, field, query.searchValue());
    item.put("admin", true);
    // The documented spelling is reason_code; reasonCode is accepted from callers too.
    putSearchBy(item, "reasonCode".equals(field) ? "reason_code" : field, query.searchValue());
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("route", Checks.oneOf(endpoint, "route", query.route(), HELD_ROUTES));
    filters.put("heldGroup", Checks.oneOf(endpoint, "heldGroup", query.heldGroup(), HELD_GROUPS));
    putFilters(item, filters);
    return pager(HELD_MESSAGES, item, query.pageSize(), envelope -> held(new Rows(envelope)));
  }

  // ---------------------------------------------------------------- request helpers

  private <T> AutoPager<T> pager(
      Operation operation, ObjectNode item, int pageSize, Function<Envelope, List<T>> rows) {
    return transport.pager(operation, List.of(item), pageSize, rows);
  }

  /**
   * Checks what every log query shares (present, a window that runs forwards, a page size in range)
   * and starts the request item with the window under the endpoint's own field names.
   */
  private static ObjectNode window(
      String endpoint,
      Object query,
      String startField,
      Instant start,
      String endField,
      Instant end,
      int pageSize) {
    if (query == null) {
      throw new InvalidRequestException(endpoint, "the query is missing");
    }
    Checks.window(endpoint, start, end);
    Checks.pageSize(endpoint, pageSize);
    ObjectNode item = Json.object();
    putDate(item, startField, start);
    putDate(item, endField, end);
    return item;
  }

  private static void putSearchBy(ObjectNode item, String field, String value) {
    if (field != null) {
      item.putObject("searchBy").put("fieldName", field).put("value", value.strip());
    }
  }

  private static void putDate(ObjectNode item, String field, Instant value) {
    if (value != null) {
      item.put(field, MimecastTime.format(value));
    }
  }

  private static void putIfSet(ObjectNode item, String field, String value) {
    if (value != null) {
      item.put(field, value);
    }
  }

  private static void putFilters(ObjectNode item, Map<String, String> filters) {
    ArrayNode list = null;
    for (Map.Entry<String, String> filter : filters.entrySet()) {
      if (filter.getValue() == null) {
        continue;
      }
      if (list == null) {
        list = item.putArray("filterBy");
      }
      list.addObject().put("fieldName", filter.getKey()).put("value", filter.getValue());
    }
  }

  // ---------------------------------------------------------------- response readers

  private static List<UrlClick> clicks(Rows rows) {
    List<UrlClick> clicks = new ArrayList<>();
    for (JsonNode row : rows.wrapped("clickLogs")) {
      clicks.add(
          new UrlClick(
              rows.date(row, "date"),
              rows.text(row, "userEmailAddress"),
              rows.text(row, "fromUserEmailAddress"),
              rows.text(row, "url"),
              rows.text(row, "ttpDefinition"),
              rows.text(row, "subject"),
              rows.text(row, "action"),
              rows.text(row, "actions"),
              rows.text(row, "adminOverride"),
              rows.text(row, "userOverride"),
              rows.text(row, "scanResult"),
              rows.text(row, "category"),
              rows.text(row, "sendingIp"),
              rows.text(row, "userAwarenessAction"),
              rows.text(row, "route"),
              rows.text(row, "creationMethod"),
              rows.texts(row, "emailPartsDescription"),
              rows.text(row, "messageId"),
              tagMap(row.get("tagMap"), rows)));
    }
    return clicks;
  }

  /** {@code tagMap}: scanner name to tag name to values; keys may hold colons. */
  private static Map<String, Map<String, List<String>>> tagMap(JsonNode node, Rows rows) {
    Map<String, Map<String, List<String>>> map = new LinkedHashMap<>();
    if (node == null || !node.isObject()) {
      return map;
    }
    for (Map.Entry<String, JsonNode> scanner : node.properties()) {
      Map<String, List<String>> tags = new LinkedHashMap<>();
      if (scanner.getValue().isObject()) {
        for (Map.Entry<String, JsonNode> tag : scanner.getValue().properties()) {
          tags.put(tag.getKey(), List.copyOf(rows.texts(scanner.getValue(), tag.getKey())));
        }
      }
      map.put(scanner.getKey(), Map.copyOf(tags));
    }
    return map;
  }

  private static List<ImpersonationLog> impersonations(Rows rows) {
    List<ImpersonationLog> logs = new ArrayList<>();
    for (JsonNode row : rows.wrapped("impersonationLogs")) {
      List<ImpersonationLog.ImpersonationResult> results = new ArrayList<>();
      for (JsonNode result : Json.elements(row, "impersonationResults")) {
        // Recordings carry objects; one schema sample has plain strings: keep those as the source.
        results.add(
            result.isValueNode()
                ? new ImpersonationLog.ImpersonationResult(result.asText(), null, null, null)
                : new ImpersonationLog.ImpersonationResult(
                    rows.text(result, "impersonationDomainSource"),
                    rows.text(result, "stringSimilarToDomain"),
                    rows.text(result, "similarDomain"),
                    rows.text(result, "checkerResult")));
      }
      logs.add(
          new ImpersonationLog(
              rows.text(row, "id"),
              rows.date(row, "eventTime"),
              rows.text(row, "senderAddress"),
              rows.text(row, "recipientAddress"),
              rows.text(row, "subject"),
              rows.text(row, "definition"),
              rows.integer(row, "hits"),
              rows.texts(row, "identifiers"),
              rows.text(row, "action"),
              rows.bool(row, "taggedExternal"),
              rows.bool(row, "taggedMalicious"),
              rows.text(row, "senderIpAddress"),
              results,
              rows.text(row, "messageId")));
    }
    return logs;
  }

  private static List<AttachmentLog> attachments(Rows rows) {
    List<AttachmentLog> logs = new ArrayList<>();
    for (JsonNode row : rows.wrapped("attachmentLogs")) {
      logs.add(
          new AttachmentLog(
              rows.date(row, "date"),
              rows.text(row, "senderAddress"),
              rows.text(row, "recipientAddress"),
              rows.text(row, "fileName"),
              rows.text(row, "fileType"),
              rows.text(row, "fileHash"),
              rows.text(row, "result"),
              rows.text(row, "actionTriggered"),
              rows.text(row, "route"),
              rows.text(row, "details"),
              rows.text(row, "messageId"),
              rows.text(row, "subject"),
              rows.text(row, "definition")));
    }
    return logs;
  }

  private static List<ReleaseLog> releases(Rows rows) {
    List<ReleaseLog> logs = new ArrayList<>();
    for (JsonNode row : rows.wrapped("heldReleaseLogs")) {
      JsonNode operator = row.get("operator");
      // Elastic's shape has a string; the API 2.0 schema sample an {email} object.
      String operatorAddress =
          operator != null && operator.isObject()
              ? rows.text(operator, "email")
              : rows.text(row, "operator");
      logs.add(
          new ReleaseLog(
              rows.text(row, "id"),
              rows.text(row, "status"),
              operatorAddress,
              rows.date(row, "released"),
              rows.text(row, "heldReason"),
              rows.text(row, "policy"),
              rows.text(row, "heldGroup"),
              rows.text(row, "messageInfo"),
              rows.text(row, "rejectReason"),
              rows.address(row.get("fromEnv")),
              rows.address(row.get("fromHdr")),
              rows.addresses(row.get("to")),
              rows.text(row, "subject"),
              rows.text(row, "route"),
              rows.number(row, "size"),
              rows.bool(row, "attachments"),
              rows.decimal(row, "spamScore"),
              rows.text(row, "detectionLevel"),
              spamProcessing(row.get("spamProcessingDetail"), rows)));
    }
    return logs;
  }

  private static ReleaseLog.SpamProcessing spamProcessing(JsonNode node, Rows rows) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode verdict = node.path("spamVerdict");
    return new ReleaseLog.SpamProcessing(
        check(node.get("spf"), rows),
        check(node.get("dkim"), rows),
        check(node.get("dmarc"), rows),
        check(node.get("rbl"), rows),
        check(node.get("managedSender"), rows),
        check(node.get("permittedSender"), rows),
        rows.bool(node, "greyEmail"),
        rows.text(verdict, "decision"),
        rows.text(verdict, "risk"));
  }

  private static ReleaseLog.Check check(JsonNode node, Rows rows) {
    return node == null || !node.isObject()
        ? null
        : new ReleaseLog.Check(rows.bool(node, "allow"), rows.text(node, "info"));
  }

  private static List<RejectionLog> rejectionRows(Rows rows) {
    List<RejectionLog> logs = new ArrayList<>();
    for (JsonNode row : rows.wrapped("rejections")) {
      logs.add(
          new RejectionLog(
              rows.text(row, "id"),
              rows.date(row, "created"),
              rows.text(row, "fromAddress"),
              rows.text(row, "toAddress"),
              rows.text(row, "toAddressPreCheck"),
              rows.text(row, "toAddressPostCheck"),
              rows.text(row, "ipAddress"),
              rows.text(row, "remoteName"),
              rows.text(row, "remoteEhlo"),
              rows.text(row, "info"),
              rows.text(row, "description"),
              rows.integer(row, "type"),
              rows.text(row, "detectionLevel"),
              rows.integer(row, "spamScore"),
              rows.bool(row, "manageRecipient")));
    }
    return logs;
  }

  private static List<HeldMessage> held(Rows rows) {
    List<HeldMessage> messages = new ArrayList<>();
    // A flat data[] of held messages; no wrapper key (reference 04 §6.1).
    for (JsonNode row : rows.flat()) {
      messages.add(
          new HeldMessage(
              rows.text(row, "id"),
              rows.date(row, "dateReceived"),
              rows.text(row, "subject"),
              rows.address(row.get("from")),
              rows.address(row.get("fromHeader")),
              rows.address(row.get("to")),
              rows.address(row.get("toHeader")),
              rows.text(row, "route"),
              rows.bool(row, "hasAttachments"),
              rows.number(row, "size"),
              rows.text(row, "reason"),
              rows.text(row, "reasonId"),
              rows.text(row, "reasonCode"),
              rows.text(row, "policyInfo")));
    }
    return messages;
  }
}
