package dev.mci.investigate.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mci.investigate.CaseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON form of a {@link Case}: ISO-8601 UTC times, nulls left out, unknown fields ignored on
 * reading (a newer build may add fields without a new schema version), and a schema-version check
 * so a case written by a newer, incompatible build is refused with a clear message.
 */
public final class CaseJson {

  /** The mapper used for {@code case.json} and JSON evidence. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(new Jdk8Module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_ABSENT);

  private CaseJson() {}

  /** The case as pretty-printed JSON. */
  public static String write(Case model) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(model);
    } catch (IOException e) {
      throw new CaseException("cannot serialise case " + model.id() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a {@code case.json}.
   *
   * @throws CaseException if the file cannot be read, is not a case, or has a newer schema
   */
  public static Case read(Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new CaseException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("schemaVersion").isInt()) {
      throw new CaseException(file + " is not an MCI case (no schemaVersion)", null);
    }
    int version = root.get("schemaVersion").asInt();
    if (version > Case.SCHEMA_VERSION || version < 1) {
      throw new CaseException(
          file
              + " has case schema version "
              + version
              + "; this mci reads versions 1 to "
              + Case.SCHEMA_VERSION
              + ": upgrade mci to open it",
          null);
    }
    try {
      return MAPPER.treeToValue(root, Case.class);
    } catch (IOException e) {
      throw new CaseException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
