package dev.mci.simulator.awareness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.tenant.User;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code searchBy} object of reference 06 §1: {@code {"fieldName": name | email | department |
 * customAttribute, "value": ...}}. Matching rules are a simulator choice (UNVERIFIED): {@code name}
 * is a case-insensitive substring of the display name, {@code email} and {@code department} match
 * exactly ignoring case, and {@code customAttribute} matches nobody (the tenant has none).
 */
final class UserSearch {

  private static final List<String> FIELDS =
      List.of("name", "email", "department", "customAttribute");

  private UserSearch() {}

  /**
   * Validates the request item's {@code searchBy} and copies it, normalised, into {@code query}.
   *
   * @throws ItemFailure when the field name is not allowed or the value is blank
   */
  static void copy(ObjectNode item, ObjectNode query) {
    Optional<JsonNode> searchBy = Json.field(item, "searchBy");
    if (searchBy.isEmpty()) {
      return;
    }
    String field = Json.text(searchBy.get(), "fieldName").map(String::strip).orElse("");
    if (!FIELDS.contains(field)) {
      throw new ItemFailure(
          ApiError.onField(
              ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
              "Field must be one of " + FIELDS,
              "searchBy.fieldName"));
    }
    String value = Json.text(searchBy.get(), "value").map(String::strip).orElse("");
    if (value.isEmpty()) {
      throw new ItemFailure(
          ApiError.onField(
              ErrorCodes.VALIDATION_BLANK,
              "This field, if present, cannot be blank or empty",
              "searchBy.value"));
    }
    ObjectNode copy = query.putObject("searchBy");
    copy.put("fieldName", field);
    copy.put("value", value);
  }

  /** Whether {@code user} matches the {@code searchBy} of an (already validated) query. */
  static boolean matches(JsonNode query, User user) {
    Optional<JsonNode> searchBy = Json.field(query, "searchBy");
    if (searchBy.isEmpty()) {
      return true;
    }
    String value = Json.text(searchBy.get(), "value").orElse("").toLowerCase(Locale.ROOT);
    switch (Json.text(searchBy.get(), "fieldName").orElse("")) {
      case "name":
        return user.displayName().toLowerCase(Locale.ROOT).contains(value);
      case "email":
        return user.address().equalsIgnoreCase(value);
      case "department":
        return user.department().equalsIgnoreCase(value);
      default:
        return false;
    }
  }
}
