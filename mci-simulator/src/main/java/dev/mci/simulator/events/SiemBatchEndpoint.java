package dev.mci.simulator.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ErrorBodies;
import dev.mci.simulator.core.HttpReply;
import dev.mci.simulator.core.IncomingRequest;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.RawCall;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code GET /siem/v1/batch/events/cg} (reference 05 §3) and the pre-signed file downloads it
 * points at. A listing walks the published batch windows of one log type from {@code
 * dateRangeStartsAt} (or the cursor) and answers {@code value[]} of {@code {url, expiry, size}},
 * {@code @nextPage} (always, so a caught-up collector can poll again later) and {@code isCaughtUp}.
 * The URLs are served by the simulator itself without authentication, S3 style: a download after
 * {@code expiry} or with a wrong signature answers 403 with an S3 XML error; the body is gzip
 * NDJSON.
 */
final class SiemBatchEndpoint {

  /** The listing path. */
  static final String PATH = "/siem/v1/batch/events/cg";

  /** Prefix of the pre-signed file URLs. */
  static final String FILES = "/siem-batches/";

  /** Page size when the request has none (Sekoia uses 100). */
  static final int DEFAULT_PAGE_SIZE = 100;

  /** Largest page size; larger requests are clamped (the real maximum is UNVERIFIED). */
  static final int MAX_PAGE_SIZE = 500;

  /** Rough compressed size of one event, for {@code size} (the file is built on download). */
  private static final int BYTES_PER_EVENT = 110;

  private static final Pattern FILE_PATH =
      Pattern.compile(
          "/siem-batches/([^/]+)/([a-z-]+)/(\\d{4}-\\d{2}-\\d{2})/(\\d+)-(\\d+)\\.json\\.gz");
  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final SiemLog log;
  private final Cursors cursors;
  private final DamagedFiles damaged;
  private final byte[] signingKey;

  SiemBatchEndpoint(SiemLog log, Cursors cursors, DamagedFiles damaged) {
    this.log = log;
    this.cursors = cursors;
    this.damaged = damaged;
    this.signingKey =
        ("mci-simulator/siem-batches/" + log.tenant().seed()).getBytes(StandardCharsets.UTF_8);
  }

  /** Answers a listing. */
  HttpReply list(RawCall call) {
    IncomingRequest request = call.request();
    Instant now = call.now();
    long retentionStart = log.retentionStart(now);
    Optional<String> token = request.queryParameter("nextPage");
    SiemType type;
    long window;
    int part;
    Optional<LocalDate> endDay;
    int pageSize = pageSize(request);
    if (token.isPresent()) {
      Optional<Cursors.Cursor> cursor = cursors.decode(PATH, token.get());
      if (cursor.isEmpty()) {
        return badRequest("err_siem_invalid_next_page", "nextPage is not a valid cursor");
      }
      if (cursor.get().window() < retentionStart) {
        return badRequest(
            "err_siem_invalid_next_page",
            "nextPage points before the 7-day retention period; start again from a date");
      }
      type = SiemType.values()[cursor.get().type()];
      window = cursor.get().window();
      part = (int) cursor.get().index();
      endDay =
          Optional.ofNullable(Cursors.text(cursor.get().filters(), "end")).map(LocalDate::parse);
    } else {
      Optional<String> typeText = request.queryParameter("type");
      if (typeText.isEmpty()) {
        return badRequest("err_validation_null", "type is required (one log type per call)");
      }
      Optional<SiemType> parsed = SiemType.fromWire(typeText.get());
      if (parsed.isEmpty() || (parsed.get() == SiemType.WEB_SECURITY && !webSecurityOn())) {
        return badRequest(
            "err_validation_value_not_allowed",
            "type '" + typeText.get() + "' is not a Cloud Gateway log type");
      }
      type = parsed.get();
      Optional<LocalDate> startDay;
      try {
        startDay = request.queryParameter("dateRangeStartsAt").map(LocalDate::parse);
        endDay = request.queryParameter("dateRangeEndsAt").map(LocalDate::parse);
      } catch (DateTimeParseException e) {
        return badRequest(
            "err_validation_invalid_date", "dateRangeStartsAt/EndsAt must be yyyy-MM-dd");
      }
      LocalDate oldest = LocalDate.ofInstant(now.minus(SiemLog.RETENTION), ZoneOffset.UTC);
      if (startDay.isPresent() && startDay.get().isBefore(oldest)) {
        return badRequest(
            "err_validation_invalid_date",
            "dateRangeStartsAt "
                + startDay.get()
                + " is more than 7 days ago (oldest: "
                + oldest
                + ")");
      }
      window =
          Math.max(
              retentionStart,
              startDay
                  .map(d -> log.windowOf(d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()))
                  .orElse(retentionStart));
      part = 0;
    }

    String base = baseUrl(request);
    long published = log.firstUnpublished(now);
    long endWindow =
        endDay
            .map(
                d ->
                    log.windowOf(
                        d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()))
            .orElse(Long.MAX_VALUE);
    long stop = Math.min(published, endWindow);
    ArrayNode value = Json.array();
    long w = window;
    int p = part;
    while (w < stop && value.size() < pageSize) {
      int parts = log.parts(type, w);
      if (p < parts) {
        value.add(file(base, type, w, p, now));
        p++;
      }
      if (p >= parts) {
        w++;
        p = 0;
      }
    }
    boolean caughtUp = w >= stop;
    ObjectNode filters = Cursors.filters();
    endDay.ifPresent(d -> filters.put("end", d.toString()));
    String next = cursors.encode(PATH, new Cursors.Cursor(w, type.ordinal(), p, filters, pageSize));
    if (log.config().loopingCursor() && token.isPresent()) {
      next = token.get();
      caughtUp = false;
    }
    ObjectNode body = Json.object();
    body.set("value", value);
    body.put("@nextPage", next);
    body.put("isCaughtUp", caughtUp);
    return HttpReply.json(200, body);
  }

  /** Serves a pre-signed file URL. */
  HttpReply download(RawCall call) {
    IncomingRequest request = call.request();
    Matcher matcher = FILE_PATH.matcher(request.path());
    Optional<String> expires = request.queryParameter("Expires");
    Optional<String> signature = request.queryParameter("Signature");
    if (!matcher.matches() || expires.isEmpty() || signature.isEmpty()) {
      return s3Error(403, "AccessDenied", "Request is not a valid pre-signed URL");
    }
    long expiry;
    try {
      expiry = Long.parseLong(expires.get());
    } catch (NumberFormatException e) {
      return s3Error(403, "AccessDenied", "Expires is malformed");
    }
    if (!signature.get().equals(sign(request.path(), expiry))) {
      return s3Error(
          403, "SignatureDoesNotMatch", "The request signature we calculated does not match");
    }
    if (call.now().toEpochMilli() > expiry) {
      return s3Error(403, "AccessDenied", "Request has expired");
    }
    Optional<SiemType> type = SiemType.fromWire(matcher.group(2));
    long window = Long.parseLong(matcher.group(4));
    int part = Integer.parseInt(matcher.group(5));
    if (type.isEmpty()
        || window >= log.firstUnpublished(call.now())
        || part >= log.parts(type.get(), window)) {
      return s3Error(404, "NoSuchKey", "The specified key does not exist.");
    }
    List<SiemEvent> events = log.file(type.get(), window, part);
    long firstOffset = Math.floorMod(window * 1_000_003L + type.get().ordinal() * 7919L, 1L << 40);
    byte[] body =
        EventWriter.batchFile(
            events,
            firstOffset + (long) part * log.config().maxEventsPerFile(),
            (int) (window % 16));
    switch (damaged.batchFile(type.get(), window, part, call.now())) {
      case CORRUPT -> body = EventWriter.corrupt(body);
      case TRUNCATED -> body = EventWriter.truncate(body);
      default -> {}
    }
    return HttpReply.bytes(200, "application/gzip", body);
  }

  private ObjectNode file(String base, SiemType type, long window, int part, Instant now) {
    Instant start = log.windowStart(window);
    String path =
        FILES
            + log.tenant().account().accountCode()
            + "/"
            + type.wire().replace(' ', '-')
            + "/"
            + LocalDate.ofInstant(start, ZoneOffset.UTC)
            + "/"
            + window
            + "-"
            + part
            + ".json.gz";
    long expiry = now.plus(log.config().urlTtl()).toEpochMilli();
    int events =
        Math.min(
            log.config().maxEventsPerFile(),
            log.count(type, window) - part * log.config().maxEventsPerFile());
    ObjectNode file = Json.object();
    file.put("url", base + path + "?Expires=" + expiry + "&Signature=" + sign(path, expiry));
    file.put("expiry", EXPIRY.format(Instant.ofEpochMilli(expiry)));
    file.put("size", 200L + (long) events * BYTES_PER_EVENT);
    return file;
  }

  private boolean webSecurityOn() {
    return log.config().webSecurityRequestsPerUserPerDay() > 0;
  }

  private String sign(String path, long expiry) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
      byte[] digest = mac.doFinal((path + "|" + expiry).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static int pageSize(IncomingRequest request) {
    try {
      int size =
          request.queryParameter("pageSize").map(Integer::parseInt).orElse(DEFAULT_PAGE_SIZE);
      return size < 1 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
    } catch (NumberFormatException e) {
      return DEFAULT_PAGE_SIZE;
    }
  }

  /** {@code http://} plus the request's {@code Host}, so URLs point back at this listener. */
  static String baseUrl(IncomingRequest request) {
    return "http://" + request.header("Host").orElse("127.0.0.1");
  }

  static HttpReply badRequest(String code, String message) {
    return ErrorBodies.flat(400, code, message);
  }

  private static HttpReply s3Error(int status, String code, String message) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message></Error>";
    return HttpReply.bytes(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
  }
}
