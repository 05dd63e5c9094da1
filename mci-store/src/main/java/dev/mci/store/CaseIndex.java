package dev.mci.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The index of investigation cases in the store (obtain it from {@link EventStore#cases()}). The
 * case folder is the record; the index lets analysts find cases by id, indicator or status.
 */
public final class CaseIndex {

  private final EventStore store;

  CaseIndex(EventStore store) {
    this.store = store;
  }

  /**
   * Adds a case.
   *
   * @throws StoreException when a case with that id exists or the write fails
   */
  public void add(CaseEntry entry) {
    store.requireWritable();
    try (PreparedStatement insert =
        store.connection().prepareStatement(store.dialect().sql("case.insert"))) {
      insert.setString(1, entry.id());
      insert.setLong(2, entry.created().toEpochMilli());
      insert.setString(3, entry.indicator());
      insert.setString(4, entry.type());
      insert.setString(5, entry.folder());
      insert.setString(6, entry.status());
      insert.setString(7, entry.summary());
      insert.executeUpdate();
      store.connection().commit();
    } catch (SQLException e) {
      rollback();
      throw new StoreException(
          StoreException.Kind.FAILED,
          "cannot add case " + entry.id() + ": " + EventStore.message(e),
          e);
    }
  }

  /** The case with this id. */
  public Optional<CaseEntry> get(String id) {
    List<CaseEntry> found = query(store.dialect().sql("case.get"), id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every case, newest first. */
  public List<CaseEntry> list() {
    return query(store.dialect().sql("case.list"), null);
  }

  /**
   * Changes a case's status and summary.
   *
   * @return whether the case exists
   */
  public boolean updateStatus(String id, String status, String summary) {
    store.requireWritable();
    try (PreparedStatement update =
        store.connection().prepareStatement(store.dialect().sql("case.status"))) {
      update.setString(1, status);
      update.setString(2, summary);
      update.setString(3, id);
      int changed = update.executeUpdate();
      store.connection().commit();
      return changed > 0;
    } catch (SQLException e) {
      rollback();
      throw new StoreException(
          StoreException.Kind.FAILED, "cannot update case " + id + ": " + EventStore.message(e), e);
    }
  }

  private List<CaseEntry> query(String sql, String id) {
    List<CaseEntry> cases = new ArrayList<>();
    try (PreparedStatement statement = store.connection().prepareStatement(sql)) {
      if (id != null) {
        statement.setString(1, id);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          cases.add(
              new CaseEntry(
                  rows.getString(1),
                  Instant.ofEpochMilli(rows.getLong(2)),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getString(7)));
        }
      }
      store.endRead();
      return cases;
    } catch (SQLException e) {
      throw new StoreException(
          StoreException.Kind.FAILED, "cannot read the case index: " + EventStore.message(e), e);
    }
  }

  private void rollback() {
    try {
      store.connection().rollback();
    } catch (SQLException ignored) {
      // The failure being reported is what matters.
    }
  }
}
