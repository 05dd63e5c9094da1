package dev.mci.investigate.engine;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a step and the type of what it produces, so a dependent step reads its input with
 * {@code context.result(KEY)} without a cast. Keys are equal when their names are.
 *
 * @param <T> what the step produces
 */
public final class StepKey<T> {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private final String name;

  private StepKey(String name) {
    this.name = name;
  }

  /**
   * A key named like {@code locate-messages}.
   *
   * @throws IllegalArgumentException when the name is not lower-case words joined by hyphens
   */
  public static <T> StepKey<T> of(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "step name must be lower-case words joined by '-', e.g. locate-messages; got '"
              + name
              + "'");
    }
    return new StepKey<>(name);
  }

  /** The step's name. */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StepKey<?> that && name.equals(that.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
