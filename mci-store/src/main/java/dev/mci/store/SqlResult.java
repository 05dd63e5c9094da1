package dev.mci.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of {@link EventStore#sql}, read lazily from the database while iterated, so a large
 * result streams instead of filling memory. Values are {@code String}, {@code Long}, {@code Double}
 * or null. Iterate once; close it (try-with-resources).
 */
public final class SqlResult implements Iterable<List<Object>>, AutoCloseable {

  private final EventStore store;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final List<String> columns;
  private final int[] types;
  private final List<Object> updateRow;

  SqlResult(EventStore store, PreparedStatement statement, ResultSet rows) throws SQLException {
    this.store = store;
    this.statement = statement;
    this.rows = rows;
    ResultSetMetaData meta = rows.getMetaData();
    List<String> names = new ArrayList<>();
    this.types = new int[meta.getColumnCount()];
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      names.add(meta.getColumnLabel(i));
      types[i - 1] = meta.getColumnType(i);
    }
    this.columns = List.copyOf(names);
    this.updateRow = null;
  }

  private SqlResult(EventStore store, int updated) {
    this.store = store;
    this.statement = null;
    this.rows = null;
    this.columns = List.of("updated");
    this.types = new int[0];
    this.updateRow = List.of((long) updated);
  }

  static SqlResult updateCount(EventStore store, int updated) {
    return new SqlResult(store, updated);
  }

  /** The column labels. */
  public List<String> columns() {
    return columns;
  }

  /**
   * The rows in order.
   *
   * @throws StoreException from iteration when reading a row fails
   */
  @Override
  public Iterator<List<Object>> iterator() {
    if (rows == null) {
      return List.of(updateRow).iterator();
    }
    return new Iterator<>() {
      private Boolean ready;

      @Override
      public boolean hasNext() {
        if (ready == null) {
          try {
            ready = rows.next();
          } catch (SQLException e) {
            throw new StoreException(
                StoreException.Kind.BAD_QUERY,
                "reading the result failed: " + EventStore.message(e),
                e);
          }
        }
        return ready;
      }

      @Override
      public List<Object> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ready = null;
        List<Object> values = new ArrayList<>(columns.size());
        try {
          for (int i = 1; i <= columns.size(); i++) {
            values.add(EventStore.value(rows, i, types[i - 1]));
          }
        } catch (SQLException e) {
          throw new StoreException(
              StoreException.Kind.BAD_QUERY, "reading a row failed: " + EventStore.message(e), e);
        }
        return values;
      }
    };
  }

  @Override
  public void close() {
    try {
      if (statement != null) {
        statement.close();
      }
      store.endRead();
    } catch (SQLException e) {
      store.rollbackQuietly();
    }
  }
}
