package dev.mci.client.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.MimecastClient;
import dev.mci.client.NotFoundException;
import dev.mci.client.PermissionDeniedException;
import dev.mci.client.ServerException;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.Fixtures;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recorded find-groups responses in shared/fixtures, parsed through GroupsApi. */
class GroupFixturesTest {

  private static final String FIND = "/api/directory/find-groups";

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2022-07-20T00:00:00Z");

  @AfterEach
  void stop() {
    server.close();
  }

  private MimecastClient serving(String fixture) {
    server.on(FIND, request -> Reply.json(200, Fixtures.read(fixture)));
    return TestClients.hmac(server, time).maxRetries(0).build();
  }

  @Test
  void parsesRapid7FindGroups() {
    try (MimecastClient client = serving("rapid7/find_groups.json.resp")) {
      List<DirectoryGroup> groups = client.groups().find(GroupSearch.all()).stream().toList();

      assertThat(groups).hasSize(7);
      DirectoryGroup permitted =
          groups.stream()
              .filter(g -> g.name().equals("Permitted senders"))
              .findFirst()
              .orElseThrow();
      assertThat(permitted.source()).isEqualTo("cloud");
      assertThat(permitted.userCount()).isEqualTo(3);
      assertThat(permitted.folderCount()).isEqualTo(1);
      assertThat(groups)
          .filteredOn(g -> g.parentId().equals(java.util.Optional.of(permitted.id())))
          .extracting(DirectoryGroup::name)
          .containsExactly("adminnystuff");
    }
    assertThat(server.requests(FIND)).hasSize(1);
  }

  @Test
  void rapid7FindGroupsEmptyGroupsListsNothing() {
    try (MimecastClient client = serving("rapid7/find_groups_empty_groups.json.resp")) {
      assertThat(client.groups().find(GroupSearch.named("test_query")).stream().toList()).isEmpty();
    }
  }

  @Test
  void rapid7FindGroups403And404And500MapToTheirErrors() {
    try (MimecastClient client = serving("rapid7/find_groups_403.json.resp")) {
      assertThatThrownBy(() -> client.groups().find(GroupSearch.all()).stream().toList())
          .isInstanceOf(PermissionDeniedException.class);
    }
    server.on(FIND, request -> Reply.json(200, Fixtures.read("rapid7/find_groups_404.json.resp")));
    try (MimecastClient client = TestClients.hmac(server, time).maxRetries(0).build()) {
      assertThatThrownBy(() -> client.groups().find(GroupSearch.all()).stream().toList())
          .isInstanceOf(NotFoundException.class);
    }
    server.on(FIND, request -> Reply.json(200, Fixtures.read("rapid7/find_groups_500.json.resp")));
    try (MimecastClient client = TestClients.hmac(server, time).maxRetries(0).build()) {
      assertThatThrownBy(() -> client.groups().find(GroupSearch.all()).stream().toList())
          .isInstanceOf(ServerException.class);
    }
  }
}
