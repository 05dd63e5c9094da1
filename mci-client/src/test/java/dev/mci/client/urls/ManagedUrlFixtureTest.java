package dev.mci.client.urls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.client.MimecastClient;
import dev.mci.client.Page;
import dev.mci.client.internal.Json;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.Fixtures;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recorded get-all-managed-urls response, and what the client sends for each filter. */
class ManagedUrlFixtureTest {

  private static final String MANAGED = "/api/ttp/url/get-all-managed-urls";

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2025-03-31T12:00:00Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  private MimecastClient client() {
    server.on(
        MANAGED, request -> Reply.json(200, Fixtures.read("rapid7/get_managed_url.json.resp")));
    return TestClients.oauth(server, time).maxRetries(0).build();
  }

  private JsonNode sentBody() throws Exception {
    return Json.parse(server.requests(MANAGED).get(0).body().getBytes(StandardCharsets.UTF_8))
        .orElseThrow();
  }

  @Test
  void parsesRapid7GetManagedUrl() throws Exception {
    server.tokens("token-1");
    try (MimecastClient client = client()) {
      Page<ManagedUrl> first =
          client.urls().managedUrls(ManagedUrlQuery.all()).pages().iterator().next();

      assertThat(first.items()).hasSize(10);
      assertThat(first.totalCount()).isEqualTo(OptionalLong.of(31));
      assertThat(first.nextPageToken()).isPresent();
      ManagedUrl entry = first.items().get(0);
      assertThat(entry.id()).startsWith("wOi3MC");
      assertThat(entry.url()).isEqualTo("https://www.testset3444412312.net/");
      assertThat(entry.port()).isEqualTo(-1);
      assertThat(entry.matchType()).isEqualTo("explicit");
      assertThat(entry.action()).isEqualTo("block");
      assertThat(entry.disableRewrite()).isFalse();
      assertThat(first.items().get(9).comment()).isEqualTo("Blocked by @jmontero from Slack!");
      assertThat(first.items().get(9).url()).isEqualTo("http://aadroid.net");
    }
    assertThat(sentBody().get("data")).isEmpty();
    assertThat(sentBody().at("/meta/pagination/pageSize").asInt()).isEqualTo(500);
  }

  @Test
  void sendsTheFilterAndExactMatch() throws Exception {
    server.tokens("token-1");
    try (MimecastClient client = client()) {
      client.urls().managedUrls(ManagedUrlQuery.exactly(" aadroid.net ")).pages().iterator().next();
    }
    assertThat(sentBody().at("/data/0/domainOrUrl").asText()).isEqualTo("aadroid.net");
    assertThat(sentBody().at("/data/0/exactMatch").asBoolean()).isTrue();
  }
}
