package dev.mci.client.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.AutoPager;
import dev.mci.client.Download;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastApiException;
import dev.mci.client.MimecastTime;
import dev.mci.client.NotFoundException;
import dev.mci.client.Page;
import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.FailurePolicy;
import dev.mci.client.internal.Json;
import dev.mci.client.internal.Operation;
import dev.mci.client.internal.Transport;
import dev.mci.client.internal.UnknownIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finding and reading messages: Message Finder (formerly Tracking: near-real-time search over about
 * the last 30 days, and what it knows about each copy), archive search and mailbox listings over
 * the whole retention, the structured detail of an archived message, and its renderings and
 * attachments as streams. {@link #locate} picks Message Finder or the archive from the window.
 * Obtain it from {@code MimecastClient.messages()}. Thread-safe.
 */
public final class MessagesApi {

  /** {@code POST /api/message-finder/search}: not paged; at most 500 rows per call. */
  static final Operation SEARCH = Operation.read("/api/message-finder/search");

  /** {@code POST /api/message-finder/get-message-info}: one Message Finder id per call. */
  static final Operation MESSAGE_INFO = Operation.read("/api/message-finder/get-message-info");

  /** {@code POST /api/archive/search}: XML query, paged with {@code next} tokens. */
  static final Operation ARCHIVE_SEARCH = Operation.readPaged(ArchiveQuery.ENDPOINT);

  /** {@code POST /api/archive/get-message-list}: one mailbox's folder, paged. */
  static final Operation MESSAGE_LIST = Operation.readPaged("/api/archive/get-message-list");

  /** {@code POST /api/archive/get-message-detail}: one archive id per call. */
  static final Operation MESSAGE_DETAIL = Operation.read("/api/archive/get-message-detail");

  /** {@code POST /api/archive/get-message-part}: a download (bytes on 1.0, URL on 2.0). */
  static final Operation MESSAGE_PART = Operation.read("/api/archive/get-message-part");

  /** {@code POST /api/archive/get-file}: a download (bytes on 1.0, URL on 2.0). */
  static final Operation GET_FILE = Operation.read("/api/archive/get-file");

  /** Rows per archive page that {@link #locate} asks for. */
  static final int LOCATE_PAGE_SIZE = 100;

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

  /**
   * Archive search over the account's whole retention (reference 01 §2), newest first, fetched a
   * page at a time as the pager is iterated. Always sent with {@code admin: true}: without it an
   * API service account gets a silent empty answer. Check {@link ArchiveQuery#warnings()} first:
   * elements Mimecast ignores leave the results unfiltered without any error.
   *
   * @throws InvalidRequestException if the query is missing
   */
  public AutoPager<ArchivedMessage> archiveSearch(ArchiveQuery query) {
    if (query == null) {
      throw new InvalidRequestException(ARCHIVE_SEARCH.path(), "the query is missing");
    }
    ObjectNode item = Json.object();
    item.put("admin", true);
    item.put("query", query.xml());
    return transport.pager(
        ARCHIVE_SEARCH,
        List.of(item),
        query.pageSize(),
        envelope -> new Readers(envelope).archivedMessages());
  }

  /**
   * One mailbox's archived Inbox or Sent items in a window (reference 01 §3), fetched a page at a
   * time as the pager is iterated.
   *
   * @throws InvalidRequestException if the view is missing, the mailbox is not an address, the page
   *     size is outside 1 to 500 or the window is inverted
   */
  public AutoPager<ListedMessage> list(MessageListQuery query) {
    String endpoint = MESSAGE_LIST.path();
    if (query == null || query.view() == null) {
      throw new InvalidRequestException(endpoint, "the view (INBOX or SENT) is missing");
    }
    if (query.mailbox() != null && !query.mailbox().contains("@")) {
      throw new InvalidRequestException(
          endpoint, "mailbox '" + query.mailbox() + "' is not an e-mail address");
    }
    if (query.pageSize() < 1 || query.pageSize() > MessageSearch.MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          endpoint, "pageSize must be between 1 and 500, got " + query.pageSize());
    }
    if (query.start() != null && query.end() != null && !query.start().isBefore(query.end())) {
      throw new InvalidRequestException(
          endpoint, "start " + query.start() + " is not before end " + query.end() + ": swap them");
    }
    ObjectNode item = Json.object();
    item.put("view", query.view().name());
    if (query.mailbox() != null) {
      item.put("mailbox", query.mailbox());
    }
    if (query.start() != null) {
      item.put("start", MimecastTime.format(query.start()));
    }
    if (query.end() != null) {
      item.put("end", MimecastTime.format(query.end()));
    }
    if (query.includeDelegates()) {
      item.put("includeDelegates", true);
    }
    if (query.includeAliases()) {
      item.put("includeAliases", true);
    }
    return transport.pager(
        MESSAGE_LIST,
        List.of(item),
        query.pageSize(),
        envelope -> new Readers(envelope).listedMessages());
  }

  /**
   * What Message Finder knows about one recipient's copy (reference 02 §1).
   *
   * @param messageFinderId a {@link TrackedEmail#id()} (not an archive id)
   * @throws InvalidRequestException if the id is blank or malformed, before any call
   * @throws NotFoundException naming the id when Mimecast does not know it (its error code kept)
   */
  public MessageInfo info(String messageFinderId) {
    checkId(MESSAGE_INFO, messageFinderId);
    ObjectNode item = Json.object();
    item.put("id", messageFinderId.strip());
    try {
      return new Readers(transport.call(MESSAGE_INFO, List.of(item))).info();
    } catch (MimecastApiException e) {
      throw UnknownIds.translate(
          e, "Message Finder record", messageFinderId, "take the id from a Message Finder search");
    }
  }

  /** The delivered copy's detail; see {@link #detail(String, MessageContext)}. */
  public MessageDetail detail(String archiveId) {
    return detail(archiveId, MessageContext.DELIVERED);
  }

  /**
   * The structured detail of an archived message (reference 02 §2): every header, the envelope
   * sender, and the attachments with their SHA-256 and the ids {@link #file} takes.
   *
   * @throws InvalidRequestException if the id is blank or malformed, before any call
   * @throws NotFoundException naming the id when Mimecast does not know it
   */
  public MessageDetail detail(String archiveId, MessageContext context) {
    checkId(MESSAGE_DETAIL, archiveId);
    MessageContext form = context == null ? MessageContext.DELIVERED : context;
    ObjectNode item = Json.object();
    item.put("id", archiveId.strip());
    item.put("admin", true);
    item.put("context", form.name());
    try {
      return new Readers(transport.call(MESSAGE_DETAIL, List.of(item))).detail(form);
    } catch (MimecastApiException e) {
      throw UnknownIds.translate(e, "archived message", archiveId, ARCHIVE_ID_HINT);
    }
  }

  /**
   * One rendering of an archived message as a stream (reference 02 §3): on API 1.0 the bytes, on
   * API 2.0 fetched from the pre-signed URL Mimecast answers with. The caller closes it.
   *
   * @param mailbox the mailbox whose delivered copy to fetch: required for {@link
   *     MessageContext#DELIVERED}, optional for {@link MessageContext#RECEIVED}
   * @throws InvalidRequestException on a malformed id, a missing type or context, or a delivered
   *     copy without a mailbox, before any call
   * @throws NotFoundException naming the id when Mimecast does not know it
   */
  public Download part(String archiveId, PartType type, MessageContext context, String mailbox) {
    checkId(MESSAGE_PART, archiveId);
    if (type == null || context == null) {
      throw new InvalidRequestException(
          MESSAGE_PART.path(), "give both the part type and the context (RECEIVED or DELIVERED)");
    }
    boolean hasMailbox = mailbox != null && !mailbox.isBlank();
    if (context == MessageContext.DELIVERED && !hasMailbox) {
      throw new InvalidRequestException(
          MESSAGE_PART.path(),
          "the delivered copy needs the mailbox it was delivered to (one of the recipients)");
    }
    if (hasMailbox && !mailbox.contains("@")) {
      throw new InvalidRequestException(
          MESSAGE_PART.path(), "mailbox '" + mailbox.strip() + "' is not an e-mail address");
    }
    ObjectNode item = Json.object();
    item.put("id", archiveId.strip());
    item.put("type", type.name());
    item.put("context", context.name());
    if (hasMailbox) {
      item.put("mailbox", mailbox.strip());
    }
    try {
      return transport.download(MESSAGE_PART, List.of(item));
    } catch (MimecastApiException e) {
      throw UnknownIds.translate(e, "archived message", archiveId, ARCHIVE_ID_HINT);
    }
  }

  /**
   * An attachment (by an attachment id from {@link #detail}), or on API 2.0 also a whole message as
   * {@code .eml} (by its archive id), as a stream (reference 02 §4). The caller closes it; its
   * suggested file name comes from the message and must be sanitised before use.
   *
   * @throws InvalidRequestException if the id is blank or malformed, before any call
   * @throws NotFoundException naming the id when Mimecast does not know it
   */
  public Download file(String id) {
    checkId(GET_FILE, id);
    ObjectNode item = Json.object();
    item.put("id", id.strip());
    try {
      return transport.download(GET_FILE, List.of(item));
    } catch (MimecastApiException e) {
      throw UnknownIds.translate(
          e, "attachment", id, "take attachment ids from the message detail's attachments");
    }
  }

  /**
   * Finds messages by sender, recipient or subject, from whichever source covers the window:
   * Message Finder when the window starts within the last 29 days (a day inside its strict 30-day
   * limit), otherwise archive search. Message Finder answers one row per recipient and sees
   * messages not yet archived; the archive answers one row per message over the whole retention.
   *
   * @throws InvalidRequestException when no criterion or no start is given, or the window is
   *     inverted
   */
  public Located locate(Lookup lookup) {
    String endpoint = SEARCH.path() + " or " + ARCHIVE_SEARCH.path();
    if (lookup == null
        || (lookup.from() == null && lookup.to() == null && lookup.subject() == null)) {
      throw new InvalidRequestException(endpoint, "give at least one of from, to and subject");
    }
    if (lookup.start() == null) {
      throw new InvalidRequestException(
          endpoint, "give a start: it decides between Message Finder and the archive");
    }
    Instant now = transport.clock().instant();
    Instant end = lookup.end() != null ? lookup.end() : now;
    if (!lookup.start().isBefore(end)) {
      throw new InvalidRequestException(
          endpoint, "start " + lookup.start() + " is not before end " + end + ": swap them");
    }
    if (lookup.start().isAfter(now.minus(DEFAULT_LOOKBACK))) {
      MessageSearch query =
          MessageSearch.builder()
              .from(lookup.from())
              .to(lookup.to())
              .subject(lookup.subject())
              .start(lookup.start())
              .end(end)
              .build();
      return new Located(
          FoundMessage.Source.MESSAGE_FINDER, mapped(searchAll(query), MessagesApi::found));
    }
    ArchiveQuery query =
        ArchiveQuery.builder()
            .from(lookup.from())
            .to(lookup.to())
            .subject(lookup.subject())
            .start(lookup.start())
            .end(end)
            .pageSize(LOCATE_PAGE_SIZE)
            .build();
    return new Located(
        FoundMessage.Source.ARCHIVE, mapped(archiveSearch(query), MessagesApi::found));
  }

  private static final String ARCHIVE_ID_HINT =
      "take archive ids from archive search or the message list (Message Finder ids and smash"
          + " values are other kinds)";

  private static FoundMessage found(TrackedEmail row) {
    return new FoundMessage(
        FoundMessage.Source.MESSAGE_FINDER,
        row.id(),
        row.received(),
        row.fromHdr() != null ? row.fromHdr() : row.fromEnv(),
        row.to(),
        row.subject(),
        row.status());
  }

  private static FoundMessage found(ArchivedMessage row) {
    return new FoundMessage(
        FoundMessage.Source.ARCHIVE,
        row.id(),
        row.received(),
        new EmailAddress(row.displayFromAddress(), row.displayFrom()),
        row.to(),
        row.subject(),
        row.status());
  }

  /** A pager over {@code source} whose records are mapped; tokens are the source's. */
  private static <T, R> AutoPager<R> mapped(AutoPager<T> source, Function<T, R> mapping) {
    return AutoPager.of(
        token -> {
          AutoPager<T> from = token.map(source::startingAt).orElse(source);
          Iterator<Page<T>> pages = from.pages().iterator();
          if (!pages.hasNext()) {
            return new Page<>(List.of(), Optional.empty(), OptionalLong.empty());
          }
          Page<T> page = pages.next();
          return new Page<>(
              page.items().stream().map(mapping).toList(), page.nextPageToken(), page.totalCount());
        });
  }

  /** Rejects an id that cannot be one before any call is made. */
  private static void checkId(Operation operation, String id) {
    String endpoint = operation.path();
    if (id == null || id.isBlank()) {
      throw new InvalidRequestException(endpoint, "the id is missing");
    }
    String value = id.strip();
    if (value.length() > 4096 || value.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
      throw new InvalidRequestException(
          endpoint,
          "'" + shown(value) + "' is not an id: ids have no spaces or control characters");
    }
    if (value.matches("[0-9a-fA-F]{40}")) {
      throw new InvalidRequestException(
          endpoint,
          "'"
              + value
              + "' looks like a smash content hash, which Mimecast does not accept as an id; use"
              + " the id field of the same result");
    }
  }

  private static String shown(String value) {
    String printable = value.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
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
            || query.senderIp() != null
            || query.url() != null;
    if (query.messageId() != null && query.hasAdvancedOptions()) {
      throw new InvalidRequestException(
          endpoint,
          "give either messageId or the filters from/to/subject/senderIp/url/route, not both");
    }
    if (query.messageId() == null && !selective) {
      throw new InvalidRequestException(
          endpoint,
          query.route() != null
              ? "route alone does not select messages: add at least one of from, to, subject,"
                  + " senderIp, url"
              : "give a messageId, or at least one of from, to, subject, senderIp, url");
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
      putIfSet(options, "url", query.url());
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
        envelope.date(row, "received"),
        envelope.date(row, "sent"),
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
