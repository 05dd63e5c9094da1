package dev.mci.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Switches log verbosity; by default only warnings reach stderr. */
final class Logging {
  private Logging() {}

  static void debug(boolean on) {
    Logger mci = (Logger) LoggerFactory.getLogger("dev.mci");
    mci.setLevel(on ? Level.DEBUG : Level.WARN);
  }
}
