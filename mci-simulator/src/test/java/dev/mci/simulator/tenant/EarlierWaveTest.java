package dev.mci.simulator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.TenantSize;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.events.EventStreamConfig;
import dev.mci.simulator.events.SiemEvent;
import dev.mci.simulator.events.SiemLog;
import dev.mci.simulator.events.SiemType;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The planted campaign's earlier wave: other messages carrying the scenario's attachment, real
 * tenant messages that every endpoint reports alike, so "seen in N other messages" has an N.
 */
class EarlierWaveTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private static SimulatorServer server;
  private static SimClient client;
  private static Tenant tenant;
  private static PhishingScenario phish;

  @BeforeAll
  static void start() {
    server = SimulatorServer.start(SimulatorConfig.builder().clock(CLOCK).build());
    client = new SimClient(server, CLOCK);
    tenant = server.tenant();
    phish = tenant.scenario();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42, 1234, 99_999})
  void everySeedPlantsAFewEarlierMessagesFromTheSameAttackerBeforeTheLookalikeWasBlocked(
      long seed) {
    for (TenantSize size : List.of(TenantSize.SMALL, TenantSize.MEDIUM)) {
      Tenant t = Tenant.generate(seed, size, CLOCK.instant());
      PhishingScenario s = t.scenario();
      List<Message> wave = s.earlierWave();

      assertThat(wave).hasSizeBetween(3, 12);
      assertThat(wave).extracting(Message::received).isSorted();
      for (Message m : wave) {
        assertThat(t.message(m.index())).isEqualTo(m);
        assertThat(t.messageByHeaderId(m.messageIdHeader())).contains(m);
        assertThat(m.index()).isNotEqualTo(s.messageIndex());
        assertThat(m.received())
            .isAfter(t.now().minus(Duration.ofDays(29)))
            .isBefore(s.received().minus(Duration.ofDays(12)));
        assertThat(m.route()).isEqualTo(Route.INBOUND);
        assertThat(m.headerFrom().domain()).isEqualTo(s.senderDomain());
        assertThat(m.headerFrom().displayName()).isEqualTo(s.sender().displayName());
        assertThat(m.headerFrom().address()).isNotEqualTo(s.sender().address());
        assertThat(m.senderIp()).startsWith("203.0.113.").isNotEqualTo(s.sendingIp());
        assertThat(m.subject()).isNotEqualTo(s.subject());
        assertThat(m.attachments()).containsExactly(s.attachment());
        assertThat(m.recipients())
            .isNotEmpty()
            .allSatisfy(r -> assertThat(t.user(r.address())).isPresent())
            .doesNotContain(s.impersonated().mailbox());
      }
      assertThat(wave).extracting(Message::subject).doesNotHaveDuplicates();
      assertThat(wave).extracting(Message::index).doesNotHaveDuplicates();
    }
  }

  @Test
  void theWaveIsCaughtByAttachmentProtectAndDeliveredWithANoticeInsteadOfThePage() {
    TenantActivity activity = tenant.activity();
    for (Message m : phish.earlierWave()) {
      List<AttachmentScan> scans = activity.attachmentScans(m);
      assertThat(scans).hasSize(m.deliveries().size());
      assertThat(scans)
          .allSatisfy(
              scan -> {
                assertThat(scan.file().sha256()).isEqualTo(phish.attachmentSha256());
                assertThat(scan.result()).isEqualTo("malicious");
                assertThat(scan.actionTriggered()).isEqualTo("sandbox, block");
              });
      assertThat(tenant.content(m).deliveredAttachments())
          .singleElement()
          .satisfies(d -> assertThat(d.action()).isEqualTo(DeliveredAttachment.Action.REPLACED));
      // Replies go where the planted message's do: the attacker's free mailbox.
      assertThat(tenant.content(m).replyTo())
          .isEqualTo(tenant.content(tenant.message(phish.messageIndex())).replyTo());
    }
  }

  @Test
  void getFileServesTheSameBytesForEveryWaveMessageAsForThePlantedOne() throws Exception {
    List<String> hashes = new ArrayList<>();
    for (Message m : phish.earlierWave()) {
      JsonNode detail =
          client
              .v1(
                  "/api/archive/get-message-detail",
                  body(item().put("id", m.archiveId().orElseThrow()).put("context", "RECEIVED")))
              .json();
      JsonNode attachment = detail.at("/data/0/attachments/0");
      assertThat(attachment.get("sha256").asText()).isEqualTo(phish.attachmentSha256());
      SimClient.Reply file =
          client.v1("/api/archive/get-file", body(item().put("id", attachment.get("id").asText())));
      assertThat(file.status()).isEqualTo(200);
      hashes.add(sha256(file.body().getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(hashes).hasSize(phish.earlierWave().size()).containsOnly(phish.attachmentSha256());
  }

  @Test
  void messageFinderShowsEveryWaveCopyAsArchived() {
    for (Message m : phish.earlierWave()) {
      for (Delivery copy : m.deliveries()) {
        JsonNode info =
            client
                .v2(
                    "/api/message-finder/get-message-info",
                    body(item().put("id", copy.messageFinderId())))
                .json();
        assertThat(info.at("/data/0/status").asText()).isEqualTo("archived");
        assertThat(info.at("/data/0/recipientInfo/recipientMetaInfo/remoteIp").asText())
            .isEqualTo(m.senderIp());
      }
    }
  }

  @Test
  void theAttachmentLogsHoldOneMaliciousRowPerWaveCopyUnderTheSameHash() {
    for (Message m : phish.earlierWave()) {
      ObjectNode request = JSON.createObjectNode();
      request.putObject("meta").putObject("pagination").put("pageSize", 500);
      request
          .putArray("data")
          .addObject()
          .put("from", ApiDates.format(m.received().minusSeconds(60)))
          .put("to", ApiDates.format(m.received().plus(TenantActivity.MAX_SCAN_DELAY)));
      JsonNode reply = client.v1("/api/ttp/attachment/get-logs", request.toString()).json();
      List<JsonNode> rows = new ArrayList<>();
      reply
          .at("/data/0/attachmentLogs")
          .forEach(
              r -> {
                if (r.path("messageId").asText().equals(m.messageIdHeader())) {
                  rows.add(r);
                }
              });

      assertThat(rows).hasSize(m.deliveries().size());
      assertThat(rows)
          .allSatisfy(
              r -> {
                assertThat(r.path("fileHash").asText()).isEqualTo(phish.attachmentSha256());
                assertThat(r.path("fileName").asText()).isEqualTo(phish.attachmentName());
                assertThat(r.path("result").asText()).isEqualTo("malicious");
                assertThat(r.path("senderAddress").asText()).isEqualTo(m.headerFrom().address());
              });
    }
  }

  @Test
  void searchHashDetectsTheAttachmentAndTheWaveAloneWouldBeEnough() {
    ObjectNode request = JSON.createObjectNode();
    request.putArray("data").addObject().putArray("hashes").add(phish.attachmentSha256());

    JsonNode reply = client.v2("/api/ttp/remediation/search-hash", request.toString()).json();

    assertThat(reply.at("/data/0/hashStatus/0/detected").asBoolean()).isTrue();
    long carriers =
        phish.earlierWave().stream()
            .filter(m -> m.attachments().contains(phish.attachment()))
            .count();
    assertThat(carriers).isEqualTo(phish.earlierWave().size());
  }

  @Test
  void theSiemStreamCarriesEachWaveMessagesAttachmentAndAvEventsUnderTheSameHash() {
    SiemLog log = new SiemLog(tenant, EventStreamConfig.defaults());
    for (Message m : phish.earlierWave()) {
      List<SiemEvent> events = log.eventsOf(m);

      assertThat(events)
          .filteredOn(e -> e.type() == SiemType.ATTACHMENT_PROTECT)
          .singleElement()
          .satisfies(e -> assertThat(e.text("sha256")).isEqualTo(phish.attachmentSha256()));
      assertThat(events)
          .filteredOn(e -> e.type() == SiemType.AV)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.text("sha256")).isEqualTo(phish.attachmentSha256());
                assertThat(e.text("senderIp")).isEqualTo(m.senderIp());
                assertThat(e.text("subject")).isEqualTo(m.subject());
              });
    }
    assertThat(phish.earlierWaveMessageIds())
        .containsExactlyElementsOf(
            phish.earlierWave().stream().map(Message::messageIdHeader).toList());
  }

  private static String body(ObjectNode item) {
    ObjectNode root = JSON.createObjectNode();
    root.putArray("data").add(item);
    return root.toString();
  }

  private static ObjectNode item() {
    return JSON.createObjectNode();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
