package dev.mci.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The SQL of one engine, read from resources: the shared {@code queries.properties}, overridden by
 * the engine's {@code dialect.properties}, and the engine's versioned schema scripts listed in its
 * {@code migrations.txt}. Immutable.
 */
final class Dialect {

  private static final String ROOT = "/dev/mci/store/sql/";

  private final StoreLocation.Engine engine;
  private final Properties statements;
  private final List<String> migrations;

  private Dialect(StoreLocation.Engine engine, Properties statements, List<String> migrations) {
    this.engine = engine;
    this.statements = statements;
    this.migrations = migrations;
  }

  static Dialect of(StoreLocation.Engine engine) {
    Properties statements = new Properties();
    load(statements, ROOT + "queries.properties");
    load(statements, ROOT + engine.resourceFolder() + "/dialect.properties");
    List<String> migrations = new ArrayList<>();
    for (String line : read(ROOT + engine.resourceFolder() + "/migrations.txt").split("\n")) {
      if (!line.isBlank() && !line.strip().startsWith("#")) {
        migrations.add(line.strip());
      }
    }
    return new Dialect(engine, statements, List.copyOf(migrations));
  }

  StoreLocation.Engine engine() {
    return engine;
  }

  /** A named statement. */
  String sql(String name) {
    String sql = statements.getProperty(name);
    if (sql == null) {
      throw new IllegalStateException("no SQL named " + name + " for " + engine);
    }
    return sql.strip();
  }

  /** Runs the {@code ;}-separated statements of a setting (blank runs nothing). */
  void run(Connection connection, String name) throws SQLException {
    runScript(connection, sql(name));
  }

  /** The schema scripts in order: version number, file name and text. */
  List<Migration> migrations() {
    List<Migration> list = new ArrayList<>();
    for (String file : migrations) {
      int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
      list.add(new Migration(version, file, read(ROOT + engine.resourceFolder() + "/" + file)));
    }
    return list;
  }

  /** One versioned schema script. */
  record Migration(int version, String name, String script) {}

  /** Runs a script: statements end with {@code ;}; lines starting with {@code --} are comments. */
  static void runScript(Connection connection, String script) throws SQLException {
    StringBuilder current = new StringBuilder();
    try (Statement statement = connection.createStatement()) {
      for (String line : script.split("\n")) {
        String trimmed = line.strip();
        if (trimmed.startsWith("--")) {
          continue;
        }
        for (String part : splitKeepingEnds(line)) {
          current.append(part);
          if (part.endsWith(";")) {
            execute(statement, current.substring(0, current.length() - 1));
            current.setLength(0);
          }
        }
        current.append('\n');
      }
      execute(statement, current.toString());
    }
  }

  private static List<String> splitKeepingEnds(String line) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ';') {
        parts.add(line.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < line.length()) {
      parts.add(line.substring(start));
    }
    return parts;
  }

  private static void execute(Statement statement, String sql) throws SQLException {
    if (!sql.isBlank()) {
      statement.execute(sql.strip());
    }
  }

  private static void load(Properties properties, String resource) {
    try (InputStream in = Dialect.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = Dialect.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
