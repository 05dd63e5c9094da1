package dev.mci.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * The durable event store: one schema on embedded SQLite (the default, WAL mode so hunts run while
 * a pull writes) or PostgreSQL (a team's shared store). Holds the events, the per-stream
 * checkpoints, the quarantine list and the case index.
 *
 * <p>{@link #open} opens for writing and brings the schema up to date (versioned scripts, applied
 * once, one process at a time); {@link #openReadOnly} opens a connection that cannot change
 * anything, for hunts. An instance holds one connection and is not for concurrent use: open one per
 * thread or process.
 */
public final class EventStore implements AutoCloseable {

  /** Rows sent to the database per JDBC batch. */
  static final int BATCH_ROWS = 500;

  /**
   * Log pages (16 KiB each) past which a SQLite writer lets the background checkpoint catch up
   * before its next transaction, so the log is reused from its start (about 64 MiB).
   */
  static final long WAL_LIMIT_FRAMES = 4096;

  /** Width of the hour buckets that lead the hunt indexes. */
  static final long BUCKET_MILLIS = 3_600_000L;

  /** Hour buckets one hunt statement seeks through (one {@code IN} list). */
  static final int BUCKETS_PER_QUERY = 336;

  private final StoreLocation location;
  private final Dialect dialect;
  private final Connection connection;
  private final boolean readOnly;
  private final Clock clock;
  private final WalCheckpointer checkpointer;
  private Ingest activeIngest;

  private EventStore(
      StoreLocation location,
      Dialect dialect,
      Connection connection,
      boolean readOnly,
      Clock clock,
      WalCheckpointer checkpointer) {
    this.location = location;
    this.dialect = dialect;
    this.connection = connection;
    this.readOnly = readOnly;
    this.clock = clock;
    this.checkpointer = checkpointer;
  }

  /**
   * Opens a store for writing, creating it (and, for SQLite, its folder) if needed and applying any
   * schema scripts it lacks.
   *
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static EventStore open(StoreLocation location) {
    return open(location, Clock.systemUTC());
  }

  /** {@link #open(StoreLocation)} with a clock for the {@code ingested} and checkpoint times. */
  public static EventStore open(StoreLocation location, Clock clock) {
    return open(location, clock, WAL_LIMIT_FRAMES);
  }

  /**
   * {@link #open(StoreLocation, Clock)} with the SQLite log's page limit (tests use a small one).
   */
  static EventStore open(StoreLocation location, Clock clock, long walLimitFrames) {
    Dialect dialect = Dialect.of(location.engine());
    location
        .file()
        .map(Path::toAbsolutePath)
        .map(Path::getParent)
        .ifPresent(EventStore::createFolder);
    Connection connection = connect(location, false);
    try {
      dialect.run(connection, "connection.setup");
      dialect.run(connection, "writer.setup");
      migrate(connection, dialect, clock);
      connection.setAutoCommit(false);
      WalCheckpointer checkpointer =
          location.engine() == StoreLocation.Engine.SQLITE
              ? checkpointer(location, dialect, walLimitFrames)
              : null;
      return new EventStore(location, dialect, connection, false, clock, checkpointer);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw failureStatic("cannot prepare the store " + location, e);
    }
  }

  /** A second connection to a SQLite store that checkpoints its log after each commit. */
  private static WalCheckpointer checkpointer(
      StoreLocation location, Dialect dialect, long limitFrames) throws SQLException {
    Connection connection = connect(location, false);
    try {
      dialect.run(connection, "connection.setup");
    } catch (SQLException e) {
      closeQuietly(connection);
      throw e;
    }
    return WalCheckpointer.start(connection, limitFrames);
  }

  /**
   * Opens an existing store read-only: no statement on this connection can change the store.
   *
   * @throws StoreException of kind CONFIGURATION when a SQLite store does not exist yet
   */
  public static EventStore openReadOnly(StoreLocation location) {
    Optional<Path> file = location.file();
    if (file.isPresent() && !Files.exists(file.get())) {
      throw new StoreException(
          StoreException.Kind.CONFIGURATION,
          "no store at " + file.get() + "; run 'mci events pull' first, or give --store",
          null);
    }
    Dialect dialect = Dialect.of(location.engine());
    Connection connection = connect(location, true);
    try {
      dialect.run(connection, "connection.setup");
      dialect.run(connection, "reader.setup");
      connection.setReadOnly(true);
      requireSchema(connection, dialect, location);
      return new EventStore(location, dialect, connection, true, Clock.systemUTC(), null);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw failureStatic("cannot open the store " + location, e);
    }
  }

  /** Fails with a clear message when the database holds no MCI store (yet). */
  private static void requireSchema(Connection connection, Dialect dialect, StoreLocation location)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(dialect.sql("schema.version.current"))) {
      rows.next();
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new StoreException(
          StoreException.Kind.CONFIGURATION,
          "no store at " + location + " (it holds no MCI tables); run 'mci events pull' first",
          e);
    }
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }

  /** Where the store lives. */
  public StoreLocation location() {
    return location;
  }

  /** Whether this connection can only read. */
  public boolean readOnly() {
    return readOnly;
  }

  /** The schema version the store is at. */
  public int schemaVersion() {
    return queryLong(dialect.sql("schema.version.current")).intValue();
  }

  /**
   * Starts a write transaction. Add events, then {@link Ingest#commit} them together with the
   * stream's checkpoint; closing without committing rolls everything back.
   */
  public Ingest ingest() {
    requireWritable();
    try {
      return new Ingest();
    } catch (SQLException e) {
      throw failure("cannot start a write transaction", e);
    }
  }

  /** Writes a checkpoint on its own (a stream that moved on without new rows). */
  public void saveCheckpoint(String stream, String cursor) {
    try (Ingest ingest = ingest()) {
      ingest.commit(stream, cursor);
    }
  }

  /** Forgets a stream's checkpoint: its next pull starts again from its start time. */
  public void resetCheckpoint(String stream) {
    requireWritable();
    try (PreparedStatement statement =
        connection.prepareStatement(dialect.sql("checkpoint.delete"))) {
      statement.setString(1, stream);
      statement.executeUpdate();
      connection.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      throw failure("cannot reset checkpoint " + stream, e);
    }
  }

  /** A stream's checkpoint, if it has one. */
  public Optional<Checkpoint> checkpoint(String stream) {
    try (PreparedStatement statement = connection.prepareStatement(dialect.sql("checkpoint.get"))) {
      statement.setString(1, stream);
      try (ResultSet rows = statement.executeQuery()) {
        Optional<Checkpoint> found = rows.next() ? Optional.of(checkpoint(rows)) : Optional.empty();
        endRead();
        return found;
      }
    } catch (SQLException e) {
      throw failure("cannot read checkpoint " + stream, e);
    }
  }

  /** Every checkpoint, by stream name. */
  public List<Checkpoint> checkpoints() {
    List<Checkpoint> list = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(dialect.sql("checkpoint.list"));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        list.add(checkpoint(rows));
      }
      endRead();
      return list;
    } catch (SQLException e) {
      throw failure("cannot list checkpoints", e);
    }
  }

  /** Every quarantined file, oldest first. */
  public List<QuarantinedFile> quarantined() {
    List<QuarantinedFile> list = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(dialect.sql("quarantine.list"));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        list.add(
            new QuarantinedFile(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                Instant.ofEpochMilli(rows.getLong(5))));
      }
      endRead();
      return list;
    } catch (SQLException e) {
      throw failure("cannot list quarantined files", e);
    }
  }

  /** Number of stored events. */
  public long count() {
    return queryLong(dialect.sql("events.count"));
  }

  /** The newest stored event time of a log type, if any is stored. */
  public Optional<Instant> newest(String logType) {
    try (PreparedStatement statement = connection.prepareStatement(dialect.sql("events.newest"))) {
      statement.setString(1, logType);
      try (ResultSet rows = statement.executeQuery()) {
        Optional<Instant> found =
            rows.next() ? Optional.of(Instant.ofEpochMilli(rows.getLong(1))) : Optional.empty();
        endRead();
        return found;
      }
    } catch (SQLException e) {
      throw failure("cannot read the newest " + logType + " event", e);
    }
  }

  /**
   * Runs a canned hunt over every stored log type, newest first. The hunt indexes lead with the
   * event's hour bucket, so the hunt walks the buckets from the newest, a few hundred at a time,
   * with one index seek per bucket and column, until it has {@code limit} events; the total is
   * counted only when the limit cuts the result short.
   */
  public HuntResult hunt(HuntQuery query) {
    String value = query.kind().normalise(query.value());
    int limit = query.limit() == 0 ? Integer.MAX_VALUE : query.limit();
    try {
      Optional<long[]> range = bucketRange(query);
      if (range.isEmpty()) {
        endRead();
        return new HuntResult(List.of(), 0);
      }
      long first = range.get()[0];
      long last = range.get()[1];
      List<long[]> found = new ArrayList<>();
      Set<Long> seen = new HashSet<>();
      for (long high = last; high >= first && found.size() < limit; high -= BUCKETS_PER_QUERY) {
        long low = Math.max(first, high - BUCKETS_PER_QUERY + 1);
        List<long[]> chunk = new ArrayList<>();
        for (String column : query.kind().columns()) {
          String sql =
              "SELECT id, event_time FROM mci_events WHERE bucket IN ("
                  + buckets(low, high)
                  + ") AND "
                  + column
                  + " = ?"
                  + timeBounds(query)
                  + " ORDER BY event_time DESC, id DESC"
                  + (limit == Integer.MAX_VALUE ? "" : " LIMIT " + (limit - found.size()));
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindValueAndTimes(statement, value, query);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                long id = rows.getLong(1);
                if (seen.add(id)) {
                  chunk.add(new long[] {id, rows.getLong(2)});
                }
              }
            }
          }
        }
        // Every event of a newer chunk is newer than any of an older one.
        chunk.sort((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(b[0], a[0]));
        for (long[] row : chunk) {
          if (found.size() >= limit) {
            break;
          }
          found.add(row);
        }
      }
      List<HuntRow> rows = rowsById(found);
      long total = rows.size();
      if (limit != Integer.MAX_VALUE && rows.size() >= limit) {
        total = countHunt(query, value, first, last);
      }
      endRead();
      return new HuntResult(rows, total);
    } catch (SQLException e) {
      throw failure("the " + query.kind().name().toLowerCase(Locale.ROOT) + " hunt failed", e);
    }
  }

  /** Hour buckets a hunt looks at: the stored range, narrowed by the query's time bounds. */
  private Optional<long[]> bucketRange(HuntQuery query) throws SQLException {
    Optional<Long> first = oneLong(dialect.sql("events.first"));
    Optional<Long> last = oneLong(dialect.sql("events.last"));
    if (first.isEmpty() || last.isEmpty()) {
      return Optional.empty();
    }
    long from = first.get();
    long to = last.get();
    if (query.since() != null) {
      from = Math.max(from, query.since().toEpochMilli());
    }
    if (query.until() != null) {
      to = Math.min(to, query.until().toEpochMilli());
    }
    if (from > to) {
      return Optional.empty();
    }
    return Optional.of(new long[] {bucketOf(from), bucketOf(to)});
  }

  /** The hour bucket of an event time (the leading column of the hunt indexes). */
  static long bucketOf(long eventTime) {
    return Math.floorDiv(eventTime, BUCKET_MILLIS);
  }

  private Optional<Long> oneLong(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
    }
  }

  private List<HuntRow> rowsById(List<long[]> found) throws SQLException {
    List<HuntRow> rows = new ArrayList<>(found.size());
    for (int from = 0; from < found.size(); from += 500) {
      List<long[]> part = found.subList(from, Math.min(found.size(), from + 500));
      StringBuilder ids = new StringBuilder();
      for (long[] row : part) {
        ids.append(ids.length() == 0 ? "" : ",").append(row[0]);
      }
      Map<Long, HuntRow> byId = new HashMap<>();
      try (Statement statement = connection.createStatement();
          ResultSet result =
              statement.executeQuery(
                  "SELECT id, event_time, log_type, source, sender, sender_alt, user_address, ip,"
                      + " domain, sha256, subject, action, message_id, aggregate_id, raw"
                      + " FROM mci_events WHERE id IN ("
                      + ids
                      + ")")) {
        while (result.next()) {
          HuntRow row = huntRow(result);
          byId.put(row.id(), row);
        }
      }
      for (long[] row : part) {
        HuntRow hit = byId.get(row[0]);
        if (hit != null) {
          rows.add(hit);
        }
      }
    }
    return rows;
  }

  /**
   * Runs one SQL statement and returns its rows as a lazy cursor (close it). On a read-only store
   * nothing the statement does can change the store.
   *
   * @param maxRows most rows returned; 0 for all
   * @throws StoreException of kind BAD_QUERY when the database refuses the statement
   */
  public SqlResult sql(String sql, int maxRows) {
    String statementText = sql.strip();
    while (statementText.endsWith(";")) {
      statementText = statementText.substring(0, statementText.length() - 1).strip();
    }
    if (statementText.isEmpty()) {
      throw new StoreException(StoreException.Kind.BAD_QUERY, "the SQL statement is empty", null);
    }
    if (statementText.contains(";")) {
      throw new StoreException(
          StoreException.Kind.BAD_QUERY,
          "give one SQL statement (no ';' between statements)",
          null);
    }
    PreparedStatement statement = null;
    try {
      statement = connection.prepareStatement(statementText);
      if (maxRows > 0) {
        statement.setMaxRows(maxRows);
      }
      if (statement.execute()) {
        return new SqlResult(this, statement, statement.getResultSet());
      }
      int updated = statement.getUpdateCount();
      statement.close();
      return SqlResult.updateCount(this, updated);
    } catch (SQLException e) {
      if (statement != null) {
        try {
          statement.close();
        } catch (SQLException ignored) {
          // The refusal is what matters.
        }
      }
      rollbackQuietly();
      throw new StoreException(
          StoreException.Kind.BAD_QUERY, "the store refused the SQL: " + message(e), e);
    }
  }

  /** The case index. */
  public CaseIndex cases() {
    return new CaseIndex(this);
  }

  @Override
  public void close() {
    rollbackQuietly();
    if (checkpointer != null) {
      checkpointer.close();
    }
    closeQuietly(connection);
  }

  Connection connection() {
    return connection;
  }

  Dialect dialect() {
    return dialect;
  }

  Clock clock() {
    return clock;
  }

  void requireWritable() {
    if (readOnly) {
      throw new StoreException(
          StoreException.Kind.BAD_QUERY, "this store connection is read-only", null);
    }
  }

  /**
   * Ends the implicit read transaction so a long-lived reader does not pin old WAL frames; never
   * while an {@link Ingest} is open on this connection (that would commit its rows early).
   */
  void endRead() throws SQLException {
    if (activeIngest == null && !connection.getAutoCommit()) {
      connection.commit();
    }
  }

  /**
   * One write transaction: events added are inserted in JDBC batches (an event already stored is
   * skipped) and become visible together with the checkpoint on {@link #commit}. Closing without
   * committing rolls back.
   */
  public final class Ingest implements AutoCloseable {
    private final PreparedStatement insert;
    private final long ingested;
    private int pending;
    private long added;
    private long inserted;
    private boolean finished;

    private Ingest() throws SQLException {
      if (activeIngest != null) {
        throw new IllegalStateException("a write transaction is already open on this store");
      }
      if (checkpointer != null && checkpointer.awaitShortLog()) {
        // The driver began this transaction right after the last commit, before the checkpoint
        // had copied it; one begun now sees a fully copied log and restarts it.
        connection.commit();
      }
      this.insert = connection.prepareStatement(dialect.sql("event.insert"));
      this.ingested = clock.millis();
      activeIngest = this;
    }

    /** Queues one event. */
    public void add(StoredEvent event) {
      try {
        insert.setLong(1, event.eventTime());
        insert.setLong(2, bucketOf(event.eventTime()));
        insert.setString(3, event.fingerprint());
        insert.setString(4, event.source());
        insert.setString(5, event.logType());
        setText(6, event.messageId());
        setText(7, event.aggregateId());
        setText(8, event.sender());
        setText(9, event.senderAlt());
        setText(10, event.userAddress());
        setText(11, event.ip());
        setText(12, event.ipAlt());
        setText(13, event.domain());
        setText(14, event.domainAlt());
        setText(15, event.domainBase());
        setText(16, event.sha256());
        setText(17, event.subject());
        setText(18, event.action());
        insert.setString(19, event.raw());
        insert.setLong(20, ingested);
        insert.addBatch();
        added++;
        if (++pending >= BATCH_ROWS) {
          flush();
        }
      } catch (SQLException e) {
        throw failure("cannot store an event", e);
      }
    }

    /** Records a quarantined file in this transaction. */
    public void quarantine(QuarantinedFile file) {
      try (PreparedStatement statement =
          connection.prepareStatement(dialect.sql("quarantine.insert"))) {
        statement.setString(1, file.stream());
        statement.setString(2, file.file());
        statement.setString(3, file.path());
        statement.setString(4, file.reason());
        statement.setLong(5, file.created().toEpochMilli());
        statement.executeUpdate();
      } catch (SQLException e) {
        throw failure("cannot record a quarantined file", e);
      }
    }

    /**
     * Writes the stream's checkpoint and commits it with every event added.
     *
     * @return the events that were new (not already stored)
     */
    public long commit(String stream, String cursor) {
      try {
        flush();
        try (PreparedStatement upsert =
            connection.prepareStatement(dialect.sql("checkpoint.upsert"))) {
          upsert.setString(1, stream);
          if (cursor == null) {
            upsert.setNull(2, Types.VARCHAR);
          } else {
            upsert.setString(2, cursor);
          }
          upsert.setLong(3, clock.millis());
          upsert.setLong(4, inserted);
          upsert.executeUpdate();
        }
        connection.commit();
        finished = true;
        activeIngest = null;
        if (checkpointer != null) {
          checkpointer.request();
        }
        return inserted;
      } catch (SQLException e) {
        throw failure("cannot commit " + added + " events of " + stream, e);
      }
    }

    /** Events added so far. */
    public long added() {
      return added;
    }

    /**
     * Marks the current point of the transaction (a savepoint): {@link #rollbackTo} undoes what was
     * added after it and keeps what came before, e.g. to drop one damaged file of several.
     */
    public Mark mark() {
      try {
        flush();
        return new Mark(connection.setSavepoint(), added, inserted);
      } catch (SQLException e) {
        throw failure("cannot set a savepoint", e);
      }
    }

    /** Undoes everything added since {@code mark}. */
    public void rollbackTo(Mark mark) {
      try {
        insert.clearBatch();
        pending = 0;
        connection.rollback(mark.savepoint());
        added = mark.added();
        inserted = mark.inserted();
      } catch (SQLException e) {
        throw failure("cannot roll back to a savepoint", e);
      }
    }

    @Override
    public void close() {
      try {
        insert.close();
      } catch (SQLException e) {
        // Closing a statement of a transaction that is being rolled back adds nothing.
      }
      if (!finished) {
        finished = true;
        activeIngest = null;
        rollbackQuietly();
      }
    }

    private void flush() throws SQLException {
      if (pending == 0) {
        return;
      }
      for (int count : insert.executeBatch()) {
        if (count > 0) {
          inserted += count;
        }
      }
      pending = 0;
    }

    private void setText(int index, String value) throws SQLException {
      if (value == null) {
        insert.setNull(index, Types.VARCHAR);
      } else {
        insert.setString(index, value);
      }
    }
  }

  /** A point inside an {@link Ingest} transaction. */
  public record Mark(java.sql.Savepoint savepoint, long added, long inserted) {}

  private long countHunt(HuntQuery query, String value, long first, long last) throws SQLException {
    long total = 0;
    Set<Long> multiColumn = query.kind().columns().size() > 1 ? new HashSet<>() : null;
    for (long high = last; high >= first; high -= BUCKETS_PER_QUERY) {
      long low = Math.max(first, high - BUCKETS_PER_QUERY + 1);
      for (String column : query.kind().columns()) {
        String sql =
            (multiColumn == null ? "SELECT COUNT(*)" : "SELECT id")
                + " FROM mci_events WHERE bucket IN ("
                + buckets(low, high)
                + ") AND "
                + column
                + " = ?"
                + timeBounds(query);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          bindValueAndTimes(statement, value, query);
          try (ResultSet rows = statement.executeQuery()) {
            if (multiColumn == null) {
              rows.next();
              total += rows.getLong(1);
            } else {
              while (rows.next()) {
                multiColumn.add(rows.getLong(1));
              }
            }
          }
        }
      }
    }
    return multiColumn == null ? total : multiColumn.size();
  }

  /** A literal list of hour buckets, newest first (numbers the store computed, never input). */
  private static String buckets(long low, long high) {
    StringBuilder list = new StringBuilder();
    for (long bucket = high; bucket >= low; bucket--) {
      list.append(list.length() == 0 ? "" : ",").append(bucket);
    }
    return list.toString();
  }

  private static String timeBounds(HuntQuery query) {
    return (query.since() != null ? " AND event_time >= ?" : "")
        + (query.until() != null ? " AND event_time < ?" : "");
  }

  private static void bindValueAndTimes(PreparedStatement statement, String value, HuntQuery query)
      throws SQLException {
    int index = 1;
    statement.setString(index++, value);
    if (query.since() != null) {
      statement.setLong(index++, query.since().toEpochMilli());
    }
    if (query.until() != null) {
      statement.setLong(index, query.until().toEpochMilli());
    }
  }

  private static HuntRow huntRow(ResultSet rows) throws SQLException {
    return new HuntRow(
        rows.getLong(1),
        Instant.ofEpochMilli(rows.getLong(2)),
        rows.getString(3),
        rows.getString(4),
        rows.getString(5),
        rows.getString(6),
        rows.getString(7),
        rows.getString(8),
        rows.getString(9),
        rows.getString(10),
        rows.getString(11),
        rows.getString(12),
        rows.getString(13),
        rows.getString(14),
        rows.getString(15));
  }

  static Object value(ResultSet result, int column, int type) throws SQLException {
    Object value;
    switch (type) {
      case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT ->
          value = result.getLong(column);
      case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> {
        double number = result.getDouble(column);
        value =
            number == Math.rint(number) && Math.abs(number) < 1e15
                ? (Object) (long) number
                : number;
      }
      default -> value = result.getString(column);
    }
    return result.wasNull() ? null : value;
  }

  private Long queryLong(String sql) {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      long value = rows.getLong(1);
      endRead();
      return value;
    } catch (SQLException e) {
      throw failure("query failed: " + sql, e);
    }
  }

  private static Checkpoint checkpoint(ResultSet rows) throws SQLException {
    return new Checkpoint(
        rows.getString(1),
        Optional.ofNullable(rows.getString(2)),
        Instant.ofEpochMilli(rows.getLong(3)),
        rows.getLong(4));
  }

  private static void migrate(Connection connection, Dialect dialect, Clock clock)
      throws SQLException {
    connection.setAutoCommit(dialect.engine() == StoreLocation.Engine.SQLITE);
    try (Statement statement = connection.createStatement()) {
      String begin = dialect.sql("migration.begin");
      if (!begin.isEmpty()) {
        statement.execute(begin);
      }
      String lock = dialect.sql("migration.lock");
      if (!lock.isEmpty()) {
        statement.execute(lock);
      }
      statement.execute(dialect.sql("schema.version.create"));
      int current;
      try (ResultSet rows = statement.executeQuery(dialect.sql("schema.version.current"))) {
        rows.next();
        current = rows.getInt(1);
      }
      for (Dialect.Migration migration : dialect.migrations()) {
        if (migration.version() <= current) {
          continue;
        }
        Dialect.runScript(connection, migration.script());
        try (PreparedStatement insert =
            connection.prepareStatement(dialect.sql("schema.version.insert"))) {
          insert.setInt(1, migration.version());
          insert.setLong(2, clock.millis());
          insert.setString(3, migration.name());
          insert.executeUpdate();
        }
      }
      if (connection.getAutoCommit()) {
        statement.execute("COMMIT");
      } else {
        connection.commit();
      }
    } catch (SQLException e) {
      try {
        if (connection.getAutoCommit()) {
          try (Statement rollback = connection.createStatement()) {
            rollback.execute("ROLLBACK");
          }
        } else {
          connection.rollback();
        }
      } catch (SQLException ignored) {
        // The original failure is what matters.
      }
      throw e;
    }
  }

  private static Connection connect(StoreLocation location, boolean readOnly) {
    try {
      if (location.engine() == StoreLocation.Engine.SQLITE) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(30_000);
        if (!readOnly) {
          config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        return DriverManager.getConnection(location.jdbcUrl(), config.toProperties());
      }
      Properties properties = new Properties();
      properties.setProperty("ApplicationName", readOnly ? "mci-hunt" : "mci-store");
      properties.setProperty("connectTimeout", "10");
      return DriverManager.getConnection(location.jdbcUrl(), properties);
    } catch (SQLException e) {
      throw new StoreException(
          StoreException.Kind.UNAVAILABLE,
          "cannot connect to the store " + location + ": " + message(e),
          e);
    }
  }

  private static void createFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Kind.CONFIGURATION, "cannot create the store folder " + folder, e);
    }
  }

  void rollbackQuietly() {
    try {
      if (!connection.isClosed() && !connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // Nothing more can be done; the connection is being abandoned or reused after a failure.
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closing after a failure: the original failure is what matters.
    }
  }

  private StoreException failure(String what, SQLException e) {
    return new StoreException(
        StoreException.Kind.FAILED, what + " (" + location + "): " + message(e), e);
  }

  private static StoreException failureStatic(String what, SQLException e) {
    return new StoreException(StoreException.Kind.UNAVAILABLE, what + ": " + message(e), e);
  }

  static String message(SQLException e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return StoreLocation.redact(text.strip());
  }
}
