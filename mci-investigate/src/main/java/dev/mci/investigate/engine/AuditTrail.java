package dev.mci.investigate.engine;

import dev.mci.client.CallListener;
import dev.mci.client.CallRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every API call of an investigation: give it to {@code
 * MimecastClient.Builder.callListener(...)}. Each call is attributed to the step running on the
 * calling thread ({@link StepScope}). Thread-safe.
 */
public final class AuditTrail implements CallListener {

  /** The step name used for calls made outside any step. */
  public static final String OUTSIDE_STEPS = "investigation";

  private final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public void onCall(CallRecord call) {
    String step = StepScope.current();
    AuditEntry entry =
        new AuditEntry(
            call.start(),
            step == null ? OUTSIDE_STEPS : step,
            call.endpoint(),
            call.requestId(),
            call.httpStatus(),
            call.duration() == null ? 0 : call.duration().toMillis(),
            call.attempt(),
            call.outcome());
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
}
