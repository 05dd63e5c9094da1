package dev.mci.simulator.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shared JSON plumbing. Reading is lenient the way the reference asks: {@code null} counts as
 * absent and unknown keys are ignored.
 */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** The shared mapper; thread-safe for reading and writing trees. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A new empty object node. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A new empty array node. */
  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Serialises a tree to UTF-8 bytes. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses UTF-8 bytes to a tree; empty input gives {@link Optional#empty()}. */
  public static Optional<JsonNode> parse(byte[] body) throws IOException {
    if (body == null || body.length == 0) {
      return Optional.empty();
    }
    JsonNode node = MAPPER.readTree(body);
    return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
  }

  /** The field, unless it is missing or JSON {@code null}. */
  public static Optional<JsonNode> field(JsonNode parent, String name) {
    if (parent == null) {
      return Optional.empty();
    }
    JsonNode value = parent.get(name);
    return value == null || value.isNull() || value.isMissingNode()
        ? Optional.empty()
        : Optional.of(value);
  }

  /**
   * A textual field; numbers and booleans are converted to text, missing and {@code null} are
   * absent, anything else (objects, arrays) is absent too.
   */
  public static Optional<String> text(JsonNode parent, String name) {
    return field(parent, name).filter(JsonNode::isValueNode).map(JsonNode::asText);
  }

  /**
   * A field that may be a single string or an array of strings (e.g. {@code route}); {@code null}
   * elements are skipped.
   */
  public static Optional<List<String>> textList(JsonNode parent, String name) {
    return field(parent, name)
        .map(
            node -> {
              List<String> values = new ArrayList<>();
              if (node.isArray()) {
                node.forEach(
                    element -> {
                      if (element.isValueNode() && !element.isNull()) {
                        values.add(element.asText());
                      }
                    });
              } else if (node.isValueNode()) {
                values.add(node.asText());
              }
              return values;
            });
  }
}
