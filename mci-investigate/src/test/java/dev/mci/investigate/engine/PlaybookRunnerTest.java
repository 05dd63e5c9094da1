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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
