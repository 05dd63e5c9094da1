package dev.mci.simulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.PageCursor;
import dev.mci.simulator.tenant.BackgroundClicks;
import dev.mci.simulator.tenant.Click;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.MessageUrl;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.TenantActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/ttp/url/get-logs} (reference 04 §1): URL Protect clicks in a {@code from}/{@code
 * to} window (default: the start of the current UTC day to now), newest first unless {@code
 * oldestFirst}, filtered by {@code route} and {@code scanResult} (both default {@code all}), paged.
 * Rows are the tenant's real clicks merged in time order with the configured volume of background
 * clicks.
 */
final class UrlLogs extends LogEndpoint<UrlLogs.Query> {

  private static final int MALICIOUS = 1;
  private static final Set<String> ROUTES = Set.of("inbound", "outbound", "internal", "all");
  private static final Set<String> SCAN_RESULTS = Set.of("clean", "malicious", "all");

  /** A normalized request. */
  record Query(Instant from, Instant to, boolean oldestFirst, String route, String scanResult) {}

  private final Tenant tenant;
  private final TenantActivity activity;
  private final BackgroundClicks background;
  private final EventIndex clicks;

  UrlLogs(Tenant tenant, BackgroundClicks background) {
    this.tenant = tenant;
    this.activity = tenant.activity();
    this.background = background;
    this.clicks =
        new EventIndex(
            tenant,
            List.of(EventIndex.Lag.upTo(TenantActivity.MAX_CLICK_DELAY)),
            (message, sink) -> {
              for (Click click : activity.clicks(message)) {
                sink.add(
                    click.at(),
                    EventIndex.key(
                        message.index(),
                        click.delivery().recipientIndex(),
                        click.urlIndex(),
                        click.scanResult().equals("malicious") ? MALICIOUS : 0));
              }
            });
  }

  @Override
  ObjectNode normalize(ObjectNode item, Instant now) {
    ObjectNode query = item.deepCopy();
    List<ApiError> errors = errors();
    ttpWindow(query, item, now, errors);
    query.put("route", oneOf(item, "route", ROUTES, "all", errors));
    query.put("scanResult", oneOf(item, "scanResult", SCAN_RESULTS, "all", errors));
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
        query.path("scanResult").asText("all"));
  }

  @Override
  ApiReply answer(Query query, PageCursor cursor) {
    boolean inbound = query.route().equals("all") || query.route().equals("inbound");
    EventIndex.Events natural =
        clicks.between(
            query.from(),
            query.to(),
            key ->
                inbound
                    && switch (query.scanResult()) {
                      case "clean" -> (EventIndex.flags(key) & MALICIOUS) == 0;
                      case "malicious" -> (EventIndex.flags(key) & MALICIOUS) != 0;
                      default -> true;
                    });
    long bgFrom = 0;
    long bgTo = 0;
    if (inbound && !query.scanResult().equals("malicious") && !query.from().isAfter(query.to())) {
      bgFrom = background.firstAtOrAfter(query.from().getEpochSecond());
      bgTo = background.firstAtOrAfter(query.to().getEpochSecond() + 1);
    }
    Merged merged = new Merged(natural, bgFrom, bgTo);
    long total = merged.size();
    int count = (int) Math.max(0, Math.min(cursor.pageSize(), total - cursor.offset()));
    long first = query.oldestFirst() ? cursor.offset() : total - cursor.offset() - count;
    List<ObjectNode> rows = new ArrayList<>(count);
    merged.walk(first, count, (isNatural, position) -> rows.add(render(isNatural, position)));
    if (!query.oldestFirst()) {
      Collections.reverse(rows);
    }
    ObjectNode wrapper = Json.object();
    ArrayNode logs = wrapper.putArray("clickLogs");
    rows.forEach(logs::add);
    return ApiReply.paged(List.of(wrapper), cursor.meta(count, total));
  }

  private ObjectNode render(boolean isNatural, long position) {
    if (!isNatural) {
      BackgroundClicks.Row click = background.row(position);
      ObjectNode row = Json.object();
      row.put("userEmailAddress", click.user().address());
      common(row, click.url(), "allow", "N/A", "None", "clean", "N/A", click.at());
      return row;
    }
    Message message = tenant.message(EventIndex.messageIndex(position));
    int recipient = EventIndex.recipient(position);
    int item = EventIndex.item(position);
    Click click =
        activity.clicks(message).stream()
            .filter(c -> c.delivery().recipientIndex() == recipient && c.urlIndex() == item)
            .findFirst()
            .orElseThrow();
    ObjectNode row = Json.object();
    row.put("userEmailAddress", click.user().address());
    row.put("fromUserEmailAddress", message.headerFrom().address());
    row.put("subject", message.subject());
    row.put("sendingIp", message.senderIp());
    row.put("messageId", message.messageIdHeader());
    common(
        row,
        click.url(),
        click.action(),
        click.adminOverride(),
        click.userOverride(),
        click.scanResult(),
        click.userAwarenessAction(),
        click.at());
    if (click.blocked()) {
      ObjectNode scan = row.putObject("tagMap").putObject("UrlReputationScan");
      scan.putArray("Status")
          .add(click.adminOverride().equals("Block") ? "CustomerSpecific" : "CustomerAll")
          .add("VerdictBlock");
      scan.putArray("Type").add(click.url().category());
      scan.putArray("Url").add(click.url().original());
    }
    return row;
  }

  private void common(
      ObjectNode row,
      MessageUrl url,
      String action,
      String adminOverride,
      String userOverride,
      String scanResult,
      String awareness,
      Instant at) {
    row.put("url", url.original());
    row.put("ttpDefinition", activity.urlProtectDefinition());
    row.put("action", action);
    row.put("actions", action.equals("block") ? "Block" : "Allow");
    row.put("adminOverride", adminOverride);
    row.put("userOverride", userOverride);
    row.put("scanResult", scanResult);
    row.put("category", url.category());
    row.put("userAwarenessAction", awareness);
    row.put("date", ApiDates.format(at));
    row.put("route", "inbound");
    row.put("creationMethod", "User Click");
    row.putArray("emailPartsDescription").add("Body");
  }

  /** Position visitor: {@code natural} rows give their event key, background rows their index. */
  @FunctionalInterface
  private interface Visitor {
    void visit(boolean natural, long position);
  }

  /**
   * The tenant's clicks and the background range {@code [bgFrom, bgTo)} as one ascending sequence
   * (ties: real clicks first), walked from any position without materialising the background.
   */
  private final class Merged {
    private final EventIndex.Events natural;
    private final long bgFrom;
    private final long bgSize;

    Merged(EventIndex.Events natural, long bgFrom, long bgTo) {
      this.natural = natural;
      this.bgFrom = bgFrom;
      this.bgSize = bgTo - bgFrom;
    }

    long size() {
      return natural.size() + bgSize;
    }

    private boolean naturalFirst(int i, long j) {
      return natural.second(i) <= background.secondOf(bgFrom + j);
    }

    void walk(long first, int count, Visitor visitor) {
      if (count <= 0) {
        return;
      }
      // How many real clicks precede position `first`: binary search on the split.
      long lo = Math.max(0, first - bgSize);
      long hi = Math.min(first, natural.size());
      while (lo < hi) {
        long mid = (lo + hi) >>> 1;
        long j = first - mid;
        if (j > 0 && naturalFirst((int) mid, j - 1)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      int i = (int) lo;
      long j = first - lo;
      for (int n = 0; n < count; n++) {
        if (j >= bgSize || (i < natural.size() && naturalFirst(i, j))) {
          visitor.visit(true, natural.key(i++));
        } else {
          visitor.visit(false, bgFrom + j++);
        }
      }
    }
  }
}
