package dev.mci.investigate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.CallRecord;
import dev.mci.client.PermissionDeniedException;
import dev.mci.investigate.cases.StepStatus;
import dev.mci.investigate.testing.FakeStep;
import dev.mci.investigate.testing.Scopes;
import dev.mci.investigate.testing.WaveExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlaybookRunnerTest {

  /** locate → detail (the critical path of 2), and 6 steps that need nothing. */
  private static Playbook chainOfTwoAndSixIndependent() {
    Playbook.Builder builder =
        Playbook.builder().step(FakeStep.named("locate")).step(FakeStep.named("detail", "locate"));
    for (int i = 1; i <= 6; i++) {
      builder.step(FakeStep.named("independent-" + i));
    }
    return builder.build();
  }

  @Test
  void theCriticalPathNotTheNumberOfStepsSetsTheWallTime() {
    Playbook playbook = chainOfTwoAndSixIndependent();
    WaveExecutor executor = new WaveExecutor();

    CompletableFuture<PlaybookResult> run =
        new PlaybookRunner(executor, 8).start(playbook, Scopes.withoutApi());
    executor.runUntilDone(run);

    assertThat(playbook.criticalPathLength()).isEqualTo(2);
    assertThat(executor.waves()).isEqualTo(playbook.criticalPathLength());
    assertThat(executor.waveSizes()).containsExactly(7, 1);
    assertThat(run.join().complete()).isTrue();
    assertThat(run.join().outcomes()).hasSize(8);
  }

  @Test
  void oneAtATimeTheSamePlaybookTakesOneStepTimePerStep() {
    WaveExecutor executor = new WaveExecutor();

    CompletableFuture<PlaybookResult> run =
        new PlaybookRunner(executor, 1).start(chainOfTwoAndSixIndependent(), Scopes.withoutApi());
    executor.runUntilDone(run);

    assertThat(executor.waves()).isEqualTo(8);
    assertThat(executor.peak()).isEqualTo(1);
  }

  @Test
  void aBoundedRunStartsTheLongestChainFirstAndNeverExceedsTheBound() {
    WaveExecutor executor = new WaveExecutor();

    CompletableFuture<PlaybookResult> run =
        new PlaybookRunner(executor, 3).start(chainOfTwoAndSixIndependent(), Scopes.withoutApi());
    executor.runUntilDone(run);

    // 8 steps, 3 at a time: 3 waves is optimal, reachable only if "locate" starts in the first.
    assertThat(executor.peak()).isLessThanOrEqualTo(3);
    assertThat(executor.waves()).isEqualTo(3);
  }

  @Test
  void independentStepsRunAtTheSameTimeOnRealThreads() {
    int parallel = 6;
    CountDownLatch allStarted = new CountDownLatch(parallel);
    Playbook.Builder builder = Playbook.builder();
    for (int i = 0; i < parallel; i++) {
      builder.step(
          FakeStep.doing(
              "waiter-" + i,
              context -> {
                allStarted.countDown();
                // Only passes if all six are running at once; no step ever sleeps.
                return allStarted.await(10, TimeUnit.SECONDS) ? "met" : "alone";
              }));
    }
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      PlaybookResult result =
          new PlaybookRunner(pool, parallel).run(builder.build(), Scopes.withoutApi());

      assertThat(result.outcomes()).extracting(StepOutcome::value).containsOnly("met");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedStepSkipsItsDependentsWhileItsSiblingsFinish() {
    Playbook playbook =
        Playbook.builder()
            .step(
                FakeStep.doing(
                    "locate",
                    context -> {
                      throw new PermissionDeniedException(
                          "/api/message-finder/search", "req-42", 403, List.of(), "no permission");
                    }))
            .step(FakeStep.named("detail", "locate"))
            .step(FakeStep.named("evidence", "detail"))
            .step(FakeStep.named("decode"))
            .build();

    PlaybookResult result = new PlaybookRunner(Runnable::run, 4).run(playbook, Scopes.withoutApi());

    assertThat(result.complete()).isFalse();
    assertThat(result.outcome("locate").orElseThrow().status()).isEqualTo(StepStatus.FAILED);
    assertThat(result.outcome("locate").orElseThrow().error())
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(result.outcome("detail").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(result.outcome("detail").orElseThrow().skippedBecause()).isEqualTo("locate");
    assertThat(result.outcome("evidence").orElseThrow().skippedBecause()).isEqualTo("detail");
    assertThat(result.outcome("decode").orElseThrow().status()).isEqualTo(StepStatus.SUCCEEDED);
  }

  @Test
  void aStepReadsWhatTheStepsItNeedsProduced() {
    Playbook playbook =
        Playbook.builder()
            .step(FakeStep.doing("locate", context -> "3 messages"))
            .step(
                FakeStep.doing(
                    "detail",
                    context -> "detail of " + context.result(StepKey.<String>of("locate")),
                    "locate"))
            .build();

    PlaybookResult result = new PlaybookRunner(Runnable::run, 2).run(playbook, Scopes.withoutApi());

    assertThat(result.value(StepKey.<String>of("detail"))).contains("detail of 3 messages");
  }

  @Test
  void readingAStepThatWasNotDeclaredIsRefused() {
    Playbook playbook =
        Playbook.builder()
            .step(FakeStep.named("locate"))
            .step(FakeStep.doing("sneaky", context -> context.result(StepKey.<String>of("locate"))))
            .build();

    PlaybookResult result = new PlaybookRunner(Runnable::run, 1).run(playbook, Scopes.withoutApi());

    assertThat(result.outcome("sneaky").orElseThrow().error())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not declare it in needs()");
  }

  @Test
  void forEachRunsEveryItemInOrderEvenWithASingleThread() {
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      Playbook playbook =
          Playbook.builder()
              .step(
                  FakeStep.doing(
                      "fan-out",
                      context ->
                          String.join(
                              ",",
                              context.forEach(
                                  IntStream.rangeClosed(1, 10).boxed().toList(), i -> "item" + i))))
              .build();

      PlaybookResult result = new PlaybookRunner(single, 4).run(playbook, Scopes.withoutApi());

      assertThat(result.value(StepKey.<String>of("fan-out")))
          .contains("item1,item2,item3,item4,item5,item6,item7,item8,item9,item10");
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void forEachFinishesEveryItemThenThrowsTheFirstFailure() {
    List<Integer> ran = new ArrayList<>();
    Playbook playbook =
        Playbook.builder()
            .step(
                FakeStep.doing(
                    "fan-out",
                    context -> {
                      context.forEach(
                          List.of(1, 2, 3),
                          i -> {
                            synchronized (ran) {
                              ran.add(i);
                            }
                            if (i == 2) {
                              throw new IllegalStateException("item 2 broke");
                            }
                            return i;
                          });
                      return "unreachable";
                    }))
            .build();

    PlaybookResult result = new PlaybookRunner(Runnable::run, 2).run(playbook, Scopes.withoutApi());

    assertThat(ran).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(result.outcome("fan-out").orElseThrow().error()).hasMessage("item 2 broke");
  }

  @Test
  void everyCallIsAttributedToTheStepThatMadeIt() {
    AuditTrail audit = new AuditTrail();
    Playbook playbook =
        Playbook.builder()
            .step(
                FakeStep.doing(
                    "locate",
                    context -> {
                      audit.onCall(call("/api/message-finder/search", "req-1"));
                      return "ok";
                    }))
            .step(
                FakeStep.doing(
                    "decode",
                    context -> {
                      context.forEach(
                          List.of("req-2", "req-3"),
                          id -> {
                            audit.onCall(call("/api/ttp/url/decode-url", id));
                            return id;
                          });
                      return "ok";
                    }))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      new PlaybookRunner(pool, 3).run(playbook, Scopes.withoutApi());
    } finally {
      pool.shutdownNow();
    }
    audit.onCall(call("/api/account/get-account", "req-4"));

    assertThat(audit.entriesFor("locate"))
        .extracting(AuditEntry::requestId)
        .containsExactly("req-1");
    assertThat(audit.entriesFor("decode"))
        .extracting(AuditEntry::requestId)
        .containsExactlyInAnyOrder("req-2", "req-3");
    assertThat(audit.entriesFor(AuditTrail.OUTSIDE_STEPS))
        .extracting(AuditEntry::requestId)
        .containsExactly("req-4");
  }

  @Test
  void aStepsItemsRunSideBySideEvenWhenTheStepSlotsAreAllTaken() {
    int items = 4;
    CountDownLatch allStarted = new CountDownLatch(items);
    Playbook playbook =
        Playbook.builder()
            .step(
                FakeStep.doing(
                    "fan-out",
                    context ->
                        String.join(
                            ",",
                            context.forEach(
                                IntStream.rangeClosed(1, items).boxed().toList(),
                                i -> {
                                  allStarted.countDown();
                                  // Only passes if all four run at once; no item ever sleeps.
                                  return awaitQuietly(allStarted) ? "met" : "alone";
                                }))))
            .build();
    ExecutorService steps = Executors.newFixedThreadPool(1);
    ExecutorService itemThreads = Executors.newCachedThreadPool();
    try {
      PlaybookResult result =
          new PlaybookRunner(steps, 1, itemThreads, items).run(playbook, Scopes.withoutApi());

      assertThat(result.value(StepKey.<String>of("fan-out"))).contains("met,met,met,met");
    } finally {
      steps.shutdownNow();
      itemThreads.shutdownNow();
    }
  }

  @Test
  void aStepNeverRunsMoreItemsAtOnceThanItsItemBound() {
    int bound = 3;
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch firstWave = new CountDownLatch(bound);
    Playbook playbook =
        Playbook.builder()
            .step(
                FakeStep.doing(
                    "fan-out",
                    context ->
                        String.join(
                            ",",
                            context.forEach(
                                IntStream.rangeClosed(1, 12).boxed().toList(),
                                i -> {
                                  peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                                  firstWave.countDown();
                                  String met = awaitQuietly(firstWave) ? "met" : "alone";
                                  running.decrementAndGet();
                                  return met;
                                }))))
            .build();
    ExecutorService steps = Executors.newFixedThreadPool(2);
    ExecutorService itemThreads = Executors.newCachedThreadPool();
    try {
      PlaybookResult result =
          new PlaybookRunner(steps, 2, itemThreads, bound).run(playbook, Scopes.withoutApi());

      assertThat(result.value(StepKey.<String>of("fan-out")).orElseThrow().split(","))
          .hasSize(12)
          .containsOnly("met");
      assertThat(peak.get()).isEqualTo(bound);
    } finally {
      steps.shutdownNow();
      itemThreads.shutdownNow();
    }
  }

  @Test
  void withABoundOfOneEveryItemRunsOnTheStepsOwnThread() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Playbook playbook =
        Playbook.builder()
            .step(
                FakeStep.doing(
                    "fan-out",
                    context -> {
                      threads.add(Thread.currentThread().getName());
                      return context
                          .forEach(
                              IntStream.rangeClosed(1, 8).boxed().toList(),
                              i -> threads.add(Thread.currentThread().getName()))
                          .toString();
                    }))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try {
      new PlaybookRunner(pool, 1).run(playbook, Scopes.withoutApi());

      assertThat(threads).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyCallCarriesItsPlaceOnTheLongestChainOfCallsItWaitedFor() {
    AuditTrail audit = new AuditTrail();
    Playbook playbook =
        Playbook.builder()
            // Two pages, one after the other: places 1 and 2.
            .step(
                FakeStep.doing(
                    "locate",
                    context -> {
                      audit.onCall(call("/api/message-finder/search", "page-1"));
                      audit.onCall(call("/api/message-finder/search", "page-2"));
                      return "ok";
                    }))
            // Three independent lookups after locate (3 each), then one call after them all (4).
            .step(
                FakeStep.doing(
                    "info",
                    context -> {
                      context.forEach(
                          List.of("copy-1", "copy-2", "copy-3"),
                          id -> {
                            audit.onCall(call("/api/message-finder/get-message-info", id));
                            return id;
                          });
                      audit.onCall(call("/api/archive/get-message-detail", "detail"));
                      return "ok";
                    },
                    "locate"))
            // Needs nothing: starts a chain of its own.
            .step(
                FakeStep.doing(
                    "decode",
                    context -> {
                      audit.onCall(call("/api/ttp/url/decode-url", "decode"));
                      return "ok";
                    }))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      new PlaybookRunner(pool, 3).run(playbook, Scopes.withoutApi());
    } finally {
      pool.shutdownNow();
    }

    Map<String, Integer> places =
        audit.entries().stream()
            .collect(Collectors.toMap(AuditEntry::requestId, AuditEntry::chain));
    assertThat(places)
        .containsEntry("page-1", 1)
        .containsEntry("page-2", 2)
        .containsEntry("copy-1", 3)
        .containsEntry("copy-2", 3)
        .containsEntry("copy-3", 3)
        .containsEntry("detail", 4)
        .containsEntry("decode", 1);
    assertThat(audit.longestChain()).isEqualTo(4);
  }

  @Test
  void aNewTrailStartsANewChainOnAThreadThatRecordedForAnother() {
    AuditTrail first = new AuditTrail();
    first.onCall(call("/api/message-finder/search", "first-1"));
    first.onCall(call("/api/message-finder/search", "first-2"));
    AuditTrail second = new AuditTrail();
    second.onCall(call("/api/message-finder/search", "second-1"));

    assertThat(first.longestChain()).isEqualTo(2);
    assertThat(second.entries()).extracting(AuditEntry::chain).containsExactly(1);
  }

  @Test
  void anItemBoundBelowOneIsRefused() {
    assertThatThrownBy(() -> new PlaybookRunner(Runnable::run, 1, Runnable::run, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("itemsPerStep must be at least 1");
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void anEmptyPlaybookCompletesAtOnce() {
    PlaybookResult result =
        new PlaybookRunner(Runnable::run, 1).run(Playbook.builder().build(), Scopes.withoutApi());

    assertThat(result.outcomes()).isEmpty();
  }

  @Test
  void aBoundBelowOneIsRefused() {
    assertThatThrownBy(() -> new PlaybookRunner(Runnable::run, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  private static CallRecord call(String endpoint, String requestId) {
    return new CallRecord(
        Instant.parse("2025-03-01T10:00:00Z"),
        endpoint,
        requestId,
        200,
        Duration.ofMillis(12),
        1,
        "ok");
  }
}
