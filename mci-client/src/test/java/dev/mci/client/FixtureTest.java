package dev.mci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.Operation;
import dev.mci.client.messages.EmailAddress;
import dev.mci.client.messages.MessageSearch;
import dev.mci.client.messages.TrackedEmail;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.Fixtures;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import dev.mci.client.urls.DecodedUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every recorded response in shared/fixtures that belongs to the endpoints of this issue, served
 * over loopback with HTTP 200 exactly as the integrations' mocks served them.
 */
class FixtureTest {

  private static final String SEARCH = "/api/message-finder/search";
  private static final Operation FIND_GROUPS = Operation.read("/api/directory/find-groups");

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2022-07-20T00:00:00Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  private MimecastClient serving(String path, String fixture) {
    server.on(path, request -> Reply.json(200, Fixtures.read(fixture)));
    return TestClients.hmac(server, time).maxRetries(0).build();
  }

  private static MessageSearch anySearch() {
    return MessageSearch.builder().from("example.com").build();
  }

  @Test
  void parsesXsoarSearchMessageResponse() {
    try (MimecastClient client = serving(SEARCH, "xsoar/search_message_response.json")) {
      List<TrackedEmail> rows = client.messages().search(anySearch());
      assertThat(rows).hasSize(1);
      TrackedEmail row = rows.get(0);
      assertThat(row.id()).startsWith("eNpNj9tugkAQht9lryXuLgTEpBcoWompRsA0EBPCYQKbuqB7oNWm715o");
      assertThat(row.status()).isEqualTo("archived");
      assertThat(row.info()).isEqualTo("Indexed and archived");
      assertThat(row.fromEnv())
          .isEqualTo(new EmailAddress("markrobertsny@pilot-meadow.b41.one", null));
      assertThat(row.fromHdr())
          .isEqualTo(
              new EmailAddress(
                  "markrobertsny@pilot-meadow.b41.one", "markrobertsny@pilot-meadow.b41.one"));
      assertThat(row.to())
          .containsExactly(new EmailAddress("klay@paloaltonetworks.mime.integration.com", ""));
      assertThat(row.received()).isEqualTo(Instant.parse("2022-07-18T13:25:00Z"));
      assertThat(row.sent()).isEqualTo(Instant.parse("2022-07-18T13:25:00Z"));
      assertThat(row.subject()).isEqualTo("Demand Ken Lay Donate Proceeds from Enron Stock Sales");
      assertThat(row.senderIp()).isEqualTo("54.236.186.184");
      assertThat(row.attachments()).isFalse();
      assertThat(row.route()).isEqualTo("inbound");
      assertThat(row.spamScore()).isEqualTo(2);
      assertThat(row.detectionLevel()).isEqualTo("relaxed");
    }
  }

  @Test
  void parsesRapid7SearchMessageTracking() {
    try (MimecastClient client = serving(SEARCH, "rapid7/search_message_tracking.json.resp")) {
      // The fixture claims pageSize 0 while holding one row: the count is never trusted.
      List<TrackedEmail> rows = client.messages().search(anySearch());
      assertThat(rows)
          .containsExactly(
              new TrackedEmail(
                  "123456789",
                  "rejected",
                  "Envelope Rejected",
                  new EmailAddress("user@example.com", null),
                  new EmailAddress("", null),
                  List.of(new EmailAddress("user@example.com", "Example User")),
                  Instant.parse("2022-12-01T12:49:46Z"),
                  Instant.parse("2022-12-01T12:49:46Z"),
                  "Example Subject",
                  "192.168.0.1",
                  null,
                  "inbound",
                  0,
                  ""));
    }
  }

  @Test
  void parsesRapid7DecodeUrl() {
    try (MimecastClient client =
        serving("/api/ttp/url/decode-url", "rapid7/decode_url.json.resp")) {
      List<DecodedUrl> decoded =
          client.urls().decode(List.of("https://protect-us.mimecast.com/s/abc?domain=x.example"));
      assertThat(decoded)
          .containsExactly(
              new DecodedUrl(
                  "https://protect-us.mimecast.com/s/abc?domain=x.example",
                  Optional.of("https://protect-xx.mimecast.com/"),
                  true,
                  Optional.empty()));
    }
  }

  @Test
  void parsesRapid7Authenticate() {
    server
        .on(
            "/oauth/token",
            request -> Reply.json(200, Fixtures.read("rapid7/authenticate.json.resp")))
        .on(
            "/api/account/get-account",
            request ->
                Reply.json(
                    200,
                    "{\"meta\":{\"status\":200},\"data\":[{\"accountCode\":\"C1\"}],\"fail\":[]}"));
    try (MimecastClient client = TestClients.oauth(server, time).build()) {
      client.account().get();
      time.advance(Duration.ofSeconds(1738));
      client.account().get();
    }
    assertThat(server.requests("/oauth/token")).hasSize(1);
    assertThat(server.requests("/api/account/get-account"))
        .extracting(request -> request.header("authorization"))
        .containsOnly("Bearer RPjLow4SKlsPLycjML3dqvIxzi7B");
  }

  @Test
  void rapid7FindGroupsEmptyGroupsIsASuccessfulEmptyPage() {
    try (MimecastClient client =
        serving(FIND_GROUPS.path(), "rapid7/find_groups_empty_groups.json.resp")) {
      Envelope envelope = client.transport().call(FIND_GROUPS, List.of());
      assertThat(envelope.first().orElseThrow().path("folders").size()).isZero();
      assertThat(envelope.next()).isEmpty();
    }
  }

  @Test
  void rapid7FindGroups403IsPermissionDenied() {
    try (MimecastClient client = serving(FIND_GROUPS.path(), "rapid7/find_groups_403.json.resp")) {
      PermissionDeniedException error =
          catchThrowableOfType(
              PermissionDeniedException.class,
              () -> client.transport().call(FIND_GROUPS, List.of()));
      assertThat(error.httpStatus()).isEqualTo(403);
      assertThat(error).hasMessageContaining("HTTP 200 with meta.status 403 in the body");
    }
  }

  @Test
  void rapid7FindGroups404IsNotFound() {
    try (MimecastClient client = serving(FIND_GROUPS.path(), "rapid7/find_groups_404.json.resp")) {
      NotFoundException error =
          catchThrowableOfType(
              NotFoundException.class, () -> client.transport().call(FIND_GROUPS, List.of()));
      assertThat(error.httpStatus()).isEqualTo(404);
    }
  }

  @Test
  void rapid7FindGroups500IsAServerErrorRetriedLikeOne() {
    server.on(
        FIND_GROUPS.path(),
        request -> Reply.json(200, Fixtures.read("rapid7/find_groups_500.json.resp")));
    try (MimecastClient client = TestClients.hmac(server, time).maxRetries(2).build()) {
      ServerException error =
          catchThrowableOfType(
              ServerException.class, () -> client.transport().call(FIND_GROUPS, List.of()));
      assertThat(error.httpStatus()).isEqualTo(500);
    }
    assertThat(server.requests(FIND_GROUPS.path())).hasSize(3);
  }
}
