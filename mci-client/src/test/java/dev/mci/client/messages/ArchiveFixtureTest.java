package dev.mci.client.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mci.client.MimecastClient;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.Fixtures;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The recorded responses in shared/fixtures for the retrieval and archive endpoints, served over
 * loopback exactly as the integrations' tests served them.
 */
class ArchiveFixtureTest {

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2023-08-07T00:00:00Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  private MimecastClient serving(String path, String body) {
    server.on(path, request -> Reply.json(200, body));
    return TestClients.hmac(server, time).maxRetries(0).build();
  }

  @Test
  void parsesXsoarGetMessageInfoResponse() {
    MessageInfo info;
    try (MimecastClient client =
        serving(
            "/api/message-finder/get-message-info",
            Fixtures.read("xsoar/get_message_info_response.json"))) {
      info = client.messages().info("eNpNj9tugkAQht9lryXuLgTEpBcoWompRsA0EBPCYQKbuqB7oNWm715o");
    }
    assertThat(info.id()).startsWith("eNpNj9tugkAQht9lryXuLgTEpBcoWompRsA0EBPCYQKbuqB7oNWm715o");
    assertThat(info.status()).isEqualTo("archived");
    MessageInfo.Copy received = info.received().message();
    assertThat(received.fromHeader()).isEqualTo("markrobertsny@pilot-meadow.b41.one");
    assertThat(received.to()).containsExactly("test@test.com");
    assertThat(received.cc()).isEmpty();
    assertThat(received.sent()).isEqualTo(Instant.parse("2022-07-18T13:25:21Z"));
    assertThat(received.transmissionHeaders())
        .contains("X-MC-Unique: kTdPd4tPOISrFdeScOqcOg-1")
        .contains(
            "Message-ID: <978aeeb7a7bded3d-193351@nodered-mimecast-686cbcb7f9-znlxj.hamilton321.net>")
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("Authentication-Results: relay.mimecast.com; dkim=none;"))
        .noneSatisfy(line -> assertThat(line).startsWith("Content-Transfer-Encoding"));
    MessageInfo.Leg receipt = info.received().leg();
    assertThat(receipt.event()).isEqualTo("Email Received - SPF check failed");
    assertThat(receipt.remoteIp()).isEqualTo("54.236.186.184");
    assertThat(receipt.binaryEmailSize()).isEqualTo(5271L);
    assertThat(receipt.start()).isEqualTo(Instant.parse("2022-07-18T13:25:19Z"));
    assertThat(receipt.components())
        .extracting(MessageInfo.Component::name)
        .containsExactly("transmission.eml", "body.htm", "body.txt");
    assertThat(receipt.components().get(0).sha256())
        .isEqualTo("aa2ddd4d877f651eae159fa334aa8aa304d1c007e60811088caf4d354d3b6197");
    assertThat(info.deliveries()).containsOnlyKeys("test@test.com");
    MessageInfo.Delivery delivery = info.deliveries().get("test@test.com");
    assertThat(delivery.message().route()).isEqualTo("inbound");
    assertThat(delivery.policies()).hasSize(12);
    assertThat(delivery.policies().get(0))
        .isEqualTo(new MessageInfo.Policy("Auto Allow", "Apply Auto Allow", false));
    assertThat(delivery.leg().event()).isEqualTo("Email Delivered via Routing Rule");
    assertThat(delivery.leg().remoteIp()).isEqualTo("34.235.45.235");
    assertThat(delivery.leg().encryption()).isEmpty();
    assertThat(info.retention().adjustmentDays()).isEqualTo(-1);
    assertThat(info.retention().currentPurgeDate())
        .isEqualTo(Instant.parse("2022-08-17T13:25:21Z"));
    assertThat(info.spam().score()).isEqualTo(2);
    assertThat(info.spam().greyEmail()).isTrue();
    assertThat(info.spam().spf()).isEqualTo(new MessageInfo.Check(true, "fail"));
    assertThat(info.spam().dkim().info()).isEqualTo("unknown");
    assertThat(info.queue()).isNull();
  }

  @Test
  void parsesXsoarQueryResponse() {
    // The file wraps the Mimecast body in "response" next to XSOAR's expected output.
    JsonNode wrapper = read("xsoar/query_response.json");
    List<ArchivedMessage> rows;
    try (MimecastClient client =
        serving("/api/archive/search", wrapper.get("response").toString())) {
      rows =
          client.messages().archiveSearch(ArchiveQuery.builder().text("Netting").build()).stream()
              .toList();
    }
    assertThat(rows)
        .extracting(ArchivedMessage::id)
        .containsExactly("test1_id", "test2_id", "test3_id");
    ArchivedMessage first = rows.get(0);
    assertThat(first.subject()).isEqualTo("Netting");
    assertThat(first.size()).isEqualTo(2262L);
    assertThat(first.attachmentCount()).isZero();
    assertThat(first.displayFrom()).isEqualTo("test1");
    assertThat(first.to()).containsExactly(new EmailAddress("test1", ""));
    assertThat(first.received()).isEqualTo(Instant.parse("2023-08-06T07:23:00Z"));
    assertThat(first.status()).isEqualTo("ARCHIVED");
    assertThat(first.smash()).isEqualTo("test1_smash");
    assertThat(server.requests("/api/archive/search")).hasSize(1);
  }

  @Test
  void readsTheOlderFlatArchiveSearchShapeToo() {
    String flat =
        "{\"meta\":{\"status\":200,\"pagination\":{\"pageSize\":1,\"recordStart\":0}},"
            + "\"data\":[{\"id\":\"eNo1\",\"subject\":\"s\",\"receiveddate\":\"2024-05-02T09:14:07+0000\"}],"
            + "\"fail\":[]}";
    try (MimecastClient client = serving("/api/archive/search", flat)) {
      assertThat(
              client.messages().archiveSearch(ArchiveQuery.builder().text("s").build()).stream()
                  .toList())
          .extracting(ArchivedMessage::id)
          .containsExactly("eNo1");
    }
  }

  @Test
  void aListingAcceptsToAsAnObjectOrAList() {
    String body =
        "{\"meta\":{\"status\":200,\"pagination\":{\"pageSize\":2}},\"data\":["
            + "{\"id\":\"a\",\"to\":{\"displayableName\":\"Dana\",\"emailAddress\":\"dana@x.example\"}},"
            + "{\"id\":\"b\",\"to\":[{\"emailAddress\":\"lee@x.example\"},{\"emailAddress\":\"kim@x.example\"}]}"
            + "],\"fail\":[]}";
    try (MimecastClient client = serving("/api/archive/get-message-list", body)) {
      List<ListedMessage> rows =
          client.messages().list(MessageListQuery.inbox(null)).stream().toList();
      assertThat(rows.get(0).to()).containsExactly(new EmailAddress("dana@x.example", "Dana"));
      assertThat(rows.get(1).to())
          .extracting(EmailAddress::emailAddress)
          .containsExactly("lee@x.example", "kim@x.example");
    }
  }

  private static JsonNode read(String fixture) {
    try {
      return new ObjectMapper().readTree(Fixtures.read(fixture));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
