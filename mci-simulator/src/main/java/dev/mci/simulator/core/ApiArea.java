package dev.mci.simulator.core;

/** One API area (messages, urls, ...) registering its endpoints. */
public interface ApiArea {

  /** Registers this area's routes. */
  void register(Routes routes);
}
