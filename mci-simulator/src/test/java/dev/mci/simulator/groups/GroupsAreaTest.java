package dev.mci.simulator.groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.Group;
import dev.mci.simulator.tenant.GroupMember;
import dev.mci.simulator.tenant.IdFamily;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroupsAreaTest {

  private static SimulatorServer server;
  private static SimClient client;

  @BeforeAll
  static void start() {
    MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    server = SimulatorServer.start(SimulatorConfig.builder().clock(clock).build());
    client = new SimClient(server, clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Group group(String name) {
    return server.tenant().groups().stream()
        .filter(g -> g.description().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void findsGroupsByNameSubstringIgnoringCaseAndEchoesTheQuery() {
    JsonNode reply =
        client
            .v2(
                GroupsArea.FIND_GROUPS,
                "{\"meta\":{\"pagination\":{\"pageSize\":100}},\"data\":[{\"query\":\"senders\",\"source\":\"cloud\"}]}")
            .json();

    assertThat(reply.at("/data/0/source").asText()).isEqualTo("cloud");
    assertThat(reply.at("/data/0/query").asText()).isEqualTo("senders");
    List<String> names = new ArrayList<>();
    reply.at("/data/0/folders").forEach(f -> names.add(f.get("description").asText()));
    assertThat(names).containsExactlyInAnyOrder("Permitted Senders", "Blocked Senders");
    assertThat(reply.at("/meta/pagination/totalCount").asInt()).isEqualTo(2);
  }

  @Test
  void foldersCountDirectMembersAndNestedGroups() {
    Group executives = group("Executives");
    Group vip = group("VIP Protection");

    JsonNode folders =
        client
            .v2(GroupsArea.FIND_GROUPS, "{\"data\":[{\"query\":\"Executives\"}]}")
            .json()
            .at("/data/0/folders");

    assertThat(folders).hasSize(1);
    JsonNode folder = folders.get(0);
    assertThat(folder.get("id").asText()).isEqualTo(executives.id());
    assertThat(folder.get("userCount").asInt()).isEqualTo(executives.members().size());
    assertThat(folder.get("folderCount").asInt()).isEqualTo(1);
    assertThat(vip.parentId()).contains(executives.id());
    assertThat(folder.get("parentId").asText()).isNotBlank().isNotEqualTo(executives.id());
  }

  @Test
  void withoutSourceBothCloudAndLdapGroupsAreListedPageByPage() {
    List<JsonNode> folders = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String meta =
          token == null
              ? "{\"pagination\":{\"pageSize\":4}}"
              : "{\"pagination\":{\"pageSize\":4,\"pageToken\":\"" + token + "\"}}";
      JsonNode reply =
          client.v1(GroupsArea.FIND_GROUPS, "{\"meta\":" + meta + ",\"data\":[]}").json();
      reply.at("/data/0/folders").forEach(folders::add);
      token =
          reply.at("/meta/pagination/next").isMissingNode()
              ? null
              : reply.at("/meta/pagination/next").asText();
      pages++;
    } while (token != null);

    assertThat(pages).isGreaterThan(2);
    assertThat(folders).hasSize(server.tenant().groups().size());
    assertThat(folders).extracting(f -> f.get("source").asText()).contains("cloud", "ldap");
  }

  @Test
  void membersArePagedToTheEndAndDomainEntriesHaveAnEmptyAddress() {
    Group permitted = group("Permitted Senders");
    List<JsonNode> members = new ArrayList<>();
    String token = null;
    do {
      String meta =
          token == null
              ? "{\"pagination\":{\"pageSize\":2}}"
              : "{\"pagination\":{\"pageSize\":2,\"pageToken\":\"" + token + "\"}}";
      JsonNode reply =
          client
              .v2(
                  GroupsArea.GET_GROUP_MEMBERS,
                  "{\"meta\":" + meta + ",\"data\":[{\"id\":\"" + permitted.id() + "\"}]}")
              .json();
      reply.at("/data/0/groupMembers").forEach(members::add);
      assertThat(reply.at("/meta/pagination/totalCount").asInt())
          .isEqualTo(permitted.members().size());
      JsonNode next = reply.at("/meta/pagination/next");
      token = next.isMissingNode() ? null : next.asText();
    } while (token != null);

    assertThat(members).hasSize(permitted.members().size());
    GroupMember domainEntry =
        permitted.members().stream().filter(GroupMember::wholeDomain).findFirst().orElseThrow();
    assertThat(members)
        .filteredOn(m -> m.get("domain").asText().equals(domainEntry.domain()))
        .singleElement()
        .satisfies(m -> assertThat(m.get("emailAddress").asText()).isEmpty());
    assertThat(members)
        .anySatisfy(
            m -> {
              assertThat(m.get("emailAddress").asText())
                  .isEqualTo(server.tenant().scenario().sender().address());
              assertThat(m.get("notes").asText()).isNotBlank();
              assertThat(m.get("internal").asBoolean()).isFalse();
            });
  }

  @Test
  void aTruncatedGroupIdGetsHttp400WithAnEmptyBody() {
    String id = group("Permitted Senders").id();

    SimClient.Reply reply =
        client.v2(
            GroupsArea.GET_GROUP_MEMBERS,
            "{\"data\":[{\"id\":\"" + id.substring(0, id.length() - 6) + "\"}]}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void aWellFormedIdThatIsNoGroupIsAnInvalidTokenKeyedByTheItem() {
    String archiveId = server.tenant().ids().encode(IdFamily.ARCHIVE, 3, 0);

    JsonNode reply =
        client
            .v1(GroupsArea.GET_GROUP_MEMBERS, "{\"data\":[{\"id\":\"" + archiveId + "\"}]}")
            .json();

    assertThat(reply.at("/meta/status").asInt()).isEqualTo(200);
    assertThat(reply.get("data")).isEmpty();
    assertThat(reply.at("/fail/0/key/id").asText()).isEqualTo(archiveId);
    assertThat(reply.at("/fail/0/errors/0/code").asText()).isEqualTo("xdk_failure");
    assertThat(reply.at("/fail/0/errors/0/message").asText()).isEqualTo("0007 Invalid token");
  }

  @Test
  void aMissingGroupIdIsAValidationError() {
    JsonNode reply = client.v2(GroupsArea.GET_GROUP_MEMBERS, "{\"data\":[{}]}").json();

    assertThat(reply.at("/fail/0/errors/0/code").asText()).isEqualTo("err_validation_null");
    assertThat(reply.at("/fail/0/errors/0/field").asText()).isEqualTo("id");
  }

  @Test
  void anUnknownSourceIsRejected() {
    JsonNode reply =
        client.v2(GroupsArea.FIND_GROUPS, "{\"data\":[{\"source\":\"azure\"}]}").json();

    assertThat(reply.at("/fail/0/errors/0/code").asText())
        .isEqualTo("err_validation_value_not_allowed");
  }
}
