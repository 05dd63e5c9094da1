package dev.mci.cli.hunt;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.events.StoreOption;
import dev.mci.cli.support.Column;
import dev.mci.store.EventStore;
import dev.mci.store.SqlResult;
import dev.mci.store.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mci hunt sql "SELECT ..."}: your own query on a read-only connection. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run one SQL statement on a read-only connection to the store: it cannot change anything.",
      "Tables: mci_events (event_time in epoch ms, log_type, sender, sender_alt, user_address, ip,"
          + " domain, sha256, subject, action, message_id, aggregate_id, raw JSON ...),"
          + " mci_checkpoints, mci_quarantine, mci_cases."
    })
public final class HuntSqlCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin StoreOption storeOption;

  @Parameters(index = "0", paramLabel = "SQL", description = "One SELECT statement.")
  String sql;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Stop after N rows (default: 0, all rows).")
  int limit;

  public HuntSqlCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (sql == null || sql.isBlank()) {
      throw new UserInputException(
          "give a SQL statement, e.g. \"SELECT COUNT(*) FROM mci_events\"");
    }
    if (limit < 0) {
      throw new UserInputException("--limit must be 0 (all) or more, got " + limit);
    }
    try (EventStore store = EventStore.openReadOnly(storeOption.location(context.environment()));
        SqlResult result = store.sql(sql, limit)) {
      List<String> columns = result.columns();
      List<Column<Map<String, Object>>> table = new ArrayList<>();
      for (String column : columns) {
        table.add(Column.of(column, row -> row.get(column)));
      }
      // Rows stream straight from the database to the output (only the table format buffers).
      Iterable<Map<String, Object>> rows =
          () -> {
            var values = result.iterator();
            return new java.util.Iterator<>() {
              @Override
              public boolean hasNext() {
                return values.hasNext();
              }

              @Override
              public Map<String, Object> next() {
                List<Object> row = values.next();
                Map<String, Object> named = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                  named.put(columns.get(i), row.get(i));
                }
                return named;
              }
            };
          };
      context.output().rows(table, rows);
    } catch (StoreException e) {
      throw StoreOption.problem(e);
    }
    return ExitCode.OK;
  }
}
