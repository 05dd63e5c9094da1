package dev.mci.simulator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.simulator.TenantSize;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LargeTenantTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  @Test
  void largeTenantIsCreatedQuicklyWithoutHoldingMessages() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    long started = System.nanoTime();

    Tenant tenant = Tenant.generate(42, TenantSize.LARGE, NOW);

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    System.gc();
    long retained = runtime.totalMemory() - runtime.freeMemory() - before;
    assertThat(tenant.messageCount()).isGreaterThanOrEqualTo(600_000);
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    // 600k messages held in memory would take hundreds of MB; the lazy tenant stays small.
    assertThat(retained).isLessThan(64L * 1024 * 1024);
    assertThat(tenant.message(tenant.messageCount() - 1).received()).isBefore(tenant.now());
  }

  @Test
  void largeTenantHasOver200000MessageFinderRowsInTheLast30Days() {
    Tenant tenant = Tenant.generate(42, TenantSize.LARGE, NOW);
    IndexRange last30Days =
        tenant.indexRange(tenant.now().minus(Duration.ofDays(30)).plusSeconds(1), tenant.now());

    // Every message has at least one recipient row, so the message count bounds the rows; a
    // sample checks the rows per message instead of generating all 220,000 messages.
    long sampledRows = 0;
    long sampled = 0;
    for (long i = last30Days.from(); i < last30Days.to(); i += 997) {
      sampledRows += tenant.message(i).deliveries().size();
      sampled++;
    }

    assertThat(last30Days.size()).isGreaterThan(200_000);
    assertThat((double) sampledRows / sampled).isGreaterThanOrEqualTo(1.0);
    assertThat(last30Days.size() * sampledRows / sampled).isGreaterThan(250_000);
  }
}
