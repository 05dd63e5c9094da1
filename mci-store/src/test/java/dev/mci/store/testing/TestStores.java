package dev.mci.store.testing;

import dev.mci.store.StoreLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Stores for tests on both engines: a SQLite file in a temporary folder, or a fresh schema in the
 * machine's PostgreSQL (so parallel runs never share tables). PostgreSQL must be running: a test
 * fails rather than skips when it is not (CI starts it).
 */
public final class TestStores {

  /** The PostgreSQL the tests use; the build passes it as {@code -Dmci.test.postgres}. */
  public static final String POSTGRES =
      System.getProperty(
          "mci.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private TestStores() {}

  /** The engines every store test runs on. */
  public static StoreLocation.Engine[] engines() {
    return StoreLocation.Engine.values();
  }

  /** A new, empty store location of {@code engine}. */
  public static StoreLocation create(StoreLocation.Engine engine, Path folder) {
    if (engine == StoreLocation.Engine.SQLITE) {
      return StoreLocation.sqlite(folder.resolve("store-" + UUID.randomUUID() + ".db"));
    }
    String schema = "mci_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("CREATE SCHEMA " + schema);
    return new StoreLocation(
        StoreLocation.Engine.POSTGRESQL,
        POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + schema);
  }

  /** Drops a PostgreSQL test schema (SQLite files go with their temporary folder). */
  public static void drop(StoreLocation location) {
    if (location.engine() != StoreLocation.Engine.POSTGRESQL) {
      return;
    }
    String url = location.jdbcUrl();
    String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(POSTGRES);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at "
              + POSTGRES
              + " is needed for the store tests (.ci/run starts it): "
              + e.getMessage(),
          e);
    }
  }
}
