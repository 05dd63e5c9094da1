package dev.mci.simulator.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes events on the wire: API 2.0 JSON objects (batch NDJSON lines and streaming page values)
 * and API 1.0 log files ({@code json} or {@code key_value}, optionally zipped), plus the damaged
 * variants used to test collectors.
 */
final class EventWriter {

  /** The 1.0 {@code datetime} form: ISO 8601 with the account's offset (UTC here). */
  private static final DateTimeFormatter LEGACY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final JsonFactory JSON = new JsonFactory();

  private EventWriter() {}

  /**
   * Writes one 2.0 event: {@code _offset} and {@code _partition} first, then every field sorted by
   * name with {@code timestamp} (a number) and {@code type} in their places.
   */
  static void writeEvent(JsonGenerator json, SiemEvent event, long offset, int partition)
      throws IOException {
    json.writeStartObject();
    json.writeNumberField("_offset", offset);
    json.writeNumberField("_partition", partition);
    boolean timestampDone = false;
    boolean typeDone = false;
    for (Map.Entry<String, Object> field : event.fields().entrySet()) {
      String name = field.getKey();
      if (!timestampDone && name.compareTo("timestamp") > 0) {
        json.writeNumberField("timestamp", event.timestamp());
        timestampDone = true;
      }
      if (!typeDone && name.compareTo("type") > 0) {
        json.writeStringField("type", event.type().wire());
        typeDone = true;
      }
      json.writeFieldName(name);
      writeValue(json, field.getValue());
    }
    if (!timestampDone) {
      json.writeNumberField("timestamp", event.timestamp());
    }
    if (!typeDone) {
      json.writeStringField("type", event.type().wire());
    }
    json.writeEndObject();
  }

  /** A batch file: gzip-compressed NDJSON, one event per line. */
  static byte[] batchFile(List<SiemEvent> events, long firstOffset, int partition) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, events.size() * 160));
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024);
        JsonGenerator json = JSON.createGenerator(gzip)) {
      json.setRootValueSeparator(null);
      long offset = firstOffset;
      for (SiemEvent event : events) {
        writeEvent(json, event, offset++, partition);
        json.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** An API 1.0 log file: {@code {"type":"MTA","data":[...]}} or {@code key=value|...} lines. */
  static byte[] legacyFile(List<SiemEvent> events, boolean json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, events.size() * 160));
    try {
      if (json) {
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
          out.writeStartObject();
          out.writeStringField("type", "MTA");
          out.writeArrayFieldStart("data");
          for (SiemEvent event : events) {
            out.writeStartObject();
            for (Map.Entry<String, Object> field : LegacyFormat.fields(event).entrySet()) {
              out.writeFieldName(field.getKey());
              writeValue(out, field.getValue());
            }
            out.writeEndObject();
          }
          out.writeEndArray();
          out.writeEndObject();
        }
      } else {
        for (SiemEvent event : events) {
          StringBuilder line = new StringBuilder();
          for (Map.Entry<String, Object> field : LegacyFormat.fields(event).entrySet()) {
            if (field.getValue() == null) {
              continue;
            }
            if (line.length() > 0) {
              line.append('|');
            }
            line.append(field.getKey()).append('=').append(field.getValue());
          }
          bytes.write(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Wraps a file in a zip archive holding one entry. */
  static byte[] zip(String entryName, byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length / 4 + 256);
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(entryName));
      zip.write(content);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The 1.0 {@code datetime} of an epoch-millisecond time. */
  static String legacyTime(long epochMillis) {
    return LEGACY_TIME.format(Instant.ofEpochMilli(epochMillis));
  }

  /**
   * A damaged copy: the compressed stream is overwritten from its middle on, so decompression fails
   * part-way (after some lines could already have been read).
   */
  static byte[] corrupt(byte[] file) {
    byte[] copy = file.clone();
    int from = Math.max(12, copy.length / 2);
    for (int i = from; i < copy.length - 8 && i < from + 64; i++) {
      copy[i] = (byte) (copy[i] ^ 0x5A);
    }
    return copy;
  }

  /** A copy cut off half-way, as a connection that ended early leaves it. */
  static byte[] truncate(byte[] file) {
    return java.util.Arrays.copyOf(file, Math.max(1, file.length / 2));
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Long number) {
      json.writeNumber(number);
    } else if (value instanceof Integer number) {
      json.writeNumber(number);
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof LegacyFormat.RawJson raw) {
      json.writeRawValue(raw.json());
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        writeValue(json, entry.getValue());
      }
      json.writeEndObject();
    } else {
      json.writeString(value.toString());
    }
  }
}
