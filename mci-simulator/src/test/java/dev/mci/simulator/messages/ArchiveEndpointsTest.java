package dev.mci.simulator.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.AttachmentFile;
import dev.mci.simulator.tenant.ContentForm;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The archive and retrieval endpoints on the wire, as reference 01 §2-3 and 02 describe them. */
class ArchiveEndpointsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String XML_HEAD =
      "<?xml version=\"1.0\"?><xmlquery trace=\"iql,muse\"><metadata query-type=\"emailarchive\""
          + " archive=\"true\" active=\"false\" page-size=\"%d\" startrow=\"%d\"><smartfolders/>"
          + "<return-fields><return-field>id</return-field><return-field>subject</return-field>"
          + "</return-fields></metadata><muse>";

  private static MutableClock clock;
  private static SimulatorServer server;
  private static SimClient client;
  private static Tenant tenant;
  private static PhishingScenario phish;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    server = SimulatorServer.start(SimulatorConfig.builder().clock(clock).build());
    client = new SimClient(server, clock);
    tenant = server.tenant();
    phish = tenant.scenario();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String body(ObjectNode item) {
    ObjectNode root = JSON.createObjectNode();
    root.putArray("data").add(item);
    return root.toString();
  }

  private static ObjectNode item() {
    return JSON.createObjectNode();
  }

  private static String query(int pageSize, int startRow, String muse) {
    return String.format(XML_HEAD, pageSize, startRow) + muse + "</muse></xmlquery>";
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void withoutAdminTheArchiveAnswersSilentlyEmpty() {
    JsonNode reply =
        client
            .v2("/api/archive/search", body(item().put("query", query(25, 0, "<text></text>"))))
            .json();
    assertThat(reply.at("/meta/status").asInt()).isEqualTo(200);
    assertThat(reply.at("/data/0/items")).isEmpty();
    assertThat(reply.get("fail")).isEmpty();
  }

  @Test
  void anEmptyQueryIsBlankAndTextIsNotSearchXml() {
    JsonNode blank =
        client.v2("/api/archive/search", body(item().put("admin", true).put("query", ""))).json();
    assertThat(blank.at("/fail/0/errors/0/code").asText()).isEqualTo("err_validation_blank");
    assertThat(blank.at("/fail/0/errors/0/field").asText()).isEqualTo("query");
    JsonNode notXml =
        client
            .v2("/api/archive/search", body(item().put("admin", true).put("query", "from:x")))
            .json();
    assertThat(notXml.at("/fail/0/errors/0/code").asText()).isEqualTo("err_invalid_search_xml");
    assertThat(notXml.get("data")).isEmpty();
  }

  @Test
  void pagesFollowTheXmlAndATokenAloneFetchesTheNextPage() throws Exception {
    String xml = query(3, 0, "<text></text><date select=\"last_week\"/>");
    JsonNode first =
        client.v1("/api/archive/search", body(item().put("admin", true).put("query", xml))).json();
    assertThat(first.at("/data/0/items")).hasSize(3);
    assertThat(first.at("/data/0/items/0").size()).isEqualTo(2);
    assertThat(first.at("/meta/pagination/recordStart").asInt()).isZero();
    assertThat(first.at("/meta/pagination/pageSize").asInt()).isEqualTo(3);
    assertThat(first.at("/meta/pagination").has("totalCount")).isFalse();
    String next = first.at("/meta/pagination/next").asText();

    // Elastic's style: only the token, no data.
    JsonNode second =
        client
            .v1(
                "/api/archive/search",
                "{\"meta\":{\"pagination\":{\"pageToken\":\"" + next + "\"}}}")
            .json();
    assertThat(second.at("/meta/pagination/recordStart").asInt()).isEqualTo(3);
    assertThat(second.at("/meta/pagination").has("previous")).isTrue();
    JsonNode byStartRow =
        client
            .v1(
                "/api/archive/search",
                body(
                    item()
                        .put("admin", true)
                        .put("query", query(3, 3, "<text></text><date select=\"last_week\"/>"))))
            .json();
    assertThat(second.at("/data/0/items")).isEqualTo(byStartRow.at("/data/0/items"));
    assertThat(first.at("/data/0/items/2/id").asText())
        .isNotEqualTo(second.at("/data/0/items/0/id").asText());
  }

  @Test
  void unknownElementsAreIgnoredSilently() {
    String filtered = query(100, 0, "<text></text><date select=\"yesterday\"/>");
    String withJunk =
        query(
            100,
            0,
            "<text></text><date select=\"yesterday\"/><to>nobody@nowhere.example</to><received select=\"to\">x</received>");
    JsonNode a =
        client
            .v2("/api/archive/search", body(item().put("admin", true).put("query", filtered)))
            .json();
    JsonNode b =
        client
            .v2("/api/archive/search", body(item().put("admin", true).put("query", withJunk)))
            .json();
    assertThat(b.at("/data/0/items")).isEqualTo(a.at("/data/0/items")).isNotEmpty();
    assertThat(b.get("fail")).isEmpty();
  }

  @Test
  void aBadPageTokenIsAnInvalidToken() {
    JsonNode reply =
        client
            .v2("/api/archive/search", "{\"meta\":{\"pagination\":{\"pageToken\":\"eNoBOGUS\"}}}")
            .json();
    assertThat(reply.at("/fail/0/errors/0/code").asText()).isEqualTo("xdk_failure");
    assertThat(reply.at("/fail/0/errors/0/field").asText()).isEqualTo("pageToken");
  }

  @Test
  void theMessageListNeedsAKnownView() {
    JsonNode missing =
        client
            .v2(
                "/api/archive/get-message-list",
                body(item().put("mailbox", phish.heldRecipient().address())))
            .json();
    assertThat(missing.at("/fail/0/errors/0/code").asText()).isEqualTo("err_validation_null");
    JsonNode wrong =
        client.v2("/api/archive/get-message-list", body(item().put("view", "OUTBOX"))).json();
    assertThat(wrong.at("/fail/0/errors/0/code").asText())
        .isEqualTo("err_validation_value_not_allowed");
    JsonNode lower =
        client
            .v2(
                "/api/archive/get-message-list",
                body(item().put("view", "inbox").put("mailbox", phish.heldRecipient().address())))
            .json();
    assertThat(lower.get("fail")).isEmpty();
    assertThat(lower.at("/meta/pagination/totalCount").asLong()).isPositive();
  }

  @Test
  void detailRefusesAnUnknownContextAndASmashAsId() {
    JsonNode context =
        client
            .v2(
                "/api/archive/get-message-detail",
                body(item().put("id", phish.archiveId()).put("context", "ORIGINAL")))
            .json();
    assertThat(context.at("/fail/0/errors/0/code").asText())
        .isEqualTo("err_validation_value_not_allowed");
    assertThat(context.at("/fail/0/errors/0/message").asText())
        .isEqualTo("Field must be one of [DELIVERED,RECEIVED]");
    String smash = tenant.smash(tenant.message(phish.messageIndex()));
    JsonNode bySmash =
        client.v2("/api/archive/get-message-detail", body(item().put("id", smash))).json();
    assertThat(bySmash.at("/fail/0/errors/0/code").asText()).isEqualTo("xdk_failure");
    assertThat(bySmash.at("/fail/0/errors/0/message").asText()).isEqualTo("0007 Invalid token");
    assertThat(bySmash.at("/fail/0/key/id").asText()).isEqualTo(smash);
  }

  @Test
  void api1AnswersAPartAsBytesWithItsTypeAndName() {
    SimClient.Reply reply =
        client.v1(
            "/api/archive/get-message-part",
            body(
                item()
                    .put("id", phish.archiveId())
                    .put("type", "rfc822")
                    .put("context", "RECEIVED")));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("content-type")).startsWith("message/rfc822");
    assertThat(reply.header("content-disposition"))
        .isEqualTo("attachment; filename=\"" + phish.archiveId() + ".eml\"");
    assertThat(reply.body()).contains("Message-ID: " + phish.messageIdHeader());
    assertThat(reply.body().getBytes(StandardCharsets.UTF_8))
        .hasSize((int) tenant.message(phish.messageIndex()).sizeBytes());
  }

  @Test
  void theDeliveredPartNeedsAMailbox() {
    JsonNode reply =
        client
            .v1(
                "/api/archive/get-message-part",
                body(
                    item()
                        .put("id", phish.archiveId())
                        .put("type", "HTML")
                        .put("context", "DELIVERED")))
            .json();
    assertThat(reply.at("/fail/0/errors/0/code").asText()).isEqualTo("err_validation_null");
    assertThat(reply.at("/fail/0/errors/0/field").asText()).isEqualTo("mailbox");
  }

  @Test
  void api2AnswersPreSignedUrlsThatWorkWithoutCredentialsUntilTheyExpire() throws Exception {
    JsonNode part =
        client
            .v2(
                "/api/archive/get-message-part",
                body(
                    item()
                        .put("id", phish.archiveId())
                        .put("type", "PLAIN")
                        .put("context", "DELIVERED")
                        .put("mailbox", phish.heldRecipient().address())))
            .json();
    String url = part.at("/data/0/url").asText();
    assertThat(part.at("/data/0/urls/0").asText()).isEqualTo(url);
    assertThat(url).startsWith(server.baseUrl() + "/download/messages/");

    SimClient.Reply text = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    assertThat(text.status()).isEqualTo(200);
    assertThat(text.body()).startsWith("[EXTERNAL]").contains(phish.maliciousUrl().rewritten());

    JsonNode file =
        client.v2("/api/archive/get-file", body(item().put("id", phish.archiveId()))).json();
    assertThat(file.at("/data/0").has("url")).isFalse();
    String fileUrl = file.at("/data/0/urls/0").asText();
    String tampered =
        fileUrl.substring(0, fileUrl.length() - 2) + (fileUrl.endsWith("A") ? "BB" : "AA");
    assertThat(client.send(HttpRequest.newBuilder(URI.create(tampered)).GET().build()).status())
        .isEqualTo(403);

    clock.advance(MessagesArea.DEFAULT_DOWNLOAD_LIFETIME.plusSeconds(1));
    try {
      SimClient.Reply expired = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
      assertThat(expired.status()).isEqualTo(403);
      assertThat(expired.json().at("/fail/0/code").asText()).isEqualTo("err_download_url_expired");
    } finally {
      clock.advance(Duration.ofMinutes(-16));
    }
  }

  @Test
  void aHostileAttachmentNameTravelsEncodedAndTheBytesHashAsDetailSays() throws Exception {
    Message message =
        LongStream.range(0, tenant.messageCount())
            .mapToObj(tenant::message)
            .filter(m -> m.archiveId().isPresent())
            .filter(m -> m.attachments().stream().anyMatch(a -> a.fileName().contains("\u202E")))
            .findFirst()
            .orElseThrow();
    JsonNode detail =
        client
            .v1(
                "/api/archive/get-message-detail",
                body(item().put("id", message.archiveId().get()).put("context", "RECEIVED")))
            .json();
    JsonNode attachment = null;
    for (JsonNode a : detail.at("/data/0/attachments")) {
      if (a.get("filename").asText().contains("\u202E")) {
        attachment = a;
      }
    }
    Objects.requireNonNull(attachment);
    SimClient.Reply bytes =
        client.v1("/api/archive/get-file", body(item().put("id", attachment.get("id").asText())));
    assertThat(bytes.header("content-disposition"))
        .startsWith("attachment; filename*=UTF-8''")
        .contains("%E2%80%AE")
        .doesNotContain("\u202E");
    AttachmentFile file =
        message.attachments().stream()
            .filter(a -> a.fileName().contains("\u202E"))
            .findFirst()
            .orElseThrow();
    assertThat(attachment.get("sha256").asText()).isEqualTo(file.sha256());
    assertThat(attachment.get("size").asLong()).isEqualTo(file.size());
  }

  @Test
  void infoCarriesTheEscapedHeaderBlockAndTheComponentHashes() throws Exception {
    JsonNode info =
        client
            .v2(
                "/api/message-finder/get-message-info",
                body(item().put("id", phish.messageFinderIds().get(3))))
            .json();
    JsonNode data = info.at("/data/0");
    assertThat(data.get("status").asText()).isEqualTo("archived");
    String transmission = data.at("/recipientInfo/messageInfo/transmissionInfo").asText();
    assertThat(transmission)
        .startsWith("<pre>\n")
        .endsWith("\n</pre>")
        .contains("&lt;" + phish.messageIdHeader().substring(1, 10));
    assertThat(data.at("/recipientInfo/recipientMetaInfo/remoteIp").asText())
        .isEqualTo(phish.sendingIp());
    Rfc822Renderer renderer = new Rfc822Renderer(tenant);
    RenderedMessage received =
        renderer.render(tenant.message(phish.messageIndex()), ContentForm.RECEIVED);
    assertThat(data.at("/recipientInfo/recipientMetaInfo/components/1/hash").asText())
        .isEqualTo(sha256(received.html().getBytes(StandardCharsets.UTF_8)));
    assertThat(data.at("/recipientInfo/recipientMetaInfo/components/3/hash").asText())
        .isEqualTo(phish.attachmentSha256());
    String recipient = phish.recipients().get(3).address();
    assertThat(data.at("/deliveredMessage").has(recipient)).isTrue();
    ArrayNode policies = (ArrayNode) data.at("/deliveredMessage").get(recipient).get("policyInfo");
    assertThat(policies.findValuesAsText("policyType")).contains("Permitted Senders");
  }

  @Test
  void aMessageFinderIdOlderThanThirtyDaysIsGone() {
    Message old =
        LongStream.range(0, tenant.messageCount())
            .mapToObj(tenant::message)
            .filter(m -> m.received().isBefore(clock.instant().minus(Duration.ofDays(40))))
            .findFirst()
            .orElseThrow();
    JsonNode reply =
        client
            .v1(
                "/api/message-finder/get-message-info",
                body(item().put("id", old.deliveries().get(0).messageFinderId())))
            .json();
    assertThat(reply.at("/fail/0/errors/0/code").asText()).isEqualTo("xdk_failure");
  }
}
