package dev.mci.client.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.ApiGeneration;
import dev.mci.client.AutoPager;
import dev.mci.client.Download;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.InvalidResponseException;
import dev.mci.client.MimecastTime;
import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.Json;
import dev.mci.client.internal.Operation;
import dev.mci.client.internal.Transport;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Event streaming (reference 05): API 2.0 SIEM batch files and streaming pages, API 1.0 SIEM log
 * files, and audit events on both generations. Obtain it from {@code MimecastClient.events()}.
 * Thread-safe.
 *
 * <p>Which interface to use (05 §1): batch files for bulk pulls and back-fill over the last 7 days
 * (API 2.0), streaming pages for a near-real-time tail over the last 24 hours (API 2.0), and {@link
 * #siemLogFile} on legacy API 1.0 keys. {@link EventType#WEB_SECURITY} has no verified Mimecast
 * contract: it is MCI's proposed record (05 §7), served by the MCI simulator through the batch
 * interface, and an error against a real tenant.
 */
public final class EventsApi {

  /** {@code GET /siem/v1/batch/events/cg}: one page of batch file URLs for one type. */
  static final Operation BATCH = Operation.read("/siem/v1/batch/events/cg");

  /** {@code GET /siem/v1/events/cg}: one page of events of the last 24 hours. */
  static final Operation STREAM = Operation.read("/siem/v1/events/cg");

  /** {@code POST /api/audit/get-siem-logs} (API 1.0 only): one log file per call. */
  static final Operation SIEM_LOGS = Operation.read("/api/audit/get-siem-logs");

  /** {@code POST /api/audit/get-audit-events}: paged audit events. */
  static final Operation AUDIT_EVENTS = Operation.readPaged("/api/audit/get-audit-events");

  /** {@code POST /api/audit/get-categories}. */
  static final Operation AUDIT_CATEGORIES = Operation.read("/api/audit/get-categories");

  /** How far back batch files reach. */
  public static final Duration BATCH_REACH = Duration.ofDays(7);

  /** How far back the streaming endpoint reaches. */
  public static final Duration STREAM_REACH = Duration.ofHours(24);

  /** Largest batch listing page the client asks for. */
  public static final int MAX_BATCH_PAGE = 100;

  private static final DateTimeFormatter STREAM_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Transport transport;

  /** Used by the client; not for direct use. */
  public EventsApi(Transport transport) {
    this.transport = transport;
  }

  /**
   * One page of batch files of {@code type} from {@code startDay} (UTC), or from where {@code
   * nextPage} points. Persist {@link BatchPage#nextPage()} as the cursor of that type.
   *
   * @param startDay first day to include, at most 7 days back; ignored with a cursor; null for the
   *     oldest retained day
   * @param nextPage the cursor of the previous page, or null
   * @param pageSize files per page, 1 to 100
   * @throws InvalidRequestException before any call for API 1.0 credentials, a start day more than
   *     7 days back or a bad page size
   */
  public BatchPage batch(EventType type, LocalDate startDay, String nextPage, int pageSize) {
    requireApi2(BATCH);
    if (pageSize < 1 || pageSize > MAX_BATCH_PAGE) {
      throw new InvalidRequestException(
          BATCH.path(), "pageSize must be 1 to " + MAX_BATCH_PAGE + ", got " + pageSize);
    }
    Map<String, String> query = new LinkedHashMap<>();
    if (nextPage != null && !nextPage.isBlank()) {
      query.put("nextPage", nextPage.strip());
    } else {
      if (type == null) {
        throw new InvalidRequestException(BATCH.path(), "give a log type (or a nextPage cursor)");
      }
      query.put("type", type.wire());
      if (startDay != null) {
        LocalDate oldest =
            LocalDate.ofInstant(transport.clock().instant().minus(BATCH_REACH), ZoneOffset.UTC);
        if (startDay.isBefore(oldest)) {
          throw new InvalidRequestException(
              BATCH.path(),
              "start day "
                  + startDay
                  + " is more than 7 days back; batch files only reach "
                  + oldest);
        }
        query.put("dateRangeStartsAt", startDay.toString());
      }
    }
    query.put("pageSize", Integer.toString(pageSize));
    JsonNode json = transport.get(BATCH, query);
    List<BatchFile> files = new ArrayList<>();
    for (JsonNode value : Json.elements(json, "value")) {
      files.add(batchFile(value));
    }
    return new BatchPage(
        files,
        Optional.ofNullable(Json.text(json, "@nextPage")).filter(t -> !t.isBlank()),
        Boolean.TRUE.equals(Json.bool(json, "isCaughtUp")));
  }

  /**
   * Opens a batch file: the gzip bytes as a stream (read them with {@link EventFiles#readBatch}).
   *
   * @throws dev.mci.client.DownloadUrlExpiredException when the URL expired: list the page again
   */
  public Download openBatchFile(BatchFile file) {
    return transport.fetch(BATCH, file.url());
  }

  /**
   * One page of the streaming endpoint, from {@code start} (within the last 24 hours) or from a
   * cursor.
   *
   * @param start where to start; ignored with a cursor
   * @param nextPage the previous page's cursor, or null
   * @param pageSize events per page, 1 to 1,000
   * @throws InvalidRequestException before any call for API 1.0 credentials, or a start more than
   *     24 hours back
   */
  public StreamPage stream(Instant start, String nextPage, int pageSize) {
    requireApi2(STREAM);
    if (pageSize < 1 || pageSize > 1_000) {
      throw new InvalidRequestException(STREAM.path(), "pageSize must be 1 to 1000");
    }
    Map<String, String> query = new LinkedHashMap<>();
    if (nextPage != null && !nextPage.isBlank()) {
      query.put("nextPage", nextPage.strip());
    } else {
      Instant oldest = transport.clock().instant().minus(STREAM_REACH);
      if (start == null || start.isBefore(oldest)) {
        throw new InvalidRequestException(
            STREAM.path(),
            "the streaming endpoint needs a start within the last 24 hours (got "
                + start
                + "); use batch files for older events");
      }
      query.put("dateRangeStartsAt", STREAM_TIME.format(start));
    }
    query.put("pageSize", Integer.toString(pageSize));
    JsonNode json = transport.get(STREAM, query);
    List<SiemEvent> events = new ArrayList<>();
    for (JsonNode value : Json.elements(json, "value")) {
      if (value.isObject()) {
        events.add(SiemEvent.fromJson((ObjectNode) value));
      }
    }
    return new StreamPage(
        events,
        Optional.ofNullable(Json.text(json, "@nextPage")).filter(t -> !t.isBlank()),
        Boolean.TRUE.equals(Json.bool(json, "isCaughtUp")));
  }

  /**
   * One API 1.0 SIEM log file, asked for in the {@code json} format (the {@code key_value} escaping
   * rules are UNVERIFIED). Without a token the first call starts at the oldest retained file.
   *
   * @param token the {@code mc-siem-token} of the previous file, or null
   * @param compress whether to ask for a zip archive
   * @throws InvalidRequestException before any call for API 2.0 credentials (the endpoint exists on
   *     API 1.0 hosts only)
   */
  public SiemLogResult siemLogFile(String token, boolean compress) {
    if (transport.generation() != ApiGeneration.V1_HMAC) {
      throw new InvalidRequestException(
          SIEM_LOGS.path(),
          "get-siem-logs exists on API 1.0 only; with API 2.0 credentials use the batch files"
              + " (batch) or the streaming pages (stream)");
    }
    ObjectNode item = Json.object();
    item.put("type", "MTA");
    item.put("fileFormat", "json");
    item.put("compress", compress);
    if (token != null && !token.isBlank()) {
      item.put("token", token.strip());
    }
    Transport.FileOrEnvelope answer = transport.fileOrEnvelope(SIEM_LOGS, List.of(item));
    Optional<String> nextToken = answer.header("mc-siem-token").filter(t -> !t.isBlank());
    if (answer.envelope().isPresent()) {
      return new SiemLogResult.CaughtUp(nextToken);
    }
    Download download = answer.file().orElseThrow();
    if (nextToken.isEmpty()) {
      download.close();
      throw new InvalidResponseException(
          SIEM_LOGS.path(),
          download.requestId(),
          "a log file came without the mc-siem-token header, so the pull cannot continue",
          null);
    }
    return new SiemLogResult.LogFile(
        download, nextToken.get(), download.suggestedFileName(), compress);
  }

  /**
   * Audit events, oldest first as the server pages them, fetched lazily.
   *
   * @throws InvalidRequestException before any call for an inverted window or a bad page size
   */
  public AutoPager<AuditEvent> auditEvents(AuditQuery query) {
    if (!query.start().isBefore(query.end())) {
      throw new InvalidRequestException(
          AUDIT_EVENTS.path(), "start " + query.start() + " is not before end " + query.end());
    }
    if (query.pageSize() < 1 || query.pageSize() > 500) {
      throw new InvalidRequestException(AUDIT_EVENTS.path(), "pageSize must be 1 to 500");
    }
    ObjectNode item = Json.object();
    item.put("startDateTime", MimecastTime.format(query.start()));
    item.put("endDateTime", MimecastTime.format(query.end()));
    if (query.query() != null && !query.query().isBlank()) {
      item.put("query", query.query());
    }
    if (!query.categories().isEmpty()) {
      ArrayNode categories = item.putArray("categories");
      query.categories().forEach(categories::add);
    }
    return transport.pager(AUDIT_EVENTS, List.of(item), query.pageSize(), EventsApi::auditEvents);
  }

  /** The audit category codes ({@code /api/audit/get-categories}). */
  public List<String> auditCategories() {
    Envelope envelope = transport.call(AUDIT_CATEGORIES, List.of());
    List<String> codes = new ArrayList<>();
    for (JsonNode item : envelope.data()) {
      String code = Json.text(item, "code");
      if (code != null) {
        codes.add(code);
      }
    }
    return codes;
  }

  private static List<AuditEvent> auditEvents(Envelope envelope) {
    List<AuditEvent> events = new ArrayList<>();
    for (JsonNode item : envelope.data()) {
      Instant time = null;
      String text = Json.text(item, "eventTime");
      if (text != null) {
        try {
          time = MimecastTime.parse(text);
        } catch (IllegalArgumentException e) {
          throw new InvalidResponseException(
              envelope.endpoint(), envelope.requestId(), "eventTime is not a date: " + text, e);
        }
      }
      events.add(
          new AuditEvent(
              Json.text(item, "id"),
              Json.text(item, "auditType"),
              Json.text(item, "user"),
              time,
              Json.text(item, "eventInfo"),
              Json.text(item, "category")));
    }
    return events;
  }

  private BatchFile batchFile(JsonNode value) {
    String url = Json.text(value, "url");
    if (url == null) {
      throw new InvalidResponseException(
          BATCH.path(), null, "a batch listing entry has no url", null);
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new InvalidResponseException(BATCH.path(), null, "a batch file URL is malformed", e);
    }
    Instant expiry = null;
    String expiryText = Json.text(value, "expiry");
    if (expiryText != null) {
      try {
        expiry = Instant.parse(expiryText);
      } catch (java.time.format.DateTimeParseException lenient) {
        expiry = null;
      }
    }
    JsonNode size = value.get("size");
    return new BatchFile(
        uri,
        expiry,
        size != null && size.canConvertToLong()
            ? OptionalLong.of(size.longValue())
            : OptionalLong.empty());
  }

  private void requireApi2(Operation operation) {
    if (transport.generation() != ApiGeneration.V2_OAUTH) {
      throw new InvalidRequestException(
          operation.path(),
          "the SIEM batch and streaming endpoints exist on API 2.0 only; with API 1.0 keys use"
              + " get-siem-logs (siemLogFile)");
    }
  }
}
