package dev.mci.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a store lives: an embedded SQLite file (the default, one file in the user's data folder) or
 * a PostgreSQL database given as a JDBC URL such as {@code
 * jdbc:postgresql://127.0.0.1:5432/mci?user=analyst}. {@link #toString()} hides passwords.
 *
 * @param engine the database engine
 * @param jdbcUrl the JDBC URL
 */
public record StoreLocation(Engine engine, String jdbcUrl) {

  /** The two supported engines; one schema serves both. */
  public enum Engine {
    /** Embedded SQLite (xerial sqlite-jdbc), WAL mode. */
    SQLITE,
    /** PostgreSQL, for a team sharing one store. */
    POSTGRESQL;

    /** The folder of this engine's SQL resources. */
    String resourceFolder() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The file name of the default store. */
  public static final String DEFAULT_FILE = "events.db";

  private static final Pattern PASSWORD =
      Pattern.compile("(?i)((?:password|pwd)=)[^&;]*|(//[^/@:]+:)[^/@]*@");

  /** Checks the URL matches the engine. */
  public StoreLocation {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
  }

  /**
   * Reads a {@code --store} value: a {@code jdbc:postgresql:} URL, a {@code jdbc:sqlite:} URL, or a
   * path to a SQLite file.
   *
   * @throws StoreException of kind CONFIGURATION for other JDBC URLs or blank text
   */
  public static StoreLocation parse(String text) {
    if (text == null || text.isBlank()) {
      throw new StoreException(
          StoreException.Kind.CONFIGURATION,
          "the store location is empty; give a file path or jdbc:postgresql://host:port/db",
          null);
    }
    String value = text.strip();
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return new StoreLocation(Engine.POSTGRESQL, value);
    }
    if (lower.startsWith("jdbc:sqlite:")) {
      return new StoreLocation(Engine.SQLITE, value);
    }
    if (lower.startsWith("jdbc:")) {
      throw new StoreException(
          StoreException.Kind.CONFIGURATION,
          "unsupported store '"
              + redact(value)
              + "': use a SQLite file path or jdbc:postgresql://host:port/database",
          null);
    }
    return sqlite(Path.of(value));
  }

  /** A SQLite store in {@code file}. */
  public static StoreLocation sqlite(Path file) {
    return new StoreLocation(Engine.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath());
  }

  /**
   * The default store, {@code events.db} in the user's data folder: {@code $MCI_DATA_DIR}, else
   * {@code $XDG_DATA_HOME/mci}, else {@code %LOCALAPPDATA%\mci} on Windows, else {@code
   * ~/.local/share/mci}.
   */
  public static StoreLocation defaultFor(Map<String, String> env) {
    return sqlite(dataFolder(env).resolve(DEFAULT_FILE));
  }

  /** The user's MCI data folder (see {@link #defaultFor}). */
  public static Path dataFolder(Map<String, String> env) {
    String explicit = env.get("MCI_DATA_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit.strip());
    }
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg.strip(), "mci");
    }
    String local = env.get("LOCALAPPDATA");
    if (local != null
        && !local.isBlank()
        && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
      return Path.of(local.strip(), "mci");
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "mci");
  }

  /** The SQLite file, for SQLite stores. */
  public Optional<Path> file() {
    if (engine != Engine.SQLITE) {
      return Optional.empty();
    }
    String path = jdbcUrl.substring("jdbc:sqlite:".length());
    int query = path.indexOf('?');
    path = query >= 0 ? path.substring(0, query) : path;
    if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file::memory:")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(path.startsWith("file:") ? path.substring(5) : path));
  }

  /** The location without passwords, for messages. */
  @Override
  public String toString() {
    return redact(jdbcUrl);
  }

  static String redact(String url) {
    return PASSWORD
        .matcher(url)
        .replaceAll(m -> m.group(1) != null ? m.group(1) + "***" : m.group(2) + "***@");
  }
}
