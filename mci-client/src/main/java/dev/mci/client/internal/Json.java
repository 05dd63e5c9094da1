package dev.mci.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The one JSON mapper of the client, plus lenient readers for response fields. */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** A new empty object node. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Parses JSON bytes; an empty or blank body gives empty. */
  public static Optional<JsonNode> parse(byte[] body) throws IOException {
    if (isBlank(body)) {
      return Optional.empty();
    }
    return Optional.ofNullable(MAPPER.readTree(body));
  }

  /** Serialises a node. */
  public static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a tree node", e);
    }
  }

  /** A text field, or null when absent, null or not a value. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  /** A boolean field, or null when absent; accepts {@code true}/{@code "true"}. */
  public static Boolean bool(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    String text = value.asText();
    if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
      return Boolean.valueOf(text);
    }
    return null;
  }

  /** An integer field, or empty when absent or not a number. */
  public static OptionalInt integer(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return OptionalInt.empty();
    }
    if (value.canConvertToInt()) {
      return OptionalInt.of(value.intValue());
    }
    if (value.isTextual()) {
      try {
        return OptionalInt.of(Integer.parseInt(value.asText().strip()));
      } catch (NumberFormatException notANumber) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }

  /** The elements of an array field; empty when absent or not an array. */
  public static List<JsonNode> elements(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    List<JsonNode> elements = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(elements::add);
    }
    return elements;
  }

  /** Whether a body is empty or only whitespace. */
  public static boolean isBlank(byte[] body) {
    if (body == null) {
      return true;
    }
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
