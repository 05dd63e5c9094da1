package dev.mci.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.AuthenticationException;
import dev.mci.client.AutoPager;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.RateLimitedException;
import dev.mci.client.ServerException;
import dev.mci.client.logs.AttachmentLog;
import dev.mci.client.logs.AttachmentLogQuery;
import dev.mci.client.logs.ImpersonationLog;
import dev.mci.client.logs.ImpersonationLogQuery;
import dev.mci.client.logs.UrlClick;
import dev.mci.client.logs.UrlLogQuery;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.tenant.PhishingScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** URL, attachment and impersonation protection logs, end to end against the simulator. */
class ProtectionLogsEndToEndTest {
  private static final String URL_LOGS = "/api/ttp/url/get-logs";

  private final SimulatedTenant tenant = new SimulatedTenant();
  private final PhishingScenario phish = tenant.server.tenant().scenario();

  @AfterEach
  void stop() {
    tenant.close();
  }

  private Instant from() {
    return phish.received().minus(Duration.ofHours(1));
  }

  private Instant to() {
    return phish.received().plus(Duration.ofHours(12));
  }

  private UrlLogQuery.Builder aroundThePhish() {
    return UrlLogQuery.builder().from(from()).to(to());
  }

  private static <T> List<T> all(AutoPager<T> pager) {
    List<T> rows = new ArrayList<>();
    pager.forEach(rows::add);
    return rows;
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void urlLogsWalkEveryPageOfThePhishClicks(SimulatedTenant.Generation generation) {
    try (MimecastClient client = tenant.client(generation)) {
      List<UrlClick> onePage = all(client.logs().urlLogs(aroundThePhish().build()));
      List<UrlClick> paged = all(client.logs().urlLogs(aroundThePhish().pageSize(2).build()));

      assertThat(paged).isEqualTo(onePage);
      List<UrlClick> phishClicks =
          paged.stream().filter(c -> phish.messageIdHeader().equals(c.messageId())).toList();
      assertThat(phishClicks).extracting(UrlClick::action).contains("allow", "warn", "block");
      assertThat(phishClicks)
          .allSatisfy(
              c -> {
                assertThat(c.url()).isEqualTo(phish.maliciousUrl().original());
                assertThat(c.fromUserEmailAddress()).isEqualTo(phish.sender().address());
                assertThat(c.emailPartsDescription()).containsExactly("Body");
              });
      assertThat(phishClicks)
          .filteredOn(c -> c.action().equals("warn"))
          .singleElement()
          .extracting(UrlClick::userOverride)
          .isEqualTo("Continue");
      assertThat(phishClicks)
          .filteredOn(c -> "Block".equals(c.adminOverride()))
          .allSatisfy(
              c ->
                  assertThat(c.tagMap().get("UrlReputationScan").get("Status"))
                      .contains("VerdictBlock"));
      assertThat(paged).extracting(UrlClick::date).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }
    long calls = tenant.server.requests().count(URL_LOGS);
    assertThat(calls).isGreaterThan(2);
  }

  @Test
  void aSavedTokenResumesThePullWithoutRereadingEarlierPages() {
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_2_OAUTH)) {
      UrlLogQuery query = aroundThePhish().pageSize(1).oldestFirst(true).build();
      List<UrlClick> everything = all(client.logs().urlLogs(query));
      AutoPager<UrlClick> pager = client.logs().urlLogs(query);
      var iterator = pager.iterator();
      iterator.next();
      String token = pager.nextPageToken().orElseThrow();

      List<UrlClick> rest = all(pager.startingAt(token));

      assertThat(rest).isEqualTo(everything.subList(1, everything.size()));
      assertThat(everything).extracting(UrlClick::date).isSorted();
    }
  }

  @Test
  void urlLogFiltersReachTheServer() {
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_1_HMAC)) {
      assertThat(all(client.logs().urlLogs(aroundThePhish().scanResult("MALICIOUS").build())))
          .isNotEmpty()
          .allMatch(c -> c.scanResult().equals("malicious"));
      assertThat(all(client.logs().urlLogs(aroundThePhish().route("outbound").build()))).isEmpty();
    }
  }

  @Test
  void badValuesFailBeforeAnyCall() {
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_1_HMAC)) {
      assertThatThrownBy(() -> client.logs().urlLogs(aroundThePhish().scanResult("evil").build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("scanResult 'evil' is not one of all, clean, malicious");
      assertThatThrownBy(
              () -> client.logs().urlLogs(UrlLogQuery.builder().from(to()).to(from()).build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("swap them");
      assertThatThrownBy(
              () ->
                  client
                      .logs()
                      .impersonationLogs(
                          ImpersonationLogQuery.builder().search("subject", " ").build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("needs a value");
      assertThatThrownBy(
              () ->
                  client
                      .logs()
                      .impersonationLogs(
                          ImpersonationLogQuery.builder()
                              .identifiers(List.of("repy_address_mismatch"))
                              .build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("reply_address_mismatch");
    }
    assertThat(tenant.server.requests().all()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void attachmentLogsCarryTheRealAttachmentHash(SimulatedTenant.Generation generation) {
    try (MimecastClient client = tenant.client(generation)) {
      List<AttachmentLog> rows =
          all(
              client
                  .logs()
                  .attachmentLogs(
                      AttachmentLogQuery.builder().from(from()).to(to()).pageSize(7).build()));
      List<AttachmentLog> phishRows =
          rows.stream().filter(r -> phish.messageIdHeader().equals(r.messageId())).toList();

      assertThat(phishRows).hasSize(phish.recipients().size());
      assertThat(phishRows).allMatch(r -> r.fileHash().equals(phish.attachmentSha256()));
      assertThat(phishRows)
          .filteredOn(r -> r.result().equals("malicious"))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.recipientAddress()).isEqualTo(phish.heldRecipient().address());
                assertThat(r.actionTriggered()).isEqualTo("sandbox, hold");
              });
      List<AttachmentLog> malicious =
          all(
              client
                  .logs()
                  .attachmentLogs(
                      AttachmentLogQuery.builder()
                          .from(from())
                          .to(to())
                          .result("malicious")
                          .build()));
      assertThat(malicious).isNotEmpty().allMatch(r -> r.result().equals("malicious"));
    }
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void impersonationLogsNameTheIdentifiersThatFired(SimulatedTenant.Generation generation) {
    try (MimecastClient client = tenant.client(generation)) {
      List<ImpersonationLog> rows =
          all(
              client
                  .logs()
                  .impersonationLogs(
                      ImpersonationLogQuery.builder()
                          .from(from())
                          .to(to())
                          .taggedMalicious(true)
                          .identifiers(List.of("internal_user_name"))
                          .search("senderAddress", phish.senderDomain())
                          .pageSize(5)
                          .build()));

      assertThat(rows).hasSize(phish.recipients().size());
      assertThat(rows)
          .allSatisfy(
              r -> {
                assertThat(r.identifiers()).contains("internal_user_name");
                assertThat(r.hits()).isEqualTo(r.identifiers().size());
                assertThat(r.impersonationResults().get(0).stringSimilarToDomain())
                    .isEqualTo(phish.impersonated().displayName());
                assertThat(r.senderIpAddress()).isEqualTo(phish.sendingIp());
              });
    }
  }

  @Test
  void aRateLimitedPageIsWaitedForAndThePullCompletes() {
    tenant.server.faults().enqueue(URL_LOGS, ScriptedFault.rateLimited(Duration.ofMillis(4500)));
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_2_OAUTH)) {
      assertThat(all(client.logs().urlLogs(aroundThePhish().build()))).isNotEmpty();
    }
    // The server's wait (4.5 s, Retry-After rounded up to 5 s) is honoured, not a shorter backoff.
    assertThat(tenant.sleeps()).anyMatch(wait -> wait.compareTo(Duration.ofMillis(4500)) >= 0);
    assertThat(tenant.server.requests().count(URL_LOGS)).isEqualTo(2);
  }

  @Test
  void aServerThatKeepsFailingEndsInAServerException() {
    for (int i = 0; i < 4; i++) {
      tenant.server.faults().enqueue(URL_LOGS, ScriptedFault.status(503));
    }
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_1_HMAC)) {
      assertThatThrownBy(() -> all(client.logs().urlLogs(aroundThePhish().build())))
          .isInstanceOf(ServerException.class);
    }
    assertThat(tenant.server.requests().count(URL_LOGS)).isEqualTo(4);
  }

  @Test
  void refusedCredentialsAreAnAuthenticationError() {
    try (MimecastClient client =
        tenant
            .builder(SimulatedTenant.Generation.API_2_OAUTH)
            .credentials(
                new OAuth2Credentials(tenant.server.credentials().clientId(), "wrong-secret"))
            .build()) {
      assertThatThrownBy(() -> all(client.logs().urlLogs(aroundThePhish().build())))
          .isInstanceOf(AuthenticationException.class)
          .isNotInstanceOf(RateLimitedException.class);
    }
  }
}
