package dev.mci.client.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.MimecastTime;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One SIEM event as received, with lenient accessors over both API generations: the 2.0 stream
 * ({@code type}/{@code subtype}, or the {@code eventType}/{@code subType} spelling the XSOAR
 * fixture shows, epoch-millisecond {@code timestamp}) and API 1.0 log lines (type implied by the
 * file, {@code datetime} with an offset). Values stay as sent; the stream sends most numbers as
 * strings.
 */
public final class SiemEvent {

  private final String typeName;
  private final Instant time;
  private final ObjectNode raw;
  private final String text;

  private SiemEvent(String typeName, Instant time, ObjectNode raw, String text) {
    this.typeName = typeName;
    this.time = time;
    this.raw = raw;
    this.text = text;
  }

  /** An API 2.0 event (batch line or streaming value). */
  public static SiemEvent fromJson(ObjectNode node) {
    return fromJson(node, null);
  }

  /**
   * An API 2.0 event together with its original text (a batch file line), kept so the event can be
   * stored exactly as received.
   */
  public static SiemEvent fromJson(ObjectNode node, String text) {
    Objects.requireNonNull(node, "node");
    String type = text(node, "type");
    if (type == null) {
      type = text(node, "eventType");
    }
    return new SiemEvent(type == null ? "" : type, time(node, "timestamp"), node, text);
  }

  /** An API 1.0 log line of a file whose log type is {@code typeName}. */
  public static SiemEvent fromLegacy(ObjectNode node, String typeName) {
    Objects.requireNonNull(node, "node");
    Instant time = time(node, "datetime");
    return new SiemEvent(typeName == null ? "" : typeName, time, node, null);
  }

  /** The original text of the event, when it was read from a line of a file. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /** The log type as sent (2.0) or implied by the file (1.0); empty when unknown. */
  public String typeName() {
    return typeName;
  }

  /** The log type, when it is one MCI knows. */
  public Optional<EventType> type() {
    return EventType.parse(typeName);
  }

  /** The {@code subtype} (or {@code subType}), when present. */
  public Optional<String> subtype() {
    return field("subtype", "subType");
  }

  /** When the event happened; null when the event carries no readable time. */
  public Instant time() {
    return time;
  }

  /** The event as parsed; treat it as read-only. */
  public ObjectNode raw() {
    return raw;
  }

  /** The first of these fields that is present and not null, as text. */
  public Optional<String> field(String... names) {
    for (String name : names) {
      String value = text(raw, name);
      if (value != null && !value.isEmpty()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "SiemEvent[" + typeName + " @" + time + "]";
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  private static Instant time(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return Instant.ofEpochMilli(value.longValue());
    }
    String text = value.asText().strip();
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochMilli(Long.parseLong(text));
    }
    try {
      return MimecastTime.parse(text);
    } catch (IllegalArgumentException notMimecastStyle) {
      try {
        return Instant.parse(text);
      } catch (java.time.format.DateTimeParseException notIso) {
        return null;
      }
    }
  }
}
