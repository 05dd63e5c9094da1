/**
 * The durable event store: one schema on SQLite (default, WAL) or PostgreSQL, versioned schema
 * scripts with the dialect differences kept in SQL resources, per-stream checkpoints written in the
 * same transaction as the rows, canned hunts, read-only SQL and the case index. Entry point: {@link
 * dev.mci.store.EventStore}.
 */
package dev.mci.store;
