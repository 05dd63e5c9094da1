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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a {@link Playbook}: a step starts as soon as every step it needs has succeeded, at most
 * {@code maxConcurrency} at a time, longest remaining chain first, so the wall time is set by the
 * critical path rather than by the number of steps. A failed step does not stop its siblings; the
 * steps that need it are skipped. The runner never blocks a thread of its own: {@link #start}
 * returns at once, and work happens on the given executor.
 *
 * <p>Per-item work ({@link StepContext#forEach}) has a bound of its own, per step: a step fanning
 * out over forty copies does not take the slots other steps wait for, and the slots do not throttle
 * its items. Items run on the item executor plus the step's own thread. What keeps the total rate
 * within the API's budget is the client's rate-limit gate, shared by every call.
 *
 * <p>Thread-safe; one runner may run several playbooks.
 */
public final class PlaybookRunner {

  private final Executor executor;
  private final int maxConcurrency;
  private final Executor itemExecutor;
  private final int itemsPerStep;

  /**
   * A runner whose steps may each run {@code maxConcurrency} items at once, on threads the runner
   * creates on demand (daemon threads that end when idle). With a bound of 1 every call of a run is
   * made one after another.
   *
   * @param executor where steps run; it should offer at least {@code maxConcurrency} threads (fewer
   *     only costs speed)
   * @param maxConcurrency the most steps running at once, and the most items of one step
   */
  public PlaybookRunner(Executor executor, int maxConcurrency) {
    this(executor, maxConcurrency, ItemThreads.POOL, maxConcurrency);
  }

  /**
   * @param executor where steps run; it should offer at least {@code maxConcurrency} threads
   * @param maxConcurrency the most steps running at once
   * @param itemExecutor where a step's {@link StepContext#forEach} items run besides the step's own
   *     thread; fewer threads than asked for only costs speed (items that find none run on the
   *     step's thread)
   * @param itemsPerStep the most items of one step running at once, the step's thread included
   */
  public PlaybookRunner(
      Executor executor, int maxConcurrency, Executor itemExecutor, int itemsPerStep) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.itemExecutor = Objects.requireNonNull(itemExecutor, "itemExecutor");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException(
          "maxConcurrency must be at least 1, got " + maxConcurrency);
    }
    if (itemsPerStep < 1) {
      throw new IllegalArgumentException("itemsPerStep must be at least 1, got " + itemsPerStep);
    }
    this.maxConcurrency = maxConcurrency;
    this.itemsPerStep = itemsPerStep;
  }

  /** Starts the playbook; the future completes when every step has succeeded, failed or skipped. */
  public CompletableFuture<PlaybookResult> start(Playbook playbook, InvestigationScope scope) {
    Execution execution = new Execution(playbook, scope);
    execution.begin();
    return execution.done;
  }

  /**
   * Runs the playbook and waits for it. The first steps' calls follow the calls this thread made
   * before (e.g. resolving the indicator); afterwards the thread starts a new chain.
   */
  public PlaybookResult run(Playbook playbook, InvestigationScope scope) {
    try {
      return start(playbook, scope).join();
    } finally {
      CallChain.set(null);
    }
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

    /** The last call made before the run, on the thread that started it. */
    private CallChain.Link before;

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
        before = CallChain.current();
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
      CallChain.Link saved = CallChain.current();
      CallChain.set(startOfChain(node));
      CallChain.Link end;
      try {
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
      } finally {
        end = CallChain.current();
        CallChain.set(saved);
      }
      synchronized (this) {
        node.chainEnd = end;
      }
      finish(node, outcome[0]);
    }

    /** A step's calls follow the deepest call of the steps it needs (or of the run's caller). */
    private synchronized CallChain.Link startOfChain(Node node) {
      CallChain.Link start = before;
      for (StepKey<?> need : node.step.needs()) {
        start = CallChain.deeper(start, nodes.get(need).chainEnd);
      }
      return start;
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

    /** The context handed to one step. */
    private final class Context implements StepContext {
      private final Node node;
      private final Set<StepKey<?>> needs;

      /** Item threads the step uses now, besides its own. */
      private final AtomicInteger helpers = new AtomicInteger();

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
        Batch<I, O> batch = new Batch<>(items, work, CallChain.current());
        String name = node.name();
        for (int i = 1; i < items.size() && tryAcquireHelper(); i++) {
          try {
            itemExecutor.execute(
                () -> {
                  try {
                    StepScope.run(name, batch::drain);
                  } finally {
                    helpers.decrementAndGet();
                  }
                });
          } catch (RejectedExecutionException e) {
            helpers.decrementAndGet();
            break;
          }
        }
        // The calling thread works through the items too, so nested work can never deadlock.
        batch.drain();
        return batch.results();
      }

      private boolean tryAcquireHelper() {
        while (true) {
          int used = helpers.get();
          if (used >= itemsPerStep - 1) {
            return false;
          }
          if (helpers.compareAndSet(used, used + 1)) {
            return true;
          }
        }
      }
    }
  }

  /**
   * The items of one {@link StepContext#forEach}: each runs once, by whichever thread takes it
   * next, starting from the call chain of the code that asked for them.
   */
  private static final class Batch<I, O> {
    private final List<I> items;
    private final Function<? super I, ? extends O> work;
    private final CallChain.Link start;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch finished;
    private final Object[] results;
    private final Throwable[] failures;
    private final CallChain.Link[] ends;

    Batch(List<I> items, Function<? super I, ? extends O> work, CallChain.Link start) {
      this.items = List.copyOf(items);
      this.work = work;
      this.start = start;
      this.finished = new CountDownLatch(this.items.size());
      this.results = new Object[this.items.size()];
      this.failures = new Throwable[this.items.size()];
      this.ends = new CallChain.Link[this.items.size()];
    }

    /** Runs items until none is left to take. */
    void drain() {
      for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
        run(i);
      }
    }

    private void run(int index) {
      CallChain.Link saved = CallChain.current();
      CallChain.set(start);
      try {
        results[index] = work.apply(items.get(index));
      } catch (VirtualMachineError fatal) {
        failures[index] = fatal;
        throw fatal;
      } catch (Throwable t) {
        failures[index] = t;
      } finally {
        ends[index] = CallChain.current();
        CallChain.set(saved);
        finished.countDown();
      }
    }

    /**
     * Waits for every item, then continues the caller's chain after the deepest of them and returns
     * the results in item order, or throws the first failure.
     */
    @SuppressWarnings("unchecked")
    List<O> results() {
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
      CallChain.Link end = start;
      for (CallChain.Link link : ends) {
        end = CallChain.deeper(end, link);
      }
      CallChain.set(end);
      for (Throwable failure : failures) {
        if (failure != null) {
          throw failure instanceof RuntimeException runtime
              ? runtime
              : new IllegalStateException(failure);
        }
      }
      List<O> list = new ArrayList<>(results.length);
      for (Object result : results) {
        list.add((O) result);
      }
      return list;
    }
  }

  /**
   * Threads for forEach items when the caller gives none: made on demand, daemon, end when idle.
   */
  private static final class ItemThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();
    static final ExecutorService POOL =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, "mci-item-" + COUNT.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
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

    /** The last call on the step's chain, once it has run. */
    CallChain.Link chainEnd;

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
