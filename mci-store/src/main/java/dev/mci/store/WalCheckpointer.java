package dev.mci.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies committed pages from a SQLite store's write-ahead log into the database file on its own
 * connection and thread, after each commit of the writer. Left to the writer, that copy (and its
 * fsync) would stall the inserting thread every few thousand pages; here it overlaps with the next
 * inserts. A passive checkpoint never blocks the writer or readers, and the writer keeps SQLite's
 * own automatic checkpoint as a backstop (at a larger size) in case this thread falls behind.
 * Durability is unchanged: a commit is durable in the log before any checkpoint copies it.
 *
 * <p>SQLite reuses the log from its start only when a write transaction begins after every page was
 * copied, which a writer that starts its next transaction at once rarely sees; so when the log has
 * grown past a limit, {@link #awaitShortLog} makes the writer wait for the copy of its last commit
 * before it begins the next transaction (a short wait every few transactions).
 */
final class WalCheckpointer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

  private final Connection connection;
  private final long limitFrames;
  private final Thread thread;
  private long requested;
  private long done;
  private long logFrames;
  private boolean stopped;

  private WalCheckpointer(Connection connection, long limitFrames) {
    this.connection = connection;
    this.limitFrames = limitFrames;
    this.thread = new Thread(this::run, "mci-store-checkpoint");
    this.thread.setDaemon(true);
  }

  /**
   * Starts checkpointing on {@code connection}, which it owns from now on.
   *
   * @param limitFrames log pages past which the writer waits for a checkpoint to catch up
   */
  static WalCheckpointer start(Connection connection, long limitFrames) {
    WalCheckpointer checkpointer = new WalCheckpointer(connection, limitFrames);
    checkpointer.thread.start();
    return checkpointer;
  }

  /** Asks for a checkpoint soon (the writer just committed); never waits. */
  synchronized void request() {
    requested++;
    notifyAll();
  }

  /**
   * Called before a write transaction: when the log has grown past the limit, waits until every
   * checkpoint asked for so far is done, so a transaction that begins now can start the log again
   * from its beginning.
   *
   * @return whether it waited: the writer should begin its transaction afresh
   */
  synchronized boolean awaitShortLog() {
    if (logFrames <= limitFrames) {
      return false;
    }
    long target = requested;
    while (done < target && !stopped) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    logFrames = 0;
    return true;
  }

  /** Stops the thread (after a checkpoint it is running) and closes its connection. */
  @Override
  public void close() {
    synchronized (this) {
      stopped = true;
      notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // Nothing was pending on this connection: a checkpoint is complete or never started.
    }
  }

  private void run() {
    try (Statement statement = connection.createStatement()) {
      long target;
      while ((target = awaitRequest()) >= 0) {
        long frames;
        // One row: busy flag, pages in the log, pages copied into the database.
        try (ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
          frames = result.next() ? result.getLong(2) : 0;
        }
        finished(target, frames);
      }
    } catch (SQLException e) {
      // The writer's own automatic checkpoint takes over; nothing is lost.
      LOG.debug("background checkpoints stopped: {}", EventStore.message(e));
    } finally {
      synchronized (this) {
        stopped = true;
        notifyAll();
      }
    }
  }

  /** The number of requests to satisfy, once there is one; -1 when stopping. */
  private synchronized long awaitRequest() {
    while (done == requested && !stopped) {
      try {
        wait();
      } catch (InterruptedException e) {
        return -1;
      }
    }
    return stopped ? -1 : requested;
  }

  private synchronized void finished(long target, long frames) {
    done = target;
    logFrames = frames;
    notifyAll();
  }
}
