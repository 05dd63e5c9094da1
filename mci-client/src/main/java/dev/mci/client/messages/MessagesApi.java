package dev.mci.client.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.AutoPager;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.InvalidResponseException;
import dev.mci.client.MimecastTime;
import dev.mci.client.Page;
import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.FailurePolicy;
import dev.mci.client.internal.Json;
import dev.mci.client.internal.Operation;
import dev.mci.client.internal.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message Finder (formerly Tracking): near-real-time search over about the last 30 days. Obtain it
 * from {@code MimecastClient.messages()}. Thread-safe.
 */
public final class MessagesApi {

  /** {@code POST /api/message-finder/search}: not paged; at most 500 rows per call. */
  static final Operation SEARCH = Operation.read("/api/message-finder/search");

  /** Message Finder's history; a start further back is rejected by the server. */
  static final Duration HISTORY = Duration.ofDays(30);

  /**
   * Default start of {@link #searchAll} when none is given. The server's 30-day limit is strict to
   * the day, so the default stays a day inside it.
   */
  static final Duration DEFAULT_LOOKBACK = Duration.ofDays(29);

  private static final Logger LOG = LoggerFactory.getLogger(MessagesApi.class);

  private static final Comparator<TrackedEmail> NEWEST_FIRST =
      Comparator.comparing(
          TrackedEmail::received, Comparator.nullsLast(Comparator.<Instant>reverseOrder()));

  private final Transport transport;

  /** Used by the client; not for direct use. */
  public MessagesApi(Transport transport) {
    this.transport = transport;
  }

  /**
   * One Message Finder call: at most {@code query.pageSize()} rows (500 by default). If the result
   * reaches that cap, more rows may exist; use {@link #searchAll} to get them all.
   *
   * @throws InvalidRequestException if the query breaks a rule (see {@link MessageSearch})
   */
  public List<TrackedEmail> search(MessageSearch query) {
    validate(query);
    List<TrackedEmail> rows = fetch(query, query.start(), query.end());
    if (rows.size() >= query.pageSize()) {
      LOG.info(
          "Message Finder returned its cap of {} rows; more may exist (searchAll gets them all)",
          query.pageSize());
    }
    return rows;
  }

  /**
   * All matching rows, however many. Message Finder has no page tokens and caps each call, so this
   * walks the time window: a window whose answer reaches the cap is split in two halves (inclusive
   * whole seconds) and both are fetched, newer half first, so the rows come out newest-first. Rows
   * are passed on as the server sends them, never de-duplicated. A one-second window that still
   * reaches the cap cannot be split: a warning is logged (rows may be missing) and the walk moves
   * on.
   *
   * <p>Without a start the walk begins 29 days ago; without an end, now. The page tokens of the
   * returned pager are client-side and encode the windows still to fetch: save one and resume with
   * {@code searchAll(sameQuery).startingAt(token)}.
   *
   * @throws InvalidRequestException if the query breaks a rule (see {@link MessageSearch})
   */
  public AutoPager<TrackedEmail> searchAll(MessageSearch query) {
    validate(query);
    Instant now = transport.clock().instant();
    Instant end = query.end() != null ? query.end() : now;
    Instant start = query.start() != null ? query.start() : now.minus(DEFAULT_LOOKBACK);
    if (!start.isBefore(end)) {
      throw new InvalidRequestException(
          SEARCH.path(),
          "end "
              + end
              + " is not after the default start "
              + start
              + " (29 days ago); give a start before the end");
    }
    WindowWalk walk =
        new WindowWalk(
            query, WindowToken.fingerprint(query), start.getEpochSecond(), end.getEpochSecond());
    return AutoPager.of(walk::fetch);
  }

  /** Checks the query before any call. */
  void validate(MessageSearch query) {
    String endpoint = SEARCH.path();
    if (query == null) {
      throw new InvalidRequestException(endpoint, "the query is missing");
    }
    boolean selective =
        query.from() != null
            || query.to() != null
            || query.subject() != null
            || query.senderIp() != null;
    if (query.messageId() != null && query.hasAdvancedOptions()) {
      throw new InvalidRequestException(
          endpoint,
          "give either messageId or the filters from/to/subject/senderIp/route, not both");
    }
    if (query.messageId() == null && !selective) {
      throw new InvalidRequestException(
          endpoint,
          query.route() != null
              ? "route alone does not select messages: add at least one of from, to, subject,"
                  + " senderIp"
              : "give a messageId, or at least one of from, to, subject, senderIp");
    }
    if (query.pageSize() < 1 || query.pageSize() > MessageSearch.MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          endpoint,
          "pageSize must be between 1 and "
              + MessageSearch.MAX_PAGE_SIZE
              + " (Message Finder's cap), got "
              + query.pageSize());
    }
    Instant start = query.start();
    Instant end = query.end();
    if (start != null && end != null && !start.isBefore(end)) {
      throw new InvalidRequestException(
          endpoint,
          start.equals(end)
              ? "start (--since) and end (--until) are both "
                  + start
                  + ", an empty window: give an end after the start"
              : "start (--since) " + start + " is after end (--until) " + end + ": swap them");
    }
    Instant oldest = transport.clock().instant().minus(HISTORY);
    if (start != null && !start.isAfter(oldest)) {
      throw new InvalidRequestException(
          endpoint,
          "start (--since) "
              + start
              + " is 30 days ago or more: Message Finder only covers about the last 30 days."
              + " Use a later start, or archive search for older messages");
    }
  }

  private List<TrackedEmail> fetch(MessageSearch query, Instant start, Instant end) {
    Envelope envelope =
        transport.call(
            SEARCH,
            List.of(requestItem(query, start, end)),
            OptionalInt.of(query.pageSize()),
            Optional.empty(),
            FailurePolicy.ANY_FAILURE_THROWS);
    List<TrackedEmail> rows = new ArrayList<>();
    for (JsonNode item : envelope.data()) {
      for (JsonNode row : Json.elements(item, "trackedEmails")) {
        rows.add(trackedEmail(row, envelope));
      }
    }
    return rows;
  }

  private static ObjectNode requestItem(MessageSearch query, Instant start, Instant end) {
    ObjectNode item = Json.object();
    if (query.searchReason() != null) {
      item.put("searchReason", query.searchReason());
    }
    if (start != null) {
      item.put("start", MimecastTime.format(start));
    }
    if (end != null) {
      item.put("end", MimecastTime.format(end));
    }
    if (query.messageId() != null) {
      item.put("messageId", query.messageId());
    } else {
      ObjectNode options = item.putObject("advancedTrackAndTraceOptions");
      putIfSet(options, "from", query.from());
      putIfSet(options, "to", query.to());
      putIfSet(options, "subject", query.subject());
      putIfSet(options, "senderIP", query.senderIp());
      if (query.route() != null) {
        options.put("route", query.route().wireValue());
      }
    }
    if (!query.statuses().isEmpty()) {
      ArrayNode status = item.putArray("status");
      query.statuses().forEach(status::add);
    }
    return item;
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static TrackedEmail trackedEmail(JsonNode row, Envelope envelope) {
    List<EmailAddress> to = new ArrayList<>();
    for (JsonNode recipient : Json.elements(row, "to")) {
      to.add(emailAddress(recipient));
    }
    String senderIp = Json.text(row, "senderIP");
    OptionalInt spamScore = Json.integer(row, "spamScore");
    return new TrackedEmail(
        Json.text(row, "id"),
        Json.text(row, "status"),
        Json.text(row, "info"),
        emailAddress(row.get("fromEnv")),
        emailAddress(row.get("fromHdr")),
        to,
        date(row, "received", envelope),
        date(row, "sent", envelope),
        Json.text(row, "subject"),
        senderIp != null ? senderIp : Json.text(row, "senderIp"),
        Json.bool(row, "attachments"),
        Json.text(row, "route"),
        spamScore.isPresent() ? spamScore.getAsInt() : null,
        Json.text(row, "detectionLevel"));
  }

  private static EmailAddress emailAddress(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    return new EmailAddress(Json.text(node, "emailAddress"), Json.text(node, "displayableName"));
  }

  private static Instant date(JsonNode row, String field, Envelope envelope) {
    String text = Json.text(row, field);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return MimecastTime.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException(
          envelope.endpoint(),
          envelope.requestId(),
          "trackedEmails[]." + field + " is not a date: " + e.getMessage(),
          e);
    }
  }

  /** The state of one {@link #searchAll} walk: the query and its overall window. */
  private final class WindowWalk {
    private final MessageSearch query;
    private final String fingerprint;
    private final long start;
    private final long end;

    WindowWalk(MessageSearch query, String fingerprint, long start, long end) {
      this.query = query;
      this.fingerprint = fingerprint;
      this.start = start;
      this.end = end;
    }

    /** The next non-empty window's rows, and a token for the windows left after it. */
    Page<TrackedEmail> fetch(Optional<String> token) {
      Deque<long[]> windows;
      if (token.isPresent()) {
        windows = WindowToken.decode(token.get(), fingerprint, SEARCH.path());
      } else {
        windows = new ArrayDeque<>();
        windows.push(new long[] {start, end});
      }
      while (!windows.isEmpty()) {
        long[] window = windows.pop();
        List<TrackedEmail> rows =
            MessagesApi.this.fetch(
                query, Instant.ofEpochSecond(window[0]), Instant.ofEpochSecond(window[1]));
        if (rows.size() >= query.pageSize()) {
          if (window[1] > window[0]) {
            // Possibly truncated: drop these rows and fetch both halves, newer half first.
            long middle = window[0] + (window[1] - window[0]) / 2;
            windows.push(new long[] {window[0], middle});
            windows.push(new long[] {middle + 1, window[1]});
            continue;
          }
          LOG.warn(
              "Message Finder returned its cap of {} rows for the single second {}; rows beyond"
                  + " the cap may be missing",
              query.pageSize(),
              Instant.ofEpochSecond(window[0]));
        }
        if (rows.isEmpty()) {
          continue;
        }
        rows.sort(NEWEST_FIRST);
        Optional<String> next =
            windows.isEmpty()
                ? Optional.empty()
                : Optional.of(WindowToken.encode(fingerprint, windows));
        return new Page<>(rows, next, OptionalLong.empty());
      }
      return new Page<>(List.of(), Optional.empty(), OptionalLong.empty());
    }
  }
}
