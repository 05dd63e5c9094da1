package dev.mci.client.awareness;

import java.util.Locale;

/**
 * The "performance type" buckets of get-performance-details ({@code filterBy} with {@code
 * fieldName: "type"}, reference 06 §3). The spellings and the exact meaning of N are UNVERIFIED;
 * the simulator reads N as the number of assigned modules not watched.
 */
public enum PerformanceType {
  /** {@code video_count_0}. */
  VIDEO_COUNT_0,
  /** {@code video_count_1}. */
  VIDEO_COUNT_1,
  /** {@code video_count_2}. */
  VIDEO_COUNT_2,
  /** {@code video_count_3}. */
  VIDEO_COUNT_3,
  /** {@code video_count_4_or_more}. */
  VIDEO_COUNT_4_OR_MORE,
  /** {@code video_count_all}, the default: every user. */
  VIDEO_COUNT_ALL;

  /** The wire value, e.g. {@code video_count_4_or_more}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
