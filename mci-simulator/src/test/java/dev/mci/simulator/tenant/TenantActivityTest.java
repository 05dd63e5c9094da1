package dev.mci.simulator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.simulator.TenantSize;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TenantActivityTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:34:56Z");
  private static final Tenant TENANT = Tenant.generate(42, TenantSize.SMALL, NOW);
  private static final TenantActivity ACTIVITY = TENANT.activity();
  private static final PhishingScenario SCENARIO = TENANT.scenario();

  private static Message scenarioMessage() {
    return TENANT.message(SCENARIO.messageIndex());
  }

  private static List<Message> allMessages() {
    List<Message> all = new ArrayList<>();
    for (long i = 0; i < TENANT.messageCount(); i++) {
      all.add(TENANT.message(i));
    }
    return all;
  }

  @Test
  void scenarioClicksAreAllowedThenWarnedThenBlockedOnTheRealUrl() {
    List<Click> clicks = ACTIVITY.clicks(scenarioMessage());

    assertThat(clicks).hasSizeGreaterThanOrEqualTo(3);
    assertThat(clicks).allMatch(c -> c.url().equals(SCENARIO.maliciousUrl()));
    assertThat(clicks).extracting(Click::action).contains("allow", "warn", "block");
    assertThat(clicks.stream().filter(c -> c.action().equals("warn")))
        .singleElement()
        .satisfies(c -> assertThat(c.userOverride()).isEqualTo("Continue"));
    assertThat(clicks).anyMatch(c -> c.adminOverride().equals("Block"));
    assertThat(clicks).allMatch(c -> c.at().isAfter(SCENARIO.received()));
  }

  @Test
  void onlyRiskyClickersClickAndOnlyOnDeliveredInboundCopiesBeforeNow() {
    Set<String> risky = TENANT.riskyUsers().stream().map(User::address).collect(Collectors.toSet());
    int clicks = 0;
    for (Message message : allMessages()) {
      for (Click click : ACTIVITY.clicks(message)) {
        clicks++;
        assertThat(risky).contains(click.user().address());
        assertThat(message.route()).isEqualTo(Route.INBOUND);
        assertThat(click.delivery().status()).isEqualTo(DeliveryStatus.ARCHIVED);
        assertThat(message.urls()).contains(click.url());
        assertThat(click.at()).isBefore(TENANT.now());
        assertThat(Duration.between(message.received(), click.at()))
            .isLessThanOrEqualTo(TenantActivity.MAX_CLICK_DELAY);
        click
            .delivery()
            .hold()
            .flatMap(Hold::releasedAt)
            .ifPresent(released -> assertThat(click.at()).isAfter(released));
      }
    }
    assertThat(clicks).isGreaterThan(3);
  }

  @Test
  void scenarioAttachmentVerdictsCarryTheRealFileHash() {
    List<AttachmentScan> scans = ACTIVITY.attachmentScans(scenarioMessage());

    assertThat(scans).hasSize(SCENARIO.recipients().size());
    assertThat(scans).allMatch(s -> s.file().sha256().equals(SCENARIO.attachmentSha256()));
    assertThat(scans.stream().filter(s -> s.result().equals("malicious")))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.delivery().recipient()).isEqualTo(SCENARIO.heldRecipient());
              assertThat(s.actionTriggered()).isEqualTo("sandbox, hold");
            });
  }

  @Test
  void impersonationHoldsExactlyTheHeldCopies() {
    int hits = 0;
    for (Message message : allMessages()) {
      for (ImpersonationHit hit : ACTIVITY.impersonationHits(message)) {
        hits++;
        assertThat(hit.action().equals("hold"))
            .isEqualTo(hit.delivery().status() == DeliveryStatus.HELD);
        assertThat(hit.id()).startsWith("MTOKEN:");
      }
    }
    assertThat(hits).isGreaterThan(SCENARIO.recipients().size());
    assertThat(ACTIVITY.impersonationHits(scenarioMessage()))
        .allSatisfy(
            h ->
                assertThat(h.identifiers())
                    .contains("internal_user_name", "similar_internal_domain"));
  }

  @Test
  void theScenarioReleaseIsTheHoldsOutcome() {
    Message message = scenarioMessage();
    Delivery held = message.deliveries().get(0);

    HoldOutcome outcome = ACTIVITY.holdOutcome(message, held).orElseThrow();

    assertThat(held.recipient()).isEqualTo(SCENARIO.heldRecipient());
    assertThat(outcome.kind()).isEqualTo(HoldOutcome.Kind.RELEASED);
    assertThat(outcome.operator()).isEqualTo(SCENARIO.releasedBy());
    assertThat(outcome.at()).isEqualTo(SCENARIO.releasedAt());
  }

  @Test
  void recentHeldCopiesStayQueuedAndOldOnesWereRejectedOrExpired() {
    Instant horizon = TENANT.now().minus(TenantActivity.HOLD_QUEUE_RETENTION);
    Set<HoldOutcome.Kind> seen = new java.util.HashSet<>();
    Set<String> operators = new java.util.HashSet<>();
    for (Message message : allMessages()) {
      for (Delivery delivery : message.deliveries()) {
        if (delivery.status() != DeliveryStatus.HELD) {
          continue;
        }
        boolean recent = !delivery.hold().orElseThrow().heldAt().isBefore(horizon);
        assertThat(ACTIVITY.inHoldQueue(message, delivery)).isEqualTo(recent);
        ACTIVITY
            .holdOutcome(message, delivery)
            .ifPresent(
                o -> {
                  seen.add(o.kind());
                  operators.add(o.operator());
                  assertThat(o.at()).isBefore(TENANT.now());
                });
      }
    }
    assertThat(seen).contains(HoldOutcome.Kind.REJECTED, HoldOutcome.Kind.EXPIRED);
    assertThat(operators).contains(TENANT.account().adminEmail());
    assertThat(operators.stream().filter(o -> o.endsWith("@" + SCENARIO.heldRecipient().domain())))
        .hasSizeGreaterThan(1);
  }

  @Test
  void rejectionsAreExactlyTheRejectedCopies() {
    for (Message message : allMessages()) {
      long rejected =
          message.deliveries().stream().filter(d -> d.status() == DeliveryStatus.REJECTED).count();
      assertThat(ACTIVITY.rejections(message)).hasSize((int) rejected);
    }
  }

  @Test
  void incidentCountsAddUpAndMatchRealMessages() {
    List<RemediationIncident> incidents = ACTIVITY.incidents();

    assertThat(incidents).extracting(RemediationIncident::type).contains("manual", "notify_only");
    for (RemediationIncident incident : incidents) {
      assertThat(incident.identified()).isPositive();
      assertThat(incident.restored()).isLessThanOrEqualTo(incident.successful());
      if (!incident.type().equals("notify_only")) {
        assertThat(incident.successful() + incident.failed()).isEqualTo(incident.identified());
      }
      long delivered = 0;
      for (Message message : allMessages()) {
        if (incident.criteria().matches(message)) {
          delivered +=
              message.deliveries().stream()
                  .filter(d -> d.status() == DeliveryStatus.ARCHIVED)
                  .count();
        }
      }
      assertThat(delivered).isEqualTo(incident.identified());
      assertThat(ACTIVITY.incident(incident.id())).contains(incident);
    }
    assertThat(incidents.stream().filter(i -> i.type().equals("manual")))
        .anySatisfy(i -> assertThat(i.criteria().messageId()).contains(SCENARIO.messageIdHeader()));
  }

  @Test
  void managedUrlsBlockTheLookalikeDomainAndPermitOthers() {
    List<ManagedUrl> list = ACTIVITY.managedUrls();

    assertThat(list).extracting(ManagedUrl::action).contains("block", "permit");
    assertThat(list).anyMatch(m -> m.covers(SCENARIO.maliciousUrl()) && m.action().equals("block"));
    assertThat(list).extracting(ManagedUrl::id).allMatch(id -> id.startsWith("wOi3MC"));
  }

  @Test
  void theScenarioHashWasSeenAndEveryFileIsFoundByItsHash() {
    assertThat(ACTIVITY.seenInMessages(SCENARIO.attachment())).isTrue();
    for (AttachmentFile file : TENANT.attachments()) {
      assertThat(ACTIVITY.attachmentBySha256(file.sha256().toUpperCase())).contains(file);
    }
  }

  @Test
  void backgroundClicksAreOrderedAndFoundByTime() {
    BackgroundClicks background = new BackgroundClicks(TENANT, 10_000);
    long previous = Long.MIN_VALUE;
    for (long j = 0; j < background.size(); j++) {
      long second = background.secondOf(j);
      assertThat(second).isGreaterThanOrEqualTo(previous);
      previous = second;
    }
    long middle = background.secondOf(5_000);
    long first = background.firstAtOrAfter(middle);
    assertThat(background.secondOf(first)).isEqualTo(middle);
    assertThat(first == 0 || background.secondOf(first - 1) < middle).isTrue();
    assertThat(background.secondOf(0))
        .isGreaterThanOrEqualTo(TENANT.messagesFrom().getEpochSecond());
    assertThat(background.secondOf(background.size() - 1))
        .isLessThan(TENANT.now().getEpochSecond());
    assertThat(background.row(17)).isEqualTo(background.row(17));
    assertThat(TENANT.riskyUsers().stream().map(User::mailbox)).contains(background.row(17).user());
  }
}
