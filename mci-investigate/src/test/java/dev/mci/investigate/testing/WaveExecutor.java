package dev.mci.investigate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An executor with virtual time: tasks queue up, and {@link #runWave()} runs every task queued
 * before the wave began; tasks those queue wait for the next wave. If every step takes one unit of
 * time and threads are plentiful, the number of waves is the wall time of a run, measured without
 * any real waiting. The largest wave is the peak concurrency.
 */
public final class WaveExecutor implements Executor {

  private final List<Runnable> queue = new ArrayList<>();
  private final List<Integer> waveSizes = new ArrayList<>();

  @Override
  public synchronized void execute(Runnable task) {
    queue.add(task);
  }

  /** Runs one wave; false when nothing was queued. */
  public boolean runWave() {
    List<Runnable> wave;
    synchronized (this) {
      wave = new ArrayList<>(queue);
      queue.clear();
    }
    if (wave.isEmpty()) {
      return false;
    }
    waveSizes.add(wave.size());
    wave.forEach(Runnable::run);
    return true;
  }

  /** Runs waves until the future is done; fails if work stops while it is not. */
  public void runUntilDone(CompletableFuture<?> done) {
    while (!done.isDone()) {
      if (!runWave()) {
        throw new AssertionError("no task queued but the run is not done: the runner stalled");
      }
    }
  }

  /** The waves run so far: the virtual wall time. */
  public int waves() {
    return waveSizes.size();
  }

  /** The most tasks in one wave: the peak concurrency. */
  public int peak() {
    return waveSizes.stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** How many tasks each wave ran. */
  public List<Integer> waveSizes() {
    return List.copyOf(waveSizes);
  }
}
