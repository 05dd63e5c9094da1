package dev.mci.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.AutoPager;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.logs.HeldMessage;
import dev.mci.client.logs.HeldMessageQuery;
import dev.mci.client.logs.RejectionLog;
import dev.mci.client.logs.RejectionLogQuery;
import dev.mci.client.logs.ReleaseLog;
import dev.mci.client.logs.ReleaseLogQuery;
import dev.mci.client.messages.MessageSearch;
import dev.mci.client.messages.TrackedEmail;
import dev.mci.simulator.tenant.PhishingScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Release logs, rejection logs and the hold queue, end to end against the simulator. */
class GatewayLogsEndToEndTest {
  private static final String REJECTIONS = "/api/gateway/get-rejections";

  private final SimulatedTenant tenant = new SimulatedTenant();
  private final PhishingScenario phish = tenant.server.tenant().scenario();

  @AfterEach
  void stop() {
    tenant.close();
  }

  private Instant now() {
    return tenant.clock.instant();
  }

  private static <T> List<T> all(AutoPager<T> pager) {
    List<T> rows = new ArrayList<>();
    pager.forEach(rows::add);
    return rows;
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void releaseLogNamesWhoReleasedThePhishToTheVip(SimulatedTenant.Generation generation) {
    try (MimecastClient client = tenant.client(generation)) {
      List<ReleaseLog> rows =
          all(
              client
                  .logs()
                  .releaseLogs(
                      ReleaseLogQuery.builder()
                          .start(phish.received())
                          .end(now())
                          .search("to", phish.heldRecipient().address())
                          .status("released")
                          .attachments(true)
                          .pageSize(1)
                          .build()));

      assertThat(rows)
          .filteredOn(r -> phish.subject().equals(r.subject()))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.operator()).isEqualTo(phish.releasedBy());
                assertThat(r.released()).isEqualTo(phish.releasedAt());
                assertThat(r.fromHdr().emailAddress()).isEqualTo(phish.sender().address());
                assertThat(r.to())
                    .extracting(a -> a.emailAddress())
                    .containsExactly(phish.heldRecipient().address());
                assertThat(r.spamProcessing().spf().info()).isEqualTo("pass");
              });
    }
  }

  @Test
  void rejectedHoldsNameTheOperatorOrHousekeeping() {
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_1_HMAC)) {
      List<ReleaseLog> rows =
          all(
              client
                  .logs()
                  .releaseLogs(
                      ReleaseLogQuery.builder()
                          .start(now().minus(Duration.ofDays(90)))
                          .status("rejected")
                          .pageSize(50)
                          .build()));

      assertThat(rows).isNotEmpty().allMatch(r -> r.status().equals("rejected"));
      assertThat(rows)
          .extracting(ReleaseLog::messageInfo)
          .contains("Rejected by administrator", "Expired in queue - rejected by housekeeping");
      assertThat(rows)
          .extracting(ReleaseLog::released)
          .isSortedAccordingTo((a, b) -> b.compareTo(a));
    }
  }

  @Test
  void rejectionLogsOlderThanSevenDaysFailBeforeAnyCall() {
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_2_OAUTH)) {
      assertThatThrownBy(
              () ->
                  client
                      .logs()
                      .rejections(
                          RejectionLogQuery.builder()
                              .start(now().minus(Duration.ofDays(8)))
                              .build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("only go back 7 days");
    }
    assertThat(tenant.server.requests().count(REJECTIONS)).isZero();
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void rejectionLogsCoverEveryRecipientAndFilterBySendingIp(SimulatedTenant.Generation generation) {
    try (MimecastClient client = tenant.client(generation)) {
      RejectionLogQuery.Builder week =
          RejectionLogQuery.builder().start(now().minus(Duration.ofDays(7))).pageSize(3);
      List<RejectionLog> rows = all(client.logs().rejections(week.build()));

      assertThat(rows).isNotEmpty();
      assertThat(rows.stream().map(RejectionLog::toAddress).distinct().count()).isGreaterThan(1);
      RejectionLog first = rows.get(0);
      assertThat(first.info()).isNotBlank();
      assertThat(first.created()).isAfter(now().minus(Duration.ofDays(7)));

      List<RejectionLog> fromIp =
          all(client.logs().rejections(week.search("remoteIp", first.ipAddress()).build()));
      assertThat(fromIp).isNotEmpty().allMatch(r -> r.ipAddress().equals(first.ipAddress()));
    }
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void heldMessagesAreTheCopiesMessageFinderReportsAsHeld(SimulatedTenant.Generation generation) {
    try (MimecastClient client = tenant.client(generation)) {
      List<HeldMessage> held =
          all(client.logs().heldMessages(HeldMessageQuery.builder().pageSize(4).build()));

      assertThat(held).isNotEmpty();
      assertThat(held).extracting(HeldMessage::route).allMatch(r -> r.equals(r.toUpperCase()));
      HeldMessage newest = held.get(0);
      List<TrackedEmail> tracked =
          client
              .messages()
              .search(
                  MessageSearch.builder()
                      .to(newest.to().emailAddress())
                      .subject(newest.subject())
                      .statuses(Set.of("held"))
                      .start(newest.dateReceived().minusSeconds(60))
                      .end(newest.dateReceived().plusSeconds(60))
                      .build());
      assertThat(tracked).isNotEmpty().allMatch(t -> t.status().equals("held"));

      List<HeldMessage> byCode =
          all(
              client
                  .logs()
                  .heldMessages(
                      HeldMessageQuery.builder()
                          .search("reasonCode", newest.reasonCode())
                          .route(newest.route())
                          .build()));
      assertThat(byCode).contains(newest).allMatch(h -> h.reasonCode().equals(newest.reasonCode()));
    }
  }
}
