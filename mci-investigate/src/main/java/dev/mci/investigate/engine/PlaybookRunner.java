package dev.mci.investigate.engine;

import dev.mci.client.MimecastClient;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.cases.CaseRecorder;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.cases.EvidenceFolder;
import dev.mci.investigate.cases.StepStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a {@link Playbook}: a step starts as soon as every step it needs has succeeded, at most
 * {@code maxConcurrency} at a time, longest remaining chain first, so the wall time is set by the
 * critical path rather than by the number of steps. A failed step does not stop its siblings; the
 * steps that need it are skipped. The runner never blocks a thread of its own: {@link #start}
 * returns at once, and work happens on the given executor.
 *
 * <p>Thread-safe; one runner may run several playbooks.
 */
public final class PlaybookRunner {

  private final Executor executor;
  private final int maxConcurrency;

  /**
   * @param executor where steps run; it should offer at least {@code maxConcurrency} threads (fewer
   *     only costs speed: nested work also runs on the calling thread)
   * @param maxConcurrency the most steps (and {@link StepContext#forEach} items) running at once
   */
  public PlaybookRunner(Executor executor, int maxConcurrency) {
    this.executor = Objects.requireNonNull(executor, "executor");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException(
          "maxConcurrency must be at least 1, got " + maxConcurrency);
    }
    this.maxConcurrency = maxConcurrency;
  }

  /** Starts the playbook; the future completes when every step has succeeded, failed or skipped. */
  public CompletableFuture<PlaybookResult> start(Playbook playbook, InvestigationScope scope) {
    Execution execution = new Execution(playbook, scope);
    execution.begin();
    return execution.done;
  }

  /** Runs the playbook and waits for it. */
  public PlaybookResult run(Playbook playbook, InvestigationScope scope) {
    return start(playbook, scope).join();
  }

  /** The state of one run. All fields are guarded by {@code this}. */
  private final class Execution {
    private final Playbook playbook;
    private final InvestigationScope scope;
    private final Map<StepKey<?>, Node> nodes = new HashMap<>();
    private final PriorityQueue<Node> ready;
    private final CompletableFuture<PlaybookResult> done = new CompletableFuture<>();
    private int inFlight;
    private int remaining;

    Execution(Playbook playbook, InvestigationScope scope) {
      this.playbook = playbook;
      this.scope = scope;
      List<Step<?>> steps = playbook.steps();
      for (int i = 0; i < steps.size(); i++) {
        Step<?> step = steps.get(i);
        nodes.put(step.key(), new Node(step, i, playbook.height(step.key())));
      }
      for (Node node : nodes.values()) {
        for (StepKey<?> need : node.step.needs()) {
          nodes.get(need).dependents.add(node);
        }
        node.pending = node.step.needs().size();
      }
      // The longest remaining chain first: it decides the wall time. Ties keep playbook order.
      this.ready =
          new PriorityQueue<>(
              Comparator.comparingInt((Node n) -> -n.height).thenComparingInt(n -> n.order));
      this.remaining = nodes.size();
    }

    void begin() {
      synchronized (this) {
        for (Node node : nodes.values()) {
          if (node.pending == 0) {
            ready.add(node);
          }
        }
      }
      if (remaining == 0) {
        done.complete(new PlaybookResult(List.of()));
        return;
      }
      launchReady();
    }

    /** Starts ready steps while slots are free; executes outside the lock. */
    void launchReady() {
      List<Node> launch = new ArrayList<>();
      synchronized (this) {
        while (inFlight < maxConcurrency && !ready.isEmpty()) {
          inFlight++;
          launch.add(ready.poll());
        }
      }
      for (Node node : launch) {
        try {
          executor.execute(() -> runStep(node));
        } catch (RejectedExecutionException e) {
          finish(node, failed(node, null, 0, e));
        }
      }
    }

    void runStep(Node node) {
      Instant started = scope.clock().instant();
      StepOutcome[] outcome = new StepOutcome[1];
      StepScope.run(
          node.step.key().name(),
          () -> {
            try {
              Object value = node.step.run(new Context(node));
              outcome[0] =
                  new StepOutcome(
                      node.name(),
                      node.step.description(),
                      StepStatus.SUCCEEDED,
                      value,
                      null,
                      started,
                      millisSince(started),
                      null);
            } catch (VirtualMachineError fatal) {
              throw fatal;
            } catch (Throwable failure) {
              outcome[0] = failed(node, started, millisSince(started), failure);
            }
          });
      finish(node, outcome[0]);
    }

    private StepOutcome failed(Node node, Instant started, long millis, Throwable failure) {
      return new StepOutcome(
          node.name(),
          node.step.description(),
          StepStatus.FAILED,
          null,
          failure,
          started,
          millis,
          null);
    }

    private long millisSince(Instant started) {
      return Math.max(0, Duration.between(started, scope.clock().instant()).toMillis());
    }

    /** Records the outcome, releases the slot, readies or skips dependents, maybe completes. */
    void finish(Node node, StepOutcome outcome) {
      boolean allDone;
      synchronized (this) {
        node.outcome = outcome;
        inFlight--;
        remaining--;
        settleDependents(node);
        allDone = remaining == 0;
      }
      if (allDone) {
        List<StepOutcome> outcomes = new ArrayList<>();
        for (Step<?> step : playbook.steps()) {
          outcomes.add(nodes.get(step.key()).outcome);
        }
        done.complete(new PlaybookResult(outcomes));
      } else {
        launchReady();
      }
    }

    /** Called under the lock. A dependent of a step that did not succeed is skipped, and so on. */
    private void settleDependents(Node node) {
      boolean succeeded = node.outcome.status() == StepStatus.SUCCEEDED;
      for (Node dependent : node.dependents) {
        dependent.pending--;
        if (!succeeded && dependent.blockedBy == null) {
          dependent.blockedBy = node.name();
        }
        if (dependent.pending == 0) {
          if (dependent.blockedBy == null) {
            ready.add(dependent);
          } else {
            dependent.outcome =
                new StepOutcome(
                    dependent.name(),
                    dependent.step.description(),
                    StepStatus.SKIPPED,
                    null,
                    null,
                    null,
                    0,
                    dependent.blockedBy);
            remaining--;
            settleDependents(dependent);
          }
        }
      }
    }

    synchronized boolean tryAcquireSlot() {
      if (inFlight < maxConcurrency) {
        inFlight++;
        return true;
      }
      return false;
    }

    void releaseSlot() {
      synchronized (this) {
        inFlight--;
      }
      launchReady();
    }

    /** The context handed to one step. */
    private final class Context implements StepContext {
      private final Node node;
      private final Set<StepKey<?>> needs;

      Context(Node node) {
        this.node = node;
        this.needs = new HashSet<>(node.step.needs());
      }

      @Override
      public String stepName() {
        return node.name();
      }

      @Override
      public MimecastClient client() {
        if (scope.client() == null) {
          throw new IllegalStateException("this run has no client");
        }
        return scope.client();
      }

      @Override
      public Indicator indicator() {
        return scope.indicator();
      }

      @Override
      public CaseWindow window() {
        return scope.window();
      }

      @Override
      public Clock clock() {
        return scope.clock();
      }

      @Override
      public CaseRecorder record() {
        return scope.recorder();
      }

      @Override
      public EvidenceFolder evidence() {
        if (scope.evidence() == null) {
          throw new IllegalStateException("this run has no evidence folder");
        }
        return scope.evidence();
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> T result(StepKey<T> key) {
        if (!needs.contains(key)) {
          throw new IllegalArgumentException(
              "step '" + node.name() + "' reads '" + key + "' but does not declare it in needs()");
        }
        Node need;
        synchronized (Execution.this) {
          need = nodes.get(key);
        }
        return (T) need.outcome.value();
      }

      @Override
      public <I, O> List<O> forEach(List<I> items, Function<? super I, ? extends O> work) {
        List<Item<O>> tasks = new ArrayList<>(items.size());
        for (I item : items) {
          tasks.add(new Item<>(() -> work.apply(item)));
        }
        String name = node.name();
        // The calling thread takes the first item itself; the others go out while slots are free.
        for (Item<O> task : tasks.subList(Math.min(1, tasks.size()), tasks.size())) {
          if (!tryAcquireSlot()) {
            break;
          }
          try {
            executor.execute(
                () -> {
                  try {
                    StepScope.run(name, task::runIfUnclaimed);
                  } finally {
                    releaseSlot();
                  }
                });
          } catch (RejectedExecutionException e) {
            releaseSlot();
            break;
          }
        }
        // Whatever no other thread has picked up runs here, so nested work can never deadlock.
        for (Item<O> task : tasks) {
          task.runIfUnclaimed();
        }
        List<O> results = new ArrayList<>(tasks.size());
        RuntimeException first = null;
        for (Item<O> task : tasks) {
          task.await();
          if (task.failure != null && first == null) {
            first =
                task.failure instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(task.failure);
          }
          results.add(task.result);
        }
        if (first != null) {
          throw first;
        }
        return results;
      }
    }
  }

  /** One item of {@link StepContext#forEach}: run once, by whichever thread claims it first. */
  private static final class Item<O> {
    private final Supplier<? extends O> work;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile O result;
    private volatile Throwable failure;

    Item(Supplier<? extends O> work) {
      this.work = work;
    }

    void runIfUnclaimed() {
      if (!claimed.compareAndSet(false, true)) {
        return;
      }
      try {
        result = work.get();
      } catch (VirtualMachineError fatal) {
        failure = fatal;
        throw fatal;
      } catch (Throwable t) {
        failure = t;
      } finally {
        finished.countDown();
      }
    }

    void await() {
      boolean interrupted = false;
      while (true) {
        try {
          finished.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One step in a run. Mutable fields are guarded by the execution's lock. */
  private static final class Node {
    final Step<?> step;
    final int order;
    final int height;
    final List<Node> dependents = new ArrayList<>();
    int pending;
    String blockedBy;
    StepOutcome outcome;

    Node(Step<?> step, int order, int height) {
      this.step = step;
      this.order = order;
      this.height = height;
    }

    String name() {
      return step.key().name();
    }
  }
}
