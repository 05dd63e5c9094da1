package dev.mci.simulator.events;

/**
 * A lazily generated, time-ordered population of events of one log type, addressed by index: the
 * seam through which other areas (URL Protect clicks, gateway rejections) add their facts to the
 * SIEM stream so the same click or rejection shows up in both places. Indexes start at 0; event
 * {@code i + 1} is never older than event {@code i}. Implementations are stateless and thread-safe.
 */
public interface EventFeed {

  /** The log type of every event of this feed. */
  SiemType type();

  /**
   * The index of the first event at or after {@code epochMillis}. May exceed the number of events
   * the feed has produced so far when the feed keeps growing with time.
   */
  long firstAtOrAfter(long epochMillis);

  /** Event {@code index}; equal on every call. */
  SiemEvent event(long index);
}
