package dev.mci.simulator.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiCall;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiFailure;
import dev.mci.simulator.core.ApiHandler;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.HttpReply;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.PageMeta;
import dev.mci.simulator.core.PageTokens;
import dev.mci.simulator.tenant.AttachmentFile;
import dev.mci.simulator.tenant.ContentForm;
import dev.mci.simulator.tenant.IndexRange;
import dev.mci.simulator.tenant.Mailbox;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.Tenant;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /api/archive/search} (reference 01 §2): the XML query over every archived message of
 * the tenant's history, newest first. Without {@code admin: true} the answer is silently empty, as
 * for an API service account. Pages follow the XML {@code page-size}/{@code startrow}; {@code next}
 * is a token holding the query and the following start row, and a token wins over {@code data}.
 * Text matching is loose (all words present), like the real archive's relevance matching.
 */
final class ArchiveSearch implements ApiHandler {

  static final List<String> DEFAULT_FIELDS =
      List.of(
          "id",
          "subject",
          "displayfrom",
          "displayfromaddress",
          "displayto",
          "displaytoaddresslist",
          "receiveddate",
          "size",
          "attachmentcount",
          "status",
          "smash");

  /** Attachment kinds of {@code docs@select} (01 §2.3). */
  private static final Map<String, Set<String>> DOC_TYPES =
      Map.of(
          "documents", Set.of("doc", "dot", "docx", "docm", "dotx", "dotm", "pdf", "rtf", "html"),
          "spreadsheets",
              Set.of("xls", "xlt", "xlsx", "xlsm", "xltx", "xltm", "xlsb", "xlam", "csv"),
          "presentations",
              Set.of(
                  "ppt", "pptx", "pptm", "potx", "potm", "ppam", "ppsx", "ppsm", "sldx", "sldm",
                  "thms", "pps"),
          "text", Set.of("txt", "text", "html", "log"),
          "images", Set.of("jpg", "jpeg", "png", "bmp", "gif", "psd", "tif", "tiff"),
          "media", Set.of("mp3", "mp4", "m4a", "mpg", "mpeg", "avi", "wav", "aac", "wma", "mov"),
          "zips", Set.of("zip", "rar", "cab", "gz", "gzip", "7z"));

  private static final Pattern PREFIX =
      Pattern.compile("^(subject|body|from|to)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern OR = Pattern.compile("\\s+or\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final Tenant tenant;
  private final PageTokens tokens;

  ArchiveSearch(Tenant tenant) {
    this.tenant = tenant;
    this.tokens = new PageTokens(tenant.seed());
  }

  /** The request as the archive runs it. */
  private record Run(String xml, boolean admin, MuseQuery query, int startRow, int pageSize) {}

  @Override
  public ApiReply handle(ApiCall call) {
    ObjectNode item = call.items().isEmpty() ? Json.object() : call.items().get(0);
    Run run;
    try {
      run = run(call, item);
    } catch (ItemFailure failure) {
      return ApiReply.error(200, ApiFailure.forItem(item, failure.errors()));
    }
    List<Message> hits = run.admin() ? search(run, call.now()) : List.of();
    boolean more = hits.size() > run.pageSize();
    List<Message> page = more ? hits.subList(0, run.pageSize()) : hits;
    List<String> fields =
        run.query().returnFields().isEmpty() ? DEFAULT_FIELDS : run.query().returnFields();
    ObjectNode result = Json.object();
    ArrayNode items = result.putArray("items");
    for (Message message : page) {
      items.add(item(message, fields));
    }
    // A fixed function of the work done, so equal requests get equal answers.
    result.put("queryDuration", 20 + hits.size());
    Optional<String> next =
        more ? Optional.of(token(call, run, run.startRow() + page.size())) : Optional.empty();
    Optional<String> previous =
        run.startRow() > 0
            ? Optional.of(token(call, run, Math.max(0, run.startRow() - run.pageSize())))
            : Optional.empty();
    return ApiReply.paged(
        List.of(result), new PageMeta(page.size(), OptionalLong.empty(), next, previous));
  }

  /** The envelope with {@code recordStart} in place of {@code totalCount} (01 §2.4). */
  @Override
  public HttpReply reply(ApiCall call) {
    ApiReply reply = handle(call);
    ObjectNode json = reply.toJson();
    JsonNode pagination = json.path("meta").path("pagination");
    if (pagination instanceof ObjectNode node) {
      int startRow;
      try {
        ObjectNode item = call.items().isEmpty() ? Json.object() : call.items().get(0);
        startRow = run(call, item).startRow();
      } catch (ItemFailure failure) {
        startRow = 0;
      }
      node.put("recordStart", startRow);
    }
    return HttpReply.json(reply.status(), json);
  }

  private Run run(ApiCall call, ObjectNode item) {
    Optional<String> token = call.pageRequest().pageToken();
    if (token.isPresent()) {
      PageTokens.Position position =
          tokens
              .decode(token.get(), call.path())
              .orElseThrow(
                  () ->
                      new ItemFailure(
                          ApiError.onField(
                              ErrorCodes.INVALID_TOKEN, "0007 Invalid token", "pageToken")));
      String xml = position.query().path("query").asText();
      try {
        MuseQuery query = MuseQuery.parse(xml);
        return new Run(
            xml,
            position.query().path("admin").asBoolean(false),
            query,
            (int) position.offset(),
            position.pageSize());
      } catch (MuseQuery.InvalidXml e) {
        throw new ItemFailure(
            ApiError.onField(ErrorCodes.INVALID_TOKEN, "0007 Invalid token", "pageToken"));
      }
    }
    List<ApiError> errors = new ArrayList<>();
    String xml = Items.required(item, "query", errors);
    Items.check(errors);
    MuseQuery query;
    try {
      query = MuseQuery.parse(xml);
    } catch (MuseQuery.InvalidXml e) {
      throw new ItemFailure(ApiError.onField("err_invalid_search_xml", e.getMessage(), "query"));
    }
    boolean admin =
        Json.field(item, "admin").map(JsonNode::asBoolean).orElse(false)
            || Items.optional(item, "admin").map("true"::equalsIgnoreCase).orElse(false);
    return new Run(xml, admin, query, query.startRow(), query.pageSize());
  }

  private String token(ApiCall call, Run run, long startRow) {
    ObjectNode query = Json.object();
    query.put("query", run.xml());
    query.put("admin", run.admin());
    return tokens.encode(new PageTokens.Position(call.path(), query, startRow, run.pageSize()));
  }

  /** Matching archived messages newest first, up to one more than the page needs. */
  private List<Message> search(Run run, Instant now) {
    MuseQuery query = run.query();
    Instant from = tenant.messagesFrom();
    Instant to = now;
    ZonedDateTime today = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
    switch (query.dateSelect().orElse("")) {
      case "today" -> from = today.toInstant();
      case "yesterday" -> {
        from = today.minusDays(1).toInstant();
        to = today.toInstant().minusSeconds(1);
      }
      case "last_week" -> from = now.minus(7, ChronoUnit.DAYS);
      case "last_month" -> from = now.atZone(ZoneOffset.UTC).minusMonths(1).toInstant();
      case "last_year" -> from = now.atZone(ZoneOffset.UTC).minusYears(1).toInstant();
      case "between" -> {
        if (query.dateFrom().isPresent()) {
          from = query.dateFrom().get();
        }
        if (query.dateTo().isPresent()) {
          to = query.dateTo().get();
        }
      }
      default -> {
        // No date element, or a value the archive does not know: the whole archive.
      }
    }
    if (from.isBefore(tenant.messagesFrom())) {
      from = tenant.messagesFrom();
    }
    List<Message> hits = new ArrayList<>();
    int wanted = run.startRow() + run.pageSize() + 1;
    IndexRange range = tenant.indexRange(from, to.isAfter(now) ? now : to);
    int matched = 0;
    for (long i = range.to() - 1; i >= range.from() && matched < wanted; i--) {
      Message message = tenant.message(i);
      if (message.archiveId().isPresent() && matches(query, message)) {
        if (matched >= run.startRow()) {
          hits.add(message);
        }
        matched++;
      }
    }
    return hits;
  }

  private boolean matches(MuseQuery query, Message message) {
    if (!query.mailboxes().isEmpty()
        && query.mailboxes().stream().noneMatch(mailbox -> involves(message, mailbox))) {
      return false;
    }
    if (query.sentFrom().isPresent()
        && !addressMatches(query.sentFrom().get(), message.headerFrom())
        && !addressMatches(query.sentFrom().get(), message.envelopeFrom())) {
      return false;
    }
    if (query.sentTo().isPresent()
        && message.recipients().stream().noneMatch(r -> addressMatches(query.sentTo().get(), r))) {
      return false;
    }
    if (!docsMatch(query, message)) {
      return false;
    }
    return query.text().map(text -> textMatches(text, message)).orElse(true);
  }

  private static boolean involves(Message message, String mailbox) {
    return message.headerFrom().address().equals(mailbox)
        || message.envelopeFrom().address().equals(mailbox)
        || message.recipients().stream().anyMatch(r -> r.address().equals(mailbox));
  }

  /** A full address, or a bare domain that also matches its subdomains (01 §2.3). */
  private static boolean addressMatches(String value, Mailbox mailbox) {
    if (value.contains("@")) {
      return value.equalsIgnoreCase(mailbox.address());
    }
    String domain = mailbox.domain();
    return domain.equals(value) || domain.endsWith("." + value);
  }

  private static boolean docsMatch(MuseQuery query, Message message) {
    List<AttachmentFile> files = message.attachments();
    boolean typeMatches =
        switch (query.docsSelect()) {
          case "any" -> !files.isEmpty();
          case "none" -> files.isEmpty();
          case "optional" -> true;
          default -> {
            Set<String> extensions = DOC_TYPES.get(query.docsSelect());
            yield extensions == null
                || files.stream().anyMatch(f -> extensions.contains(extension(f.fileName())));
          }
        };
    if (!typeMatches) {
      return false;
    }
    return query
        .docsText()
        .map(text -> files.stream().anyMatch(f -> words(f.fileName()).containsAll(words(text))))
        .orElse(true);
  }

  private boolean textMatches(String text, Message message) {
    String cleaned = text.replace('(', ' ').replace(')', ' ').strip();
    if (cleaned.isEmpty()) {
      return true;
    }
    for (String clause : OR.split(cleaned)) {
      if (clauseMatches(clause.strip(), message)) {
        return true;
      }
    }
    return false;
  }

  private boolean clauseMatches(String clause, Message message) {
    Matcher prefixed = PREFIX.matcher(clause);
    if (prefixed.matches()) {
      String value = prefixed.group(2).strip().toLowerCase(Locale.ROOT);
      return switch (prefixed.group(1).toLowerCase(Locale.ROOT)) {
        case "subject" -> words(message.subject()).containsAll(words(value));
        case "body" -> words(body(message)).containsAll(words(value));
        case "from" ->
            addressMatches(value, message.headerFrom())
                || addressMatches(value, message.envelopeFrom());
        default -> message.recipients().stream().anyMatch(r -> addressMatches(value, r));
      };
    }
    Set<String> everything = new HashSet<>(words(message.subject()));
    everything.addAll(words(body(message)));
    everything.addAll(
        words(message.headerFrom().displayName() + " " + message.headerFrom().address()));
    for (Mailbox recipient : message.recipients()) {
      everything.addAll(words(recipient.displayName() + " " + recipient.address()));
    }
    for (AttachmentFile file : message.attachments()) {
      everything.addAll(words(file.fileName()));
    }
    return everything.containsAll(words(clause));
  }

  private String body(Message message) {
    return tenant.content(message).text(ContentForm.RECEIVED);
  }

  private ObjectNode item(Message message, List<String> fields) {
    ObjectNode item = Json.object();
    Mailbox from = message.headerFrom();
    for (String field : fields) {
      switch (field) {
        case "id" -> item.put("id", message.archiveId().orElseThrow());
        case "subject" -> item.put("subject", message.subject());
        case "displayfrom" ->
            item.put(
                "displayfrom", from.displayName().isEmpty() ? from.address() : from.displayName());
        case "displayfromaddress" -> item.put("displayfromaddress", from.address());
        case "displayto" ->
            item.put(
                "displayto",
                String.join(
                    "; ",
                    message.recipients().stream()
                        .map(r -> r.displayName().isEmpty() ? r.address() : r.displayName())
                        .toList()));
        case "displaytoaddresslist" -> {
          ArrayNode list = item.putArray("displaytoaddresslist");
          for (Mailbox recipient : message.recipients()) {
            list.addObject()
                .put("displayableName", recipient.displayName())
                .put("emailAddress", recipient.address());
          }
        }
        case "receiveddate" -> item.put("receiveddate", ApiDates.format(message.received()));
        case "size" -> item.put("size", message.sizeBytes());
        case "attachmentcount" -> item.put("attachmentcount", message.attachments().size());
        case "status" -> item.put("status", "ARCHIVED");
        case "smash" -> item.put("smash", tenant.smash(message));
        default -> {
          // Unknown return fields are left out.
        }
      }
    }
    return item;
  }

  private static Set<String> words(String text) {
    return new HashSet<>(
        Arrays.stream(NOT_WORD.split(text.toLowerCase(Locale.ROOT)))
            .filter(w -> !w.isEmpty())
            .toList());
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
  }
}
