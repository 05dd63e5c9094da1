package dev.mci.client.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mci.client.ApiFunctionException;
import dev.mci.client.AuthenticationException;
import dev.mci.client.Download;
import dev.mci.client.DownloadUrlExpiredException;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.InvalidResponseException;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.ServerException;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.Fixtures;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.TestClients;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.events.EventStreamConfig;
import dev.mci.simulator.tenant.PhishingScenario;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The events area end to end over loopback HTTP against the simulator. */
class EventsApiTest {

  private static EventsSimulator sim;

  @BeforeAll
  static void start() {
    sim =
        new EventsSimulator(
            EventStreamConfig.builder()
                .volume(300_000)
                .maxEventsPerFile(2_000)
                .corruptFiles(java.util.Set.of("receipt:0"))
                .truncatedFiles(java.util.Set.of("receipt:1"))
                .build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static LocalDate yesterday() {
    return LocalDate.ofInstant(sim.clock.instant(), ZoneOffset.UTC).minusDays(1);
  }

  private static List<SiemEvent> read(MimecastClient client, BatchFile file) throws IOException {
    List<SiemEvent> events = new ArrayList<>();
    try (Download download = client.events().openBatchFile(file);
        EventFileReader reader = EventFiles.readBatch(download.body(), file.redactedUrl())) {
      reader.forEachRemaining(events::add);
    }
    return events;
  }

  @Test
  void batchListsFilesPageByPageUntilCaughtUpAndEveryFileParses() throws IOException {
    try (MimecastClient client = sim.api2().build()) {
      List<BatchFile> files = new ArrayList<>();
      BatchPage page = client.events().batch(EventType.RECEIPT, yesterday(), null, 40);
      int pages = 1;
      files.addAll(page.files());
      while (!page.caughtUp()) {
        page = client.events().batch(null, null, page.nextPage().orElseThrow(), 40);
        files.addAll(page.files());
        pages++;
      }

      assertThat(pages).isGreaterThan(2);
      assertThat(page.nextPage()).as("a caught-up page still hands out a cursor").isPresent();
      assertThat(files).extracting(BatchFile::expiry).doesNotContainNull();
      List<SiemEvent> last = read(client, files.get(files.size() - 1));
      assertThat(last)
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.type()).hasValue(EventType.RECEIPT));
      assertThat(last.get(0).time()).isBefore(sim.clock.instant());
      assertThat(files.get(0).toString()).doesNotContain("Signature");
    }
  }

  @Test
  void aSavedCursorResumesWhereThePreviousPageEnded() {
    try (MimecastClient client = sim.api2().build()) {
      BatchPage first = client.events().batch(EventType.PROCESS, yesterday(), null, 5);
      BatchPage second = client.events().batch(null, null, first.nextPage().orElseThrow(), 5);
      BatchPage both = client.events().batch(EventType.PROCESS, yesterday(), null, 10);

      List<String> walked = new ArrayList<>();
      first.files().forEach(f -> walked.add(f.redactedUrl()));
      second.files().forEach(f -> walked.add(f.redactedUrl()));
      assertThat(walked)
          .containsExactlyElementsOf(both.files().stream().map(BatchFile::redactedUrl).toList());
    }
  }

  @Test
  void anExpiredBatchUrlIsReportedAndAFreshListingWorks() throws IOException {
    try (MimecastClient client = sim.api2().build()) {
      BatchPage page = client.events().batch(EventType.DELIVERY, yesterday(), null, 3);
      sim.clock.advance(Duration.ofMinutes(16));
      try {
        assertThatThrownBy(() -> client.events().openBatchFile(page.files().get(0)))
            .isInstanceOf(DownloadUrlExpiredException.class)
            .hasMessageContaining("expired")
            .hasMessageNotContaining("Signature=");

        BatchPage fresh = client.events().batch(EventType.DELIVERY, yesterday(), null, 3);
        assertThat(read(client, fresh.files().get(0))).isNotEmpty();
      } finally {
        sim.clock.advance(Duration.ofMinutes(-16));
      }
    }
  }

  @Test
  void corruptAndTruncatedFilesFailWhileReadingWithInvalidResponse() {
    try (MimecastClient client = sim.api2().build()) {
      BatchPage page = client.events().batch(EventType.RECEIPT, null, null, 2);

      assertThatThrownBy(() -> read(client, page.files().get(0)))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("damaged");
      assertThatThrownBy(() -> read(client, page.files().get(1)))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("damaged");
    }
  }

  @Test
  void streamPagesTheLastDayAndRefusesAnOlderStartBeforeAnyCall() {
    try (MimecastClient client = sim.api2().build()) {
      Instant start = sim.clock.instant().minus(Duration.ofHours(2));
      StreamPage first = client.events().stream(start, null, 200);
      StreamPage second = client.events().stream(null, first.nextPage().orElseThrow(), 200);

      assertThat(first.events()).hasSize(200);
      assertThat(first.caughtUp()).isFalse();
      assertThat(second.events()).isNotEmpty();
      assertThat(first.events().get(0).time()).isAfterOrEqualTo(start);
      long before = sim.server.requests().count("/siem/v1/events/cg");
      assertThatThrownBy(
              () ->
                  client.events().stream(sim.clock.instant().minus(Duration.ofHours(25)), null, 10))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("24 hours");
      assertThat(sim.server.requests().count("/siem/v1/events/cg")).isEqualTo(before);
    }
  }

  @Test
  void apiOneSiemLogFilesCarryTheNextTokenAndParseZippedOrNot() throws IOException {
    try (MimecastClient client = sim.api1().build()) {
      SiemLogResult first = client.events().siemLogFile(null, false);
      assertThat(first).isInstanceOf(SiemLogResult.LogFile.class);
      SiemLogResult.LogFile file = (SiemLogResult.LogFile) first;
      List<SiemEvent> events = new ArrayList<>();
      try (file;
          EventFileReader reader =
              EventFiles.readLegacy(file.download().body(), false, file.fileName(), "first")) {
        reader.forEachRemaining(events::add);
      }
      assertThat(file.fileName()).hasValueSatisfying(name -> assertThat(name).endsWith(".json"));
      assertThat(events).isNotEmpty();
      assertThat(events.get(0).field("acc")).hasValue(sim.server.tenant().account().accountCode());
      assertThat(events.get(0).time()).isNotNull();

      SiemLogResult.LogFile zipped =
          (SiemLogResult.LogFile) client.events().siemLogFile(file.nextToken(), true);
      try (zipped;
          EventFileReader reader =
              EventFiles.readLegacy(zipped.download().body(), true, zipped.fileName(), "second")) {
        assertThat(reader.hasNext()).isTrue();
        assertThat(reader.next().typeName()).isNotEmpty();
      }
      assertThat(zipped.nextToken()).isNotEqualTo(file.nextToken());
    }
  }

  @Test
  void anUnknownSiemTokenIsAFunctionErrorAndApi2IsRefusedBeforeAnyCall() {
    try (MimecastClient v1 = sim.api1().build();
        MimecastClient v2 = sim.api2().build()) {
      ApiFunctionException error =
          catchThrowableOfType(
              () -> v1.events().siemLogFile("not-a-token", false), ApiFunctionException.class);
      assertThat(error.errors()).extracting(e -> e.code()).contains("err_audit_siem_invalid_token");

      assertThatThrownBy(() -> v2.events().siemLogFile(null, false))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("API 1.0");
      assertThatThrownBy(() -> v1.events().batch(EventType.RECEIPT, null, null, 10))
          .isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void auditEventsPageOnBothGenerationsAndShowTheRelease() {
    PhishingScenario phish = sim.server.tenant().scenario();
    Instant start = phish.releasedAt().minus(Duration.ofHours(6));
    Instant end = phish.releasedAt().plus(Duration.ofHours(1));
    for (MimecastClient client : List.of(sim.api1().build(), sim.api2().build())) {
      try (client) {
        List<AuditEvent> all = new ArrayList<>();
        client
            .events()
            .auditEvents(new AuditQuery(start, end, null, List.of(), 5))
            .forEach(all::add);
        List<AuditEvent> releases =
            client
                .events()
                .auditEvents(new AuditQuery(start, end, "released", List.of("case_review_logs"), 5))
                .stream()
                .toList();

        assertThat(all.size()).isGreaterThan(5);
        Set<String> ids = new HashSet<>();
        all.forEach(e -> assertThat(ids.add(e.id())).isTrue());
        assertThat(releases)
            .singleElement()
            .satisfies(
                e -> {
                  assertThat(e.user()).isEqualTo(phish.releasedBy());
                  assertThat(e.eventInfo()).contains(phish.heldRecipient().address());
                });
        assertThat(client.events().auditCategories()).contains("authentication_logs");
      }
    }
  }

  @Test
  void anInvertedAuditWindowIsRefusedBeforeAnyCall() {
    try (MimecastClient client = sim.api2().build()) {
      Instant now = sim.clock.instant();
      assertThatThrownBy(
              () -> client.events().auditEvents(AuditQuery.between(now, now.minusSeconds(60))))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("not before");
    }
  }

  @Test
  void wrongCredentialsAreAnAuthenticationFailure() {
    try (MimecastClient client =
        sim.api2()
            .credentials(new OAuth2Credentials(sim.server.credentials().clientId(), "wrong"))
            .build()) {
      assertThatThrownBy(() -> client.events().batch(EventType.RECEIPT, null, null, 10))
          .isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void aRateLimitedListingWaitsTheResetThenSucceeds() {
    try (MimecastClient client = sim.api2().build()) {
      client.events().batch(EventType.RECEIPT, yesterday(), null, 1);
      sim.sleeps.clear();
      sim.server
          .faults()
          .enqueue("/siem/v1/batch/events/cg", ScriptedFault.rateLimited(Duration.ofMillis(1_500)));

      BatchPage page = client.events().batch(EventType.RECEIPT, yesterday(), null, 1);

      assertThat(page.files()).hasSize(1);
      // The simulator sends X-RateLimit-Reset 1500 ms and Retry-After 2 s; either is honoured.
      assertThat(sim.sleeps)
          .singleElement()
          .satisfies(
              wait -> assertThat(wait).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(2)));
    }
  }

  @Test
  void persistentServerErrorsEndInServerException() {
    try (MimecastClient client = sim.api2().build()) {
      for (int i = 0; i < 4; i++) {
        sim.server.faults().enqueue("/siem/v1/events/cg", ScriptedFault.status(503));
      }
      assertThatThrownBy(
              () ->
                  client.events().stream(sim.clock.instant().minus(Duration.ofHours(1)), null, 10))
          .isInstanceOf(ServerException.class);
    } finally {
      sim.server.faults().clear();
    }
  }

  @Test
  void aTokenExpiringMidPullIsRenewedOnce() {
    try (MimecastClient client = sim.api2().build()) {
      BatchPage first = client.events().batch(EventType.RECEIPT, yesterday(), null, 2);
      long tokensBefore = sim.server.requests().count("/oauth/token");
      sim.server.expireAllTokens();

      BatchPage second = client.events().batch(null, null, first.nextPage().orElseThrow(), 2);

      assertThat(second.files()).hasSize(2);
      assertThat(sim.server.requests().count("/oauth/token")).isEqualTo(tokensBefore + 1);
    }
  }

  @Test
  void webSecurityIsServedThroughTheBatchInterfaceAsAnUnverifiedType() throws IOException {
    assertThat(EventType.WEB_SECURITY.verified()).isFalse();
    try (MimecastClient client = sim.api2().build()) {
      BatchPage page = client.events().batch(EventType.WEB_SECURITY, yesterday(), null, 2);
      List<SiemEvent> events = read(client, page.files().get(0));
      assertThat(events).isNotEmpty();
      assertThat(events.get(0).field("user", "request", "action")).isPresent();
      assertThat(events.get(0).type()).hasValue(EventType.WEB_SECURITY);
    }
  }

  @Test
  void rapid7GetAuditEventsIsAnEmptyListing() {
    FakeTime time = FakeTime.at("2022-07-20T00:00:00Z");
    try (ScriptedServer server = ScriptedServer.start()) {
      server.on(
          "/api/audit/get-audit-events",
          request ->
              ScriptedServer.Reply.json(200, Fixtures.read("rapid7/get_audit_events.json.resp")));
      try (MimecastClient client = TestClients.hmac(server, time).maxRetries(0).build()) {
        List<AuditEvent> events =
            client
                .events()
                .auditEvents(
                    AuditQuery.between(time.instant().minus(Duration.ofDays(1)), time.instant()))
                .stream()
                .toList();
        assertThat(events).isEmpty();
        assertThat(server.requests("/api/audit/get-audit-events")).hasSize(1);
        assertThat(server.requests("/api/audit/get-audit-events").get(0).body())
            .contains("\"startDateTime\":\"2022-07-19T00:00:00+0000\"");
      }
    }
  }

  @Test
  void typesParseFromWireCliAndLegacyNames() {
    assertThat(EventType.parse("url-protect")).hasValue(EventType.URL_PROTECT);
    assertThat(EventType.parse("URL PROTECT")).hasValue(EventType.URL_PROTECT);
    assertThat(EventType.parse("jrnl")).hasValue(EventType.JOURNAL);
    assertThat(EventType.parse("web-security")).hasValue(EventType.WEB_SECURITY);
    assertThat(EventType.parse("nonsense")).isEqualTo(Optional.empty());
  }
}
