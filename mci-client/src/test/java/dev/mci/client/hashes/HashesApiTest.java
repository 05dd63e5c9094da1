package dev.mci.client.hashes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.client.MimecastClient;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the client reads answers a real tenant may give but the simulator does not. */
class HashesApiTest {

  private static final String SEEN = "aa".repeat(32);
  private static final String UNSEEN = "bb".repeat(32);

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2025-03-31T12:00:00Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void aHashTheAnswerLeavesOutIsReadAsNotSeen() {
    // The doc reads "hashes that were detected": a tenant may list only those.
    server.onSequence(
        "/api/ttp/remediation/search-hash",
        Reply.json(
            200,
            "{\"meta\":{\"status\":200},\"data\":[{\"hashStatus\":[{\"hash\":\""
                + SEEN.toUpperCase()
                + "\",\"detected\":true}],\"failedHashes\":[]}],\"fail\":[]}"));

    List<HashResult> results;
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      results = client.hashes().search(List.of(UNSEEN, SEEN));
    }

    assertThat(results)
        .extracting(HashResult::verdict)
        .containsExactly(HashVerdict.NOT_DETECTED, HashVerdict.DETECTED);
    assertThat(results.get(0).explanation()).contains("not listed by Mimecast");
    assertThat(results.get(1).detected()).isTrue();
  }
}
