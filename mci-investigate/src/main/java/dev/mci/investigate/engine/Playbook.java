package dev.mci.investigate.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated graph of {@link Step}s: unique names, every need present, no cycles. Immutable. Build
 * it with {@link #builder()}; run it with a {@link PlaybookRunner}.
 */
public final class Playbook {

  private final List<Step<?>> steps;
  private final Map<StepKey<?>, Integer> heights;

  private Playbook(List<Step<?>> steps) {
    this.steps = List.copyOf(steps);
    this.heights = heights(this.steps);
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The steps in the order they were added. */
  public List<Step<?>> steps() {
    return steps;
  }

  /** Whether a step with this key is in the playbook. */
  public boolean contains(StepKey<?> key) {
    return heights.containsKey(key);
  }

  /** Every capability some step provides. */
  public Set<Capability> capabilities() {
    Set<Capability> all = EnumSet.noneOf(Capability.class);
    steps.forEach(step -> all.addAll(step.provides()));
    return all;
  }

  /**
   * The number of steps on the longest chain of dependencies (the critical path): with enough
   * concurrency and steps of equal length, the wall time of a run is this many step times.
   */
  public int criticalPathLength() {
    return heights.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** Steps on the longest chain starting at {@code key}, itself included. */
  int height(StepKey<?> key) {
    return heights.get(key);
  }

  private static Map<StepKey<?>, Integer> heights(List<Step<?>> steps) {
    Map<StepKey<?>, List<StepKey<?>>> dependents = new HashMap<>();
    steps.forEach(step -> dependents.put(step.key(), new ArrayList<>()));
    for (Step<?> step : steps) {
      for (StepKey<?> need : step.needs()) {
        dependents.get(need).add(step.key());
      }
    }
    Map<StepKey<?>, Integer> heights = new LinkedHashMap<>();
    for (Step<?> step : steps) {
      height(step.key(), dependents, heights);
    }
    return Collections.unmodifiableMap(heights);
  }

  private static int height(
      StepKey<?> key,
      Map<StepKey<?>, List<StepKey<?>>> dependents,
      Map<StepKey<?>, Integer> heights) {
    Integer known = heights.get(key);
    if (known != null) {
      return known;
    }
    int tallest = 0;
    for (StepKey<?> dependent : dependents.get(key)) {
      tallest = Math.max(tallest, height(dependent, dependents, heights));
    }
    heights.put(key, tallest + 1);
    return tallest + 1;
  }

  /** Collects steps; {@link #build()} validates the graph. */
  public static final class Builder {
    private final Map<StepKey<?>, Step<?>> steps = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a step.
     *
     * @throws IllegalArgumentException if a step with the same name was already added
     */
    public Builder step(Step<?> step) {
      if (steps.putIfAbsent(step.key(), step) != null) {
        throw new IllegalArgumentException("two steps are named '" + step.key() + "'");
      }
      return this;
    }

    /** Adds every step. */
    public Builder steps(List<? extends Step<?>> more) {
      more.forEach(this::step);
      return this;
    }

    /** Whether a step with this key was added. */
    public boolean contains(StepKey<?> key) {
      return steps.containsKey(key);
    }

    /**
     * The playbook.
     *
     * @throws IllegalArgumentException if a step needs one that was not added, or the needs form a
     *     cycle
     */
    public Playbook build() {
      for (Step<?> step : steps.values()) {
        for (StepKey<?> need : step.needs()) {
          if (!steps.containsKey(need)) {
            throw new IllegalArgumentException(
                "step '" + step.key() + "' needs '" + need + "', which is not in the playbook");
          }
        }
      }
      checkAcyclic();
      return new Playbook(new ArrayList<>(steps.values()));
    }

    private void checkAcyclic() {
      Map<StepKey<?>, Integer> state = new HashMap<>();
      for (StepKey<?> key : steps.keySet()) {
        visit(key, state, new ArrayList<>());
      }
    }

    /** Depth-first search: 1 = on the current path, 2 = done. */
    private void visit(StepKey<?> key, Map<StepKey<?>, Integer> state, List<StepKey<?>> path) {
      Integer seen = state.get(key);
      if (seen != null && seen == 2) {
        return;
      }
      path.add(key);
      if (seen != null) {
        throw new IllegalArgumentException("steps depend on each other in a cycle: " + path);
      }
      state.put(key, 1);
      for (StepKey<?> need : steps.get(key).needs()) {
        visit(need, state, path);
      }
      state.put(key, 2);
      path.remove(path.size() - 1);
    }
  }
}
