package dev.mci.simulator.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiCall;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiFailure;
import dev.mci.simulator.core.ApiHandler;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.HttpReply;
import dev.mci.simulator.core.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * API 1.0 {@code POST /api/audit/get-siem-logs} (reference 05 §2): one log file per call, in order
 * through the published batch windows of the retention period and, inside a window, through the
 * Cloud Gateway types. The answer is the file ({@code application/octet-stream}, a zip when {@code
 * compress} is true) with the continuation token in {@code mc-siem-token} and the name in {@code
 * Content-Disposition}; once no newer file exists it is the JSON "caught up" envelope with {@code
 * meta.isLastToken}. An unknown or expired token gives {@code err_audit_siem_invalid_token} (HTTP
 * 200 with {@code fail[]}; the real status is UNVERIFIED). The file naming pattern is the
 * simulator's (UNVERIFIED).
 */
final class SiemLogFileEndpoint implements ApiHandler {

  /** The endpoint path. */
  static final String PATH = "/api/audit/get-siem-logs";

  /** The error code for a bad token (rapid7 constant, reference 05 §2.2). */
  static final String INVALID_TOKEN = "err_audit_siem_invalid_token";

  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final SiemLog log;
  private final Cursors cursors;
  private final DamagedFiles damaged;

  SiemLogFileEndpoint(SiemLog log, Cursors cursors, DamagedFiles damaged) {
    this.log = log;
    this.cursors = cursors;
    this.damaged = damaged;
  }

  @Override
  public ApiReply handle(ApiCall call) {
    // Only reached for the envelope answers; reply() builds everything.
    return ApiReply.ok(List.of());
  }

  @Override
  public HttpReply reply(ApiCall call) {
    ObjectNode item = call.nonEmptyItems().isEmpty() ? Json.object() : call.nonEmptyItems().get(0);
    Instant now = call.now();
    boolean json =
        Json.text(item, "fileFormat").map(f -> f.strip().equalsIgnoreCase("json")).orElse(false);
    boolean compress =
        Json.field(item, "compress")
            .map(n -> n.asBoolean() || n.asText().equalsIgnoreCase("true"))
            .orElse(false);
    long retentionStart = log.retentionStart(now);
    long window = retentionStart;
    int type = 0;
    int part = 0;
    Optional<String> token = Json.text(item, "token").map(String::strip).filter(t -> !t.isEmpty());
    if (token.isPresent()) {
      Optional<Cursors.Cursor> cursor = cursors.decode(PATH, token.get());
      if (cursor.isEmpty() || cursor.get().window() < retentionStart) {
        ApiReply failure =
            ApiReply.error(
                200,
                ApiFailure.of(
                    ApiError.of(
                        INVALID_TOKEN,
                        "The token is not valid or has expired; start again without a token")));
        return HttpReply.json(200, failure.toJson());
      }
      window = cursor.get().window();
      type = cursor.get().type();
      part = (int) cursor.get().index();
    }

    List<SiemType> types = SiemLog.CLOUD_GATEWAY;
    long published = log.firstUnpublished(now);
    // Move to the first file at or after the position.
    while (window < published) {
      if (type >= types.size()) {
        window++;
        type = 0;
        part = 0;
        continue;
      }
      if (part < log.parts(types.get(type), window)) {
        break;
      }
      type++;
      part = 0;
    }
    if (window >= published) {
      String resume = cursors.encode(PATH, new Cursors.Cursor(window, 0, 0, Cursors.filters(), 1));
      ObjectNode body = Json.object();
      ObjectNode meta = body.putObject("meta");
      meta.put("status", 200);
      meta.put("isLastToken", true);
      body.putArray("data");
      body.putArray("fail");
      return HttpReply.json(200, body).withHeader("mc-siem-token", resume);
    }

    SiemType logType = types.get(type);
    List<SiemEvent> events = log.file(logType, window, part);
    String next =
        cursors.encode(PATH, new Cursors.Cursor(window, type, part + 1L, Cursors.filters(), 1));
    String name =
        logType.legacyName().replace(' ', '_')
            + "_"
            + log.tenant().account().accountCode()
            + "_"
            + NAME_TIME.format(log.windowStart(window))
            + "_"
            + part
            + (json ? ".json" : ".log");
    byte[] content = EventWriter.legacyFile(events, json);
    if (compress) {
      content = EventWriter.zip(name, content);
      name = name + ".zip";
    }
    switch (damaged.legacyFile(logType, window, part, now)) {
      case CORRUPT -> content = EventWriter.corrupt(content);
      case TRUNCATED -> content = EventWriter.truncate(content);
      default -> {}
    }
    return HttpReply.bytes(200, "application/octet-stream", content)
        .withHeader("mc-siem-token", next)
        .withHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
  }
}
