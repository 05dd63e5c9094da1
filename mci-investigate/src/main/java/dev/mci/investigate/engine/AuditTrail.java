package dev.mci.investigate.engine;

import dev.mci.client.CallListener;
import dev.mci.client.CallRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects every API call of an investigation: give it to {@code
 * MimecastClient.Builder.callListener(...)}. Each call is attributed to the step running on the
 * calling thread ({@link StepScope}) and placed on its chain of dependent calls ({@link
 * AuditEntry#chain()}). Thread-safe.
 */
public final class AuditTrail implements CallListener {

  /** The step name used for calls made outside any step. */
  public static final String OUTSIDE_STEPS = "investigation";

  private static final AtomicLong IDS = new AtomicLong();

  private final long id = IDS.incrementAndGet();
  private final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public void onCall(CallRecord call) {
    String step = StepScope.current();
    CallChain.Link previous = CallChain.current();
    // The listener runs on the calling thread after the attempt: it follows the thread's last call.
    int depth = previous != null && previous.trail() == id ? previous.depth() + 1 : 1;
    CallChain.set(new CallChain.Link(id, depth));
    AuditEntry entry =
        new AuditEntry(
            call.start(),
            step == null ? OUTSIDE_STEPS : step,
            call.endpoint(),
            call.requestId(),
            call.httpStatus(),
            call.duration() == null ? 0 : call.duration().toMillis(),
            call.attempt(),
            call.outcome(),
            depth);
    synchronized (entries) {
      entries.add(entry);
    }
  }

  /** Every call so far, in the order they were reported. */
  public List<AuditEntry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /** The calls one step made, in order. */
  public List<AuditEntry> entriesFor(String step) {
    List<AuditEntry> result = new ArrayList<>();
    for (AuditEntry entry : entries()) {
      if (entry.step().equals(step)) {
        result.add(entry);
      }
    }
    return result;
  }

  /**
   * The length, in calls, of the longest chain of calls that had to wait for one another: with
   * unlimited concurrency and equal call times, a run cannot be faster than this many calls.
   */
  public int longestChain() {
    return longestChain(entries());
  }

  /** {@link #longestChain()} of entries read back from an audit trail. */
  public static int longestChain(List<AuditEntry> entries) {
    return entries.stream().mapToInt(AuditEntry::chain).max().orElse(0);
  }
}
