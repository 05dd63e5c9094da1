package dev.mci.simulator.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to a {@link RawHandler}.
 *
 * @param request the request
 * @param now the simulator's clock at arrival
 * @param callerId the authenticated caller, for routes that require authentication
 */
public record RawCall(IncomingRequest request, Instant now, Optional<String> callerId) {

  /** Checks nothing is null. */
  public RawCall {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(callerId, "callerId");
  }
}
