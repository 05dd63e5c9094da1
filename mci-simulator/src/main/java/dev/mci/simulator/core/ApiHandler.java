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

  /**
   * The HTTP answer to one call: by default {@link #handle} rendered as the envelope. Endpoints
   * whose success is not an envelope (API 1.0 file streams) override this and fall back to {@link
   * #handle} for their envelope answers.
   */
  default HttpReply reply(ApiCall call) {
    ApiReply reply = handle(call);
    return HttpReply.json(reply.status(), reply.toJson());
  }
}
