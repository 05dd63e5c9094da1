package dev.mci.simulator.core;

/**
 * Handles a request outside the {@code /api/...} envelope (e.g. {@code /oauth/token}, later the
 * REST-style SIEM resources and download URLs). It writes its own body.
 */
@FunctionalInterface
public interface RawHandler {

  /** Answers one request. */
  HttpReply handle(RawCall call);
}
