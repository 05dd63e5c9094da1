package dev.mci.client.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.Json;
import dev.mci.client.messages.EmailAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads log rows leniently: absent or null fields become null (lists become empty), and where the
 * reference records two shapes for one field both are accepted.
 */
final class Rows {

  private final Envelope envelope;

  Rows(Envelope envelope) {
    this.envelope = envelope;
  }

  /** The rows under {@code wrapper} in every {@code data[]} element ({@code data[0].clickLogs}). */
  List<JsonNode> wrapped(String wrapper) {
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode element : envelope.data()) {
      rows.addAll(Json.elements(element, wrapper));
    }
    return rows;
  }

  /** The {@code data[]} elements themselves, for endpoints without a wrapper key. */
  List<JsonNode> flat() {
    return envelope.data();
  }

  String text(JsonNode row, String field) {
    return Json.text(row, field);
  }

  Boolean bool(JsonNode row, String field) {
    return Json.bool(row, field);
  }

  Integer integer(JsonNode row, String field) {
    OptionalInt value = Json.integer(row, field);
    return value.isPresent() ? value.getAsInt() : null;
  }

  Long number(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value != null && value.canConvertToLong() ? value.longValue() : null;
  }

  Double decimal(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value != null && value.isNumber() ? value.doubleValue() : null;
  }

  List<String> texts(JsonNode row, String field) {
    List<String> values = new ArrayList<>();
    for (JsonNode element : Json.elements(row, field)) {
      if (element.isValueNode() && !element.isNull()) {
        values.add(element.asText());
      }
    }
    return values;
  }

  /** A date, or null when absent or blank; a value that is not a date is an invalid response. */
  Instant date(JsonNode row, String field) {
    return envelope.date(row, field);
  }

  /**
   * An address object: {@code {emailAddress, displayableName}} (Elastic, 1.0) or {@code {address}}
   * (the API 2.0 schema sample); a plain string is taken as the address. Null when absent.
   */
  EmailAddress address(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isValueNode()) {
      return new EmailAddress(node.asText(), null);
    }
    String address = Json.text(node, "emailAddress");
    return new EmailAddress(
        address != null ? address : Json.text(node, "address"), Json.text(node, "displayableName"));
  }

  /** One address object or an array of them. */
  List<EmailAddress> addresses(JsonNode node) {
    List<EmailAddress> list = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(element -> list.add(address(element)));
    } else if (node != null && node.isObject()) {
      list.add(address(node));
    }
    return list;
  }
}
