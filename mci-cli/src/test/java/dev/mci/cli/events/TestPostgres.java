package dev.mci.cli.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema in the machine's PostgreSQL per test, so parallel runs never share tables. The
 * server must be running (.ci/run starts it): a test fails rather than skips without it.
 */
public final class TestPostgres implements AutoCloseable {

  /** The PostgreSQL the tests use. */
  public static final String URL =
      System.getProperty(
          "mci.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private final String schema =
      "mci_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

  public TestPostgres() {
    execute("CREATE SCHEMA " + schema);
  }

  /** The {@code --store} value of this schema. */
  public String store() {
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  public void close() {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + URL + " is needed by this test (.ci/run starts it): " + e.getMessage(),
          e);
    }
  }
}
