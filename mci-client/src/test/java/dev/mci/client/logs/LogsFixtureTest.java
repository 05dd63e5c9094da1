package dev.mci.client.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.client.MimecastClient;
import dev.mci.client.Page;
import dev.mci.client.messages.EmailAddress;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.Fixtures;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recorded responses in shared/fixtures for the log endpoints, served over loopback. */
class LogsFixtureTest {

  private static final String URL_LOGS = "/api/ttp/url/get-logs";
  private static final String HELD = "/api/gateway/get-hold-message-list";

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2025-08-30T00:00:00Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  private MimecastClient serving(String path, String fixture) {
    server.on(path, request -> Reply.json(200, Fixtures.read(fixture)));
    return TestClients.hmac(server, time).maxRetries(0).build();
  }

  private static UrlLogQuery anyWindow() {
    return UrlLogQuery.builder()
        .from(Instant.parse("2025-08-29T00:00:00Z"))
        .to(Instant.parse("2025-08-30T00:00:00Z"))
        .build();
  }

  @Test
  void parsesRapid7GetUrlLogs() {
    try (MimecastClient client = serving(URL_LOGS, "rapid7/get_url_logs.json.resp")) {
      List<UrlClick> clicks = client.logs().urlLogs(anyWindow()).stream().toList();

      assertThat(clicks).hasSize(1);
      UrlClick click = clicks.get(0);
      assertThat(click.date()).isEqualTo(Instant.parse("2025-08-29T15:38:21Z"));
      assertThat(click.userEmailAddress()).isEqualTo("user@example.com");
      assertThat(click.action()).isEqualTo("warn");
      assertThat(click.actions()).isEqualTo("None");
      assertThat(click.scanResult()).isEqualTo("malicious");
      assertThat(click.sendingIp()).isEqualTo("Internal IP");
      assertThat(click.creationMethod()).isEqualTo("Entry Scan");
      assertThat(click.emailPartsDescription()).containsExactly("Attachment");
      assertThat(click.tagMap().get("DangerousFileExt"))
          .isEqualTo(
              Map.of(
                  "Status", List.of("CustomerSpecific", "VerdictBlock"),
                  "ContentCheck:DangerousMimetypesUrlFileDownload",
                      List.of("application/x-msdownload"),
                  "ContentCheck:DangerousExtsUrlFileDownload", List.of("dll")));
    }
  }

  @Test
  void parsesRapid7GetUrlLogsPagination() {
    try (MimecastClient client = serving(URL_LOGS, "rapid7/get_url_logs_pagination.json.resp")) {
      Page<UrlClick> first = client.logs().urlLogs(anyWindow()).pages().iterator().next();

      assertThat(first.items()).hasSize(1);
      assertThat(first.nextPageToken()).contains("EXAMPLE_TOKEN");
      assertThat(first.totalCount()).isEqualTo(OptionalLong.of(2));
    }
  }

  @Test
  void parsesRapid7GetTtpUrlLogs() {
    try (MimecastClient client = serving(URL_LOGS, "rapid7/get_ttp_url_logs.json.resp")) {
      assertThat(client.logs().urlLogs(anyWindow())).isEmpty();
    }
    assertThat(server.requests(URL_LOGS)).hasSize(1);
  }

  @Test
  void parsesXsoarListHoldMessagesResponse() {
    try (MimecastClient client = serving(HELD, "xsoar/list_hold_messages_response.json")) {
      Page<HeldMessage> first =
          client.logs().heldMessages(HeldMessageQuery.builder().build()).pages().iterator().next();

      assertThat(first.items()).hasSize(10);
      assertThat(first.totalCount()).isEqualTo(OptionalLong.of(479));
      assertThat(first.nextPageToken()).hasValueSatisfying(t -> assertThat(t).startsWith("eNqV"));
      HeldMessage held = first.items().get(0);
      assertThat(held.id()).startsWith("eNpVzskOgjAABNB_6VUOUCwFEg8qLqSKYMTlZBQqoLYspWA0");
      assertThat(held.reasonCode()).isEqualTo("message_hold_applied_spam_signature_policy");
      assertThat(held.reasonId()).isEqualTo("MESSAGE_HOLD_APPLIED_SPAM_SIGNATURE_POLICY");
      assertThat(held.from()).isEqualTo(new EmailAddress("dbnotes@innovation-asylum.b41.one", ""));
      assertThat(held.to())
          .isEqualTo(new EmailAddress("caroline@paloaltonetworks.mime.integration.com", "e-mail_"));
      assertThat(held.route()).isEqualTo("INBOUND");
      assertThat(held.hasAttachments()).isFalse();
      assertThat(held.size()).isEqualTo(7543L);
      assertThat(held.dateReceived()).isEqualTo(Instant.parse("2022-08-01T13:10:54Z"));
      assertThat(held.policyInfo()).isEqualTo("Relaxed Spam Detection");
    }
  }
}
