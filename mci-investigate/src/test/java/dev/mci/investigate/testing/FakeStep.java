package dev.mci.investigate.testing;

import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A step whose work is a lambda, for engine tests. */
public final class FakeStep implements Step<String> {

  /** The work of a fake step. */
  @FunctionalInterface
  public interface Body {
    String run(StepContext context) throws Exception;
  }

  private final StepKey<String> key;
  private final List<StepKey<?>> needs;
  private final Body body;
  private Set<Capability> provides = Set.of();

  private FakeStep(String name, Body body, String... needs) {
    this.key = StepKey.of(name);
    this.body = body;
    this.needs = Arrays.stream(needs).<StepKey<?>>map(StepKey::of).toList();
  }

  /** A step that returns its own name. */
  public static FakeStep named(String name, String... needs) {
    return new FakeStep(name, context -> name, needs);
  }

  /** A step with the given work. */
  public static FakeStep doing(String name, Body body, String... needs) {
    return new FakeStep(name, body, needs);
  }

  /** The same step, declaring capabilities. */
  public FakeStep providing(Capability... capabilities) {
    this.provides = Set.of(capabilities);
    return this;
  }

  @Override
  public StepKey<String> key() {
    return key;
  }

  @Override
  public String description() {
    return "fake step " + key.name();
  }

  @Override
  public List<StepKey<?>> needs() {
    return needs;
  }

  @Override
  public Set<Capability> provides() {
    return provides;
  }

  @Override
  public String run(StepContext context) throws Exception {
    return body.run(context);
  }
}
