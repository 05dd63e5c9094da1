package dev.mci.store.pull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.events.AuditEvent;
import dev.mci.client.events.EventType;
import dev.mci.client.events.SiemEvent;
import dev.mci.store.StoredEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns received events into store rows: picks the indicator columns hunts search out of whichever
 * spelling the event uses (API 2.0 {@code senderEnvelope}, API 1.0 {@code Sender}, URL Protect's
 * lower-case {@code sender}, web security's {@code user}), lower-cases them, and computes the
 * event's fingerprint. Thread-safe.
 */
public final class EventRows {

  /** The log type stored for audit events. */
  public static final String AUDIT = "audit";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads one JSON value per line: anything after it makes the line damaged, not ignored. */
  private static final ObjectReader ONE_VALUE =
      MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private EventRows() {}

  /**
   * The row of a SIEM event.
   *
   * @param source the interface that delivered it ({@code siem-batch}, {@code siem-stream}, {@code
   *     siem-v1})
   */
  public static StoredEvent fromSiem(SiemEvent event, String source) {
    String logType =
        event.type().map(EventType::wire).orElse(event.typeName().toLowerCase(Locale.ROOT));
    return build(
        names -> event.field(names).orElse(null),
        logType,
        event.time() == null ? 0 : event.time().toEpochMilli(),
        Fingerprints.of(logType, event.raw()),
        source,
        event.text().orElseGet(() -> write(event.raw())));
  }

  /**
   * The row of one line of a batch file (API 2.0 NDJSON), as the puller stores it.
   *
   * @throws IOException when the line is not JSON, or not an object
   */
  public static StoredEvent fromLine(String line, String source) throws IOException {
    if (hasLoneSurrogate(line)) {
      return fromTree(line, source); // Its UTF-8 bytes would not give the same text back.
    }
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return new LineParser().row(bytes, 0, bytes.length, line, source);
  }

  /**
   * Rows from the lines of batch files (API 2.0 NDJSON) for one thread: the fast path reads the
   * flat lines every batch file holds straight from their bytes; other lines take the tree path.
   * The result is the same row either way. Not thread-safe.
   */
  static final class LineParser {
    private final FlatEvent flat = new FlatEvent();
    private final Fingerprints.Hasher hasher = new Fingerprints.Hasher();

    /**
     * The row of the line {@code bytes[start, end)} (UTF-8, without its line break).
     *
     * @throws IOException when the line is not JSON, or not an object
     */
    StoredEvent row(byte[] bytes, int start, int end, String source) throws IOException {
      return row(bytes, start, end, null, source);
    }

    private StoredEvent row(byte[] bytes, int start, int end, String text, String source)
        throws IOException {
      if (flat.parse(bytes, start, end)) {
        String type = flat.field("type", "eventType");
        String timestamp = flat.field("timestamp");
        if (type != null && timestamp != null && isDigits(timestamp)) {
          String logType =
              EventType.parse(type).map(EventType::wire).orElse(type.toLowerCase(Locale.ROOT));
          String fingerprint = hasher.of(logType, flat);
          if (fingerprint != null) {
            String raw =
                text != null ? text : new String(bytes, start, end - start, StandardCharsets.UTF_8);
            return build(flat::field, logType, Long.parseLong(timestamp), fingerprint, source, raw);
          }
        }
      }
      return fromTree(
          text != null ? text : new String(bytes, start, end - start, StandardCharsets.UTF_8),
          source);
    }
  }

  private static StoredEvent fromTree(String line, String source) throws IOException {
    JsonNode node = ONE_VALUE.readTree(line);
    if (node == null || !node.isObject()) {
      throw new IOException("a line is not a JSON object");
    }
    return fromSiem(SiemEvent.fromJson((ObjectNode) node, line), source);
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Reads fields of an event by any of several names. */
  @FunctionalInterface
  private interface Fields {
    String first(String... names);
  }

  private static StoredEvent build(
      Fields event, String logType, long time, String fingerprint, String source, String raw) {
    boolean web = logType.equals(EventType.WEB_SECURITY.wire());
    boolean url = logType.equals(EventType.URL_PROTECT.wire());

    String sender = lower(event.first("senderEnvelope", "Sender", "sender"));
    String headerFrom = lower(event.first("senderHeader", "headerFrom"));
    String senderAlt = headerFrom != null && !headerFrom.equals(sender) ? headerFrom : null;
    String user =
        firstAddress(lower(event.first("recipients", "Rcpt", "Recipient", "recipient", "user")));

    String ip;
    String ipAlt = null;
    if (web) {
      ip = event.first("localIp");
      ipAlt = event.first("publicIp");
    } else {
      ip = event.first("senderIp", "SourceIP", "sourceIp", "IP", "destinationIp");
    }

    String declaredDomain = lower(event.first("senderDomain", "SenderDomain"));
    String senderDomain = declaredDomain != null ? declaredDomain : domainOf(sender);
    String domain;
    String domainAlt;
    if (web) {
      domain = hostOf(event.first("request"));
      domainAlt = null;
    } else if (url) {
      domain = hostOf(event.first("url", "URL"));
      domainAlt = differs(senderDomain, domain);
    } else {
      domain = senderDomain;
      domainAlt = differs(domainOf(headerFrom), domain);
    }

    return new StoredEvent(
        time,
        fingerprint,
        source,
        logType,
        event.first("messageId", "MsgId"),
        event.first("aggregateId", "aCode"),
        sender,
        senderAlt,
        user,
        ip,
        ipAlt,
        domain,
        domainAlt,
        baseOf(domain),
        lower(event.first("sha256")),
        event.first("subject", "Subject"),
        event.first("action", "Act", "Action"),
        raw);
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return !text.isEmpty();
  }

  /** The row of an audit event: its id is its identity. */
  public static StoredEvent fromAudit(AuditEvent event) {
    ObjectNode raw = MAPPER.createObjectNode();
    raw.put("id", event.id());
    raw.put("auditType", event.auditType());
    raw.put("user", event.user());
    raw.put("eventTime", event.eventTime() == null ? null : event.eventTime().toString());
    raw.put("eventInfo", event.eventInfo());
    raw.put("category", event.category());
    String user = lower(event.user());
    String fingerprint =
        event.id() != null && !event.id().isBlank()
            ? Fingerprints.ofId(AUDIT, event.id())
            : Fingerprints.of(AUDIT, raw);
    return new StoredEvent(
        event.eventTime() == null ? 0 : event.eventTime().toEpochMilli(),
        fingerprint,
        AUDIT,
        AUDIT,
        null,
        null,
        null,
        null,
        user,
        null,
        null,
        domainOf(user),
        null,
        null,
        null,
        event.auditType(),
        event.category(),
        write(raw));
  }

  private static String lower(String value) {
    if (value == null) {
      return null;
    }
    String text = value.strip().toLowerCase(Locale.ROOT);
    return text.isEmpty() ? null : text;
  }

  private static String firstAddress(String value) {
    if (value == null) {
      return null;
    }
    int cut = value.length();
    for (char separator : new char[] {',', ';', ' '}) {
      int at = value.indexOf(separator);
      if (at > 0) {
        cut = Math.min(cut, at);
      }
    }
    return value.substring(0, cut).strip();
  }

  private static String domainOf(String address) {
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    String domain = at >= 0 ? address.substring(at + 1) : null;
    return domain == null || domain.isEmpty() ? null : domain.toLowerCase(Locale.ROOT);
  }

  private static String differs(String candidate, String primary) {
    return candidate != null && !candidate.equals(primary) ? candidate : null;
  }

  /**
   * The registered domain a host belongs to ({@code login.evil.example} gives {@code evil.example};
   * a two-letter country code after a short label keeps three labels, as in {@code
   * mail.shop.co.uk}); null when the host is already one. A heuristic: no public suffix list.
   */
  static String baseOf(String host) {
    if (host == null) {
      return null;
    }
    String[] labels = host.split("\\.");
    if (labels.length <= 2) {
      return null;
    }
    int keep =
        labels[labels.length - 1].length() == 2 && labels[labels.length - 2].length() <= 3 ? 3 : 2;
    if (labels.length <= keep) {
      return null;
    }
    return String.join(
        ".", java.util.Arrays.copyOfRange(labels, labels.length - keep, labels.length));
  }

  /** The host of a URL, or the value itself when it is a bare domain. */
  static String hostOf(String urlOrDomain) {
    if (urlOrDomain == null || urlOrDomain.isBlank()) {
      return null;
    }
    String value = urlOrDomain.strip();
    if (value.contains("://")) {
      try {
        String host = URI.create(value.replace(" ", "%20")).getHost();
        return host == null ? null : host.toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException notAUrl) {
        return null;
      }
    }
    int slash = value.indexOf('/');
    String host = slash >= 0 ? value.substring(0, slash) : value;
    int colon = host.indexOf(':');
    return (colon >= 0 ? host.substring(0, colon) : host).toLowerCase(Locale.ROOT);
  }

  private static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise an event", e);
    }
  }
}
