package dev.mci.client.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.AuthenticationException;
import dev.mci.client.AutoPager;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.NotFoundException;
import dev.mci.client.ServerException;
import dev.mci.client.groups.LocalTenant.Generation;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.tenant.Group;
import dev.mci.simulator.tenant.IdFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** find-groups and get-group-members end to end over loopback against the simulator. */
class GroupsApiTest {

  private static final String FIND = "/api/directory/find-groups";
  private static final String MEMBERS = "/api/directory/get-group-members";

  private static LocalTenant local;

  @BeforeAll
  static void start() {
    local = new LocalTenant();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  private static Group simulated(String name) {
    return local.tenant().groups().stream()
        .filter(g -> g.description().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void findsGroupsByNameAndSourceOnBothGenerations(Generation generation) {
    try (MimecastClient client = local.client(generation)) {
      List<DirectoryGroup> groups =
          client.groups().find(GroupSearch.named("Senders").from(GroupSource.CLOUD)).stream()
              .toList();

      assertThat(groups)
          .extracting(DirectoryGroup::name)
          .containsExactlyInAnyOrder("Permitted Senders", "Blocked Senders");
      DirectoryGroup permitted =
          groups.stream()
              .filter(g -> g.name().equals("Permitted Senders"))
              .findFirst()
              .orElseThrow();
      assertThat(permitted.id()).isEqualTo(simulated("Permitted Senders").id());
      assertThat(permitted.userCount()).isEqualTo(simulated("Permitted Senders").members().size());
      assertThat(permitted.source()).isEqualTo("cloud");
      assertThat(permitted.parentId()).isPresent();
    }
  }

  @Test
  void walksEveryPageOfGroupsAndCanResumeFromAToken() {
    try (MimecastClient client = local.client(Generation.API_1_HMAC)) {
      GroupsApi groups = client.groups().pageSize(3);
      long before = local.calls(FIND);

      List<DirectoryGroup> all = groups.find(GroupSearch.all()).stream().toList();

      assertThat(all).hasSize(local.tenant().groups().size());
      assertThat(local.calls(FIND) - before).isEqualTo((all.size() + 2) / 3);

      AutoPager<DirectoryGroup> pager = groups.find(GroupSearch.all());
      pager.pages().iterator().next();
      String token = pager.nextPageToken().orElseThrow();
      List<DirectoryGroup> rest = pager.startingAt(token).stream().toList();
      assertThat(rest).containsExactlyElementsOf(all.subList(3, all.size()));
    }
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void listsEveryMemberAcrossPagesWithDomainEntriesAsDomains(Generation generation) {
    Group permitted = simulated("Permitted Senders");
    try (MimecastClient client = local.client(generation)) {
      long before = local.calls(MEMBERS);

      List<GroupMember> members =
          client.groups().pageSize(2).members(permitted.id()).stream().toList();

      assertThat(members).hasSize(permitted.members().size());
      assertThat(local.calls(MEMBERS) - before).isEqualTo((members.size() + 1) / 2);
      for (dev.mci.simulator.tenant.GroupMember expected : permitted.members()) {
        assertThat(members)
            .anySatisfy(
                m -> {
                  assertThat(m.entry())
                      .isEqualTo(
                          expected.wholeDomain() ? expected.domain() : expected.emailAddress());
                  assertThat(m.wholeDomain()).isEqualTo(expected.wholeDomain());
                  assertThat(m.notes()).isEqualTo(expected.notes());
                });
      }
      assertThat(members)
          .filteredOn(GroupMember::wholeDomain)
          .allSatisfy(m -> assertThat(m.emailAddress()).isEmpty());
    }
  }

  @Test
  void aTruncatedGroupIdIsNotFoundNamingTheId() {
    String truncated = simulated("Permitted Senders").id().substring(0, 12);
    try (MimecastClient client = local.client(Generation.API_2_OAUTH)) {
      assertThatThrownBy(() -> client.groups().members(truncated).stream().toList())
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("no group has the id '" + truncated + "'")
          .hasMessageContaining("HTTP 400 with an empty body");
    }
  }

  @Test
  void anIdOfAnotherKindIsNotFoundToo() {
    String archiveId = local.tenant().ids().encode(IdFamily.ARCHIVE, 1, 0);
    try (MimecastClient client = local.client(Generation.API_1_HMAC)) {
      assertThatThrownBy(() -> client.groups().members(archiveId).stream().toList())
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("xdk_failure");
    }
  }

  @Test
  void aBlankGroupIdIsRejectedBeforeAnyCall() {
    long before = local.calls(MEMBERS);
    try (MimecastClient client = local.client(Generation.API_1_HMAC)) {
      assertThatThrownBy(() -> client.groups().members(" "))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("group id is blank");
      assertThatThrownBy(() -> client.groups().pageSize(501))
          .isInstanceOf(InvalidRequestException.class);
    }
    assertThat(local.calls(MEMBERS)).isEqualTo(before);
  }

  @Test
  void aWrongSecretIsAnAuthenticationFailure() {
    try (MimecastClient client = local.clientWithWrongSecret()) {
      assertThatThrownBy(() -> client.groups().find(GroupSearch.all()).stream().toList())
          .isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void waitsOutARateLimitAndCarriesOn() {
    local.server.faults().enqueue(MEMBERS, ScriptedFault.rateLimited(Duration.ofSeconds(3)));
    int sleepsBefore = local.time.sleeps().size();
    try (MimecastClient client = local.client(Generation.API_2_OAUTH)) {
      List<GroupMember> members =
          client.groups().members(simulated("Executives").id()).stream().toList();

      assertThat(members).hasSize(simulated("Executives").members().size());
    }
    assertThat(local.time.sleeps().subList(sleepsBefore, local.time.sleeps().size()))
        .containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void aServerErrorPastTheRetriesIsAServerException() {
    local.failNext(FIND, 503, 4);
    long before = local.calls(FIND);
    try (MimecastClient client = local.client(Generation.API_1_HMAC)) {
      assertThatThrownBy(() -> client.groups().find(GroupSearch.all()).stream().toList())
          .isInstanceOf(ServerException.class);
    }
    assertThat(local.calls(FIND) - before).isEqualTo(4);
  }

  @Test
  void aSnapshotKnowsNestedMembershipAndTheAccountsDomains() {
    Group vip = simulated("VIP Protection");
    Group executives = simulated("Executives");
    String financeVip =
        vip.members().stream()
            .map(dev.mci.simulator.tenant.GroupMember::emailAddress)
            .filter(a -> executives.members().stream().noneMatch(e -> e.emailAddress().equals(a)))
            .findFirst()
            .orElseThrow();
    try (MimecastClient client = local.client(Generation.API_2_OAUTH)) {
      GroupDirectory directory = client.groups().snapshot();

      assertThat(directory.groups()).hasSize(local.tenant().groups().size());
      Optional<GroupMembership> membership = directory.membership(executives.id(), financeVip);
      assertThat(membership).isPresent();
      assertThat(membership.get().nested()).isTrue();
      assertThat(membership.get().holder().name()).isEqualTo("VIP Protection");
      assertThat(directory.internalDomains())
          .containsExactlyInAnyOrderElementsOf(
              local.tenant().internalDomains().stream().map(d -> d.name()).toList());
      List<String> names = new ArrayList<>();
      directory
          .membershipsOf(local.tenant().scenario().sender().address())
          .forEach(m -> names.add(m.group().name()));
      assertThat(names).containsExactly("Permitted Senders");
    }
  }
}
