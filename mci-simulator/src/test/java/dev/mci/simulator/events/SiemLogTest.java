package dev.mci.simulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.simulator.TenantSize;
import dev.mci.simulator.tenant.Mailbox;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.simulator.tenant.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SiemLogTest {

  private static final Instant NOW = Instant.parse("2025-03-06T12:00:00Z");
  private final Tenant tenant = Tenant.generate(42, TenantSize.SMALL, NOW);

  @Test
  void scenarioEventsCarryTheSameFactsAsMessageFinder() {
    SiemLog log = new SiemLog(tenant, EventStreamConfig.defaults());
    PhishingScenario phish = tenant.scenario();
    Message message = tenant.message(phish.messageIndex());

    List<SiemEvent> events = log.eventsOf(message);

    List<SiemEvent> receipts = events.stream().filter(e -> e.type() == SiemType.RECEIPT).toList();
    assertThat(receipts).hasSize(phish.recipients().size());
    assertThat(receipts)
        .extracting(e -> e.text("recipients"))
        .containsExactlyElementsOf(phish.recipients().stream().map(Mailbox::address).toList());
    assertThat(receipts)
        .allSatisfy(
            e -> {
              assertThat(e.text("messageId")).isEqualTo(phish.messageIdHeader());
              assertThat(e.text("senderIp")).isEqualTo(phish.sendingIp());
              assertThat(e.text("senderHeader")).isEqualTo(phish.sender().address());
              assertThat(e.text("subject")).isEqualTo(phish.subject());
            });
    assertThat(events)
        .extracting(e -> e.text("aggregateId"))
        .containsOnly(log.aggregateId(message));
    assertThat(events)
        .filteredOn(e -> e.type() == SiemType.ATTACHMENT_PROTECT)
        .singleElement()
        .satisfies(e -> assertThat(e.text("sha256")).isEqualTo(phish.attachmentSha256()));
    assertThat(events).filteredOn(e -> e.type() == SiemType.IMPERSONATION_PROTECT).isNotEmpty();
    // Every URL Protect click the tenant records for the message is a url protect event.
    assertThat(events)
        .filteredOn(e -> e.type() == SiemType.URL_PROTECT)
        .extracting(e -> e.text("recipients") + " " + e.timestamp())
        .containsExactlyInAnyOrderElementsOf(
            tenant.activity().clicks(message).stream()
                .map(c -> c.user().address() + " " + c.at().toEpochMilli())
                .toList())
        .isNotEmpty();
    // The held copy is delivered when the administrator releases it.
    assertThat(events)
        .filteredOn(
            e ->
                e.type() == SiemType.DELIVERY
                    && e.text("recipients").equals(phish.heldRecipient().address()))
        .singleElement()
        .satisfies(e -> assertThat(e.timestamp()).isGreaterThan(phish.releasedAt().toEpochMilli()));
  }

  @Test
  void windowsPartitionTheEventsOfEveryMessageExactlyOnce() {
    SiemLog log = new SiemLog(tenant, EventStreamConfig.defaults());
    long window = log.windowOf(tenant.scenario().received().toEpochMilli());
    Set<String> fromWindows =
        java.util.stream.LongStream.rangeClosed(window, window + 20)
            .boxed()
            .flatMap(
                w ->
                    List.of(SiemType.values()).stream()
                        .flatMap(t -> log.events(t, w, 0, Integer.MAX_VALUE).stream()))
            .filter(
                e ->
                    log.aggregateId(tenant.message(tenant.scenario().messageIndex()))
                        .equals(e.text("aggregateId")))
            .map(e -> e.type() + "/" + e.timestamp() + "/" + e.text("recipients"))
            .collect(Collectors.toSet());
    List<SiemEvent> direct = log.eventsOf(tenant.message(tenant.scenario().messageIndex()));

    assertThat(fromWindows).hasSize(direct.size());
  }

  @Test
  void volumeTopsTheRetentionWindowUpWithRejectedConnections() {
    EventStreamConfig config = EventStreamConfig.builder().volume(200_000).build();
    SiemLog log = new SiemLog(tenant, config);
    long from = log.retentionStart(NOW);
    long to = log.firstUnpublished(NOW);

    long total = 0;
    for (SiemType type : SiemLog.CLOUD_GATEWAY) {
      total += log.countUnique(type, from, to);
    }

    // Windows are whole intervals, so the edges of the 7 days shave off at most one window each.
    assertThat(total).isBetween(199_000L, 200_500L);
    SiemEvent rejected =
        log.events(SiemType.RECEIPT, to - 1, log.count(SiemType.RECEIPT, to - 1) - 1, 1).get(0);
    assertThat(rejected.text("action")).isEqualTo("Rej");
    assertThat(rejected.text("senderIp")).startsWith("198.18.");
  }

  @Test
  void tenMillionEventsAreServedLazilyWithoutHoldingThem() {
    SiemLog log = new SiemLog(tenant, EventStreamConfig.builder().volume(10_000_000).build());
    long last = log.firstUnpublished(NOW) - 1;

    int size = log.count(SiemType.RECEIPT, last);
    List<SiemEvent> tail = log.events(SiemType.RECEIPT, last, size - 3, 3);

    assertThat(size).isBetween(14_000, 16_000);
    assertThat(tail).hasSize(3);
    assertThat(log.parts(SiemType.RECEIPT, last)).isEqualTo(1);
  }

  @Test
  void splitBatchesRepeatTheLastEventOfThePreviousFile() {
    SiemLog log =
        new SiemLog(
            tenant, EventStreamConfig.builder().volume(500_000).maxEventsPerFile(100).build());
    long window = log.firstUnpublished(NOW) - 1;

    List<SiemEvent> first = log.file(SiemType.RECEIPT, window, 0);
    List<SiemEvent> second = log.file(SiemType.RECEIPT, window, 1);

    assertThat(first).hasSize(100);
    assertThat(second.get(0)).usingRecursiveComparison().isEqualTo(first.get(99));
  }

  @Test
  void theSameSeedGivesTheSameEvents() {
    SiemLog one = new SiemLog(tenant, EventStreamConfig.builder().volume(30_000).build());
    SiemLog two =
        new SiemLog(
            Tenant.generate(42, TenantSize.SMALL, NOW),
            EventStreamConfig.builder().volume(30_000).build());
    long window = one.firstUnpublished(NOW) - 5;

    assertThat(one.file(SiemType.RECEIPT, window, 0))
        .usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(two.file(SiemType.RECEIPT, window, 0));
  }

  @Test
  void parsesTheEventStreamSpecification() {
    EventStreamConfig config =
        EventStreamConfig.parse(
            "volume=1e6,interval=1m,ttl=30s,corrupt=receipt:3,truncated=siem-v1:2,loop=true");

    assertThat(config.volume()).isEqualTo(1_000_000);
    assertThat(config.batchInterval()).hasMinutes(1);
    assertThat(config.urlTtl()).hasSeconds(30);
    assertThat(config.corrupt("receipt", 3)).isTrue();
    assertThat(config.truncated("siem-v1", 2)).isTrue();
    assertThat(config.loopingCursor()).isTrue();
  }
}
