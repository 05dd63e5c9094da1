package dev.mci.simulator.core;

/**
 * Handles one {@code /api/...} endpoint after the pipeline has authenticated, rate-limited and
 * parsed the envelope. Throwing {@link ItemFailure} from a per-item function in {@link
 * ApiReply#eachItem} reports that item in {@code fail[]}.
 */
@FunctionalInterface
public interface ApiHandler {

  /** Answers one call. */
  ApiReply handle(ApiCall call);
}
