package dev.mci.simulator;

/**
 * How big the generated tenant is. Every size is generated lazily from the seed: messages are never
 * held in memory, so even {@link #LARGE} starts in well under a second.
 */
public enum TenantSize {
  /** About 45 users and 3,000 messages over 90 days; fast enough for unit tests. */
  SMALL(45, 3_000),
  /** About 400 users and 60,000 messages over 90 days. */
  MEDIUM(400, 60_000),
  /**
   * About 4,000 users and 660,000 messages over 90 days, so that more than 200,000 Message Finder
   * rows fall inside the last 30 days.
   */
  LARGE(4_000, 660_000);

  private final int userCount;
  private final long messageCount;

  TenantSize(int userCount, long messageCount) {
    this.userCount = userCount;
    this.messageCount = messageCount;
  }

  /** Number of internal users (mailboxes) in the tenant. */
  public int userCount() {
    return userCount;
  }

  /** Number of messages spread over the 90 days before the tenant's "now". */
  public long messageCount() {
    return messageCount;
  }
}
