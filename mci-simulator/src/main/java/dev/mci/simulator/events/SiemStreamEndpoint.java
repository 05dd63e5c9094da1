package dev.mci.simulator.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.HttpReply;
import dev.mci.simulator.core.IncomingRequest;
import dev.mci.simulator.core.RawCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /siem/v1/events/cg} (reference 05 §4): pages of events of every Cloud Gateway type
 * from the published batch windows of the last 24 hours, in window order and, inside a window, type
 * by type. Answers {@code value[]}, {@code @nextPage} (always), {@code @nextLink}, {@code pageSize}
 * (events in this page) and {@code isCaughtUp}. A {@code dateRangeStartsAt} older than 24 hours, or
 * a missing one without {@code nextPage}, answers 400. Events carry {@code type}/{@code subtype}
 * (the simulator's decision in 05 §4.2).
 */
final class SiemStreamEndpoint {

  /** The streaming path. */
  static final String PATH = "/siem/v1/events/cg";

  private static final int DEFAULT_PAGE_SIZE = 100;
  private static final int MAX_PAGE_SIZE = 1_000;

  private final SiemLog log;
  private final Cursors cursors;

  SiemStreamEndpoint(SiemLog log, Cursors cursors) {
    this.log = log;
    this.cursors = cursors;
  }

  HttpReply page(RawCall call) {
    IncomingRequest request = call.request();
    Instant now = call.now();
    long oldestWindow = log.windowOf(now.minus(SiemLog.STREAM_REACH).toEpochMilli());
    Optional<String> token = request.queryParameter("nextPage");
    long window;
    int type;
    long index;
    long startMillis;
    long endMillis;
    Optional<SiemType> only;
    int pageSize = pageSize(request);
    if (token.isPresent()) {
      Optional<Cursors.Cursor> cursor = cursors.decode(PATH, token.get());
      if (cursor.isEmpty() || cursor.get().window() < oldestWindow) {
        return SiemBatchEndpoint.badRequest(
            "err_siem_invalid_next_page",
            "nextPage is not a valid cursor or points more than 24 hours back");
      }
      window = cursor.get().window();
      type = cursor.get().type();
      index = cursor.get().index();
      startMillis = Long.MIN_VALUE;
      String end = Cursors.text(cursor.get().filters(), "end");
      endMillis = end == null ? Long.MAX_VALUE : Long.parseLong(end);
      only =
          Optional.ofNullable(Cursors.text(cursor.get().filters(), "type"))
              .flatMap(SiemType::fromWire);
    } else {
      Optional<String> start = request.queryParameter("dateRangeStartsAt");
      if (start.isEmpty()) {
        return SiemBatchEndpoint.badRequest(
            "err_validation_null", "dateRangeStartsAt is required without nextPage");
      }
      Instant from;
      Optional<Instant> to;
      try {
        from = Instant.parse(start.get());
        to = request.queryParameter("dateRangeEndsAt").map(Instant::parse);
      } catch (DateTimeParseException e) {
        return SiemBatchEndpoint.badRequest(
            "err_validation_invalid_date",
            "dateRangeStartsAt/EndsAt must be ISO 8601 UTC, e.g. 2025-03-04T09:00:00.000Z");
      }
      if (from.isBefore(now.minus(SiemLog.STREAM_REACH))) {
        return SiemBatchEndpoint.badRequest(
            "err_validation_invalid_date", "dateRangeStartsAt must be within the last 24 hours");
      }
      window = log.windowOf(from.toEpochMilli());
      type = 0;
      index = 0;
      startMillis = from.toEpochMilli();
      endMillis = to.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
      only = request.queryParameter("type").flatMap(SiemType::fromWire);
    }

    List<SiemType> types = SiemLog.CLOUD_GATEWAY;
    long published = log.firstUnpublished(now);
    ByteArrayOutputStream values = new ByteArrayOutputStream();
    int count = 0;
    boolean ended = false;
    try (JsonGenerator json =
        new com.fasterxml.jackson.core.JsonFactory().createGenerator(values)) {
      json.writeStartArray();
      outer:
      while (count < pageSize && window < published) {
        if (type >= types.size()) {
          window++;
          type = 0;
          index = 0;
          continue;
        }
        SiemType current = types.get(type);
        if (only.isPresent() && only.get() != current) {
          type++;
          index = 0;
          continue;
        }
        List<SiemEvent> chunk = log.events(current, window, (int) index, pageSize - count);
        if (chunk.isEmpty()) {
          type++;
          index = 0;
          continue;
        }
        for (SiemEvent event : chunk) {
          if (event.timestamp() > endMillis) {
            ended = true;
            break outer;
          }
          index++;
          if (event.timestamp() < startMillis) {
            continue;
          }
          EventWriter.writeEvent(json, event, window * 100_000 + index, (int) (window % 16));
          count++;
        }
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean caughtUp = ended || window >= published;
    ObjectNode filters = Cursors.filters();
    if (endMillis != Long.MAX_VALUE) {
      filters.put("end", Long.toString(endMillis));
    }
    only.ifPresent(t -> filters.put("type", t.wire()));
    String next = cursors.encode(PATH, new Cursors.Cursor(window, type, index, filters, pageSize));
    String link =
        SiemBatchEndpoint.baseUrl(request)
            + PATH
            + "?nextPage="
            + URLEncoder.encode(next, StandardCharsets.UTF_8);
    // The events are already JSON text; splice them in rather than re-parse them.
    String body =
        "{\"value\":"
            + values.toString(StandardCharsets.UTF_8)
            + ",\"@nextLink\":"
            + quote(link)
            + ",\"@nextPage\":"
            + quote(next)
            + ",\"pageSize\":"
            + count
            + ",\"isCaughtUp\":"
            + caughtUp
            + "}";
    return HttpReply.bytes(200, HttpReply.JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
}
