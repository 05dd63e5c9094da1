package dev.mci.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Measurements shared by the harnesses: CPU time split between client and in-process simulator
 * threads, and peak heap.
 */
final class BenchSupport {
  /** Simulator (Jetty) worker threads are named after this prefix by the simulator. */
  static final String SIMULATOR_THREAD_PREFIX = "mci-sim-";

  private BenchSupport() {}

  /** CPU nanoseconds used so far by live threads, keyed by thread id. */
  static Map<Long, Long> threadCpu(boolean simulatorThreads) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      boolean simulator = info.getThreadName().startsWith(SIMULATOR_THREAD_PREFIX);
      if (simulator == simulatorThreads) {
        long nanos = threads.getThreadCpuTime(info.getThreadId());
        if (nanos >= 0) {
          cpu.put(info.getThreadId(), nanos);
        }
      }
    }
    return cpu;
  }

  /** CPU used between two samples (threads that started in between count from zero). */
  static long cpuBetween(Map<Long, Long> before, Map<Long, Long> after) {
    long total = 0;
    for (Map.Entry<Long, Long> thread : after.entrySet()) {
      total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
    }
    return total;
  }

  /** Resets the heap pools' peak counters so the next reading covers only what follows. */
  static void resetPeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peak usage: an upper bound of the peak heap in use. */
  static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
