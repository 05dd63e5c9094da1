package dev.mci.investigate.engine;

import java.util.function.Supplier;

/**
 * The step running on the current thread, so that the client's call listener (called on the calling
 * thread) can attribute each API call to its step. The runner sets it around every step; code that
 * calls the API outside a step (e.g. resolving the indicator) names itself with {@link
 * #call(String, Supplier)}.
 */
public final class StepScope {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private StepScope() {}

  /** The name of the step running on this thread, or null. */
  public static String current() {
    return CURRENT.get();
  }

  /** Runs {@code body} as {@code name}, restoring the previous name after. */
  public static <T> T call(String name, Supplier<T> body) {
    String previous = CURRENT.get();
    CURRENT.set(name);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  static void run(String name, Runnable body) {
    call(
        name,
        () -> {
          body.run();
          return null;
        });
  }
}
