package dev.mci.simulator.events;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One simulated SIEM event in the API 2.0 vocabulary (reference 05 §5): its log type, its time and
 * its fields, from which both the 2.0 NDJSON line and the API 1.0 log line are written. Field
 * values are strings (the 2.0 stream sends numbers as strings), {@code Long} for true numbers, or
 * {@code null} for absent values. Immutable.
 *
 * <p>This is the unit other areas hand to the event stream through an {@link EventFeed} (clicks,
 * rejections), so that every fact appears the same way in their logs and in the SIEM stream.
 */
public final class SiemEvent {

  private final SiemType type;
  private final long timestamp;
  private final Map<String, Object> fields;

  private SiemEvent(SiemType type, long timestamp, Map<String, Object> fields) {
    this.type = type;
    this.timestamp = timestamp;
    this.fields = fields;
  }

  /**
   * An event.
   *
   * @param type the log type
   * @param timestamp epoch milliseconds
   * @param fields the type's fields in the 2.0 vocabulary, without {@code type}, {@code timestamp}
   *     and {@code _offset}/{@code _partition} (the writer adds those); {@code subtype} may be
   *     included
   */
  public static SiemEvent of(SiemType type, long timestamp, Map<String, ?> fields) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(fields, "fields");
    // Sorted keys: the recorded 2.0 lines list their fields alphabetically.
    Map<String, Object> copy = new TreeMap<>(fields);
    return new SiemEvent(type, timestamp, Collections.unmodifiableMap(copy));
  }

  /** The log type. */
  public SiemType type() {
    return type;
  }

  /** Epoch milliseconds. */
  public long timestamp() {
    return timestamp;
  }

  /** The fields, sorted by name; values are {@code String}, {@code Long} or {@code null}. */
  public Map<String, Object> fields() {
    return fields;
  }

  /** A field as text, or null. */
  public String text(String field) {
    Object value = fields.get(field);
    return value == null ? null : value.toString();
  }

  @Override
  public String toString() {
    return "SiemEvent[" + type.wire() + " @" + timestamp + "]";
  }
}
