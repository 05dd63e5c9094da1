package dev.mci.cli.groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.support.Json;
import dev.mci.cli.testing.InProcessCli;
import dev.mci.simulator.tenant.Group;
import dev.mci.simulator.tenant.GroupMember;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupsCommandsTest {

  @TempDir static Path folder;
  private static SimulatedCli cli;

  @BeforeAll
  static void start() {
    cli = new SimulatedCli(folder);
  }

  @AfterAll
  static void stop() {
    cli.close();
  }

  private static Group group(String name) {
    return cli.server.tenant().groups().stream()
        .filter(g -> g.description().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void findPrintsMatchingGroupsWithIdsAndCounts() throws Exception {
    InProcessCli.Run run = cli.api2("groups", "find", "Permitted", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode rows = Json.MAPPER.readTree(run.out());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("id").asText()).isEqualTo(group("Permitted Senders").id());
    assertThat(rows.get(0).get("userCount").asInt())
        .isEqualTo(group("Permitted Senders").members().size());
  }

  @Test
  void findBySourceOverApi1ListsOnlyThatSource() {
    InProcessCli.Run run = cli.api1("groups", "find", "--source", "ldap", "--format", "csv");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    long ldapGroups =
        cli.server.tenant().groups().stream().filter(g -> g.source() == Group.Source.LDAP).count();
    assertThat(run.out().lines().skip(1))
        .hasSize((int) ldapGroups)
        .allMatch(l -> l.contains(",ldap,"));
  }

  @Test
  void membersShowsWholeDomainEntriesAsDomains() {
    Group allStaff = group("All Staff");

    InProcessCli.Run run = cli.api2("groups", "members", allStaff.id());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    for (GroupMember member : allStaff.members()) {
      assertThat(run.out().lines())
          .anyMatch(line -> line.startsWith(member.domain() + " ") && line.contains(" domain "));
    }
  }

  @Test
  void membersOfATruncatedIdIsNotFoundInOneLine() {
    String truncated = group("Permitted Senders").id().substring(0, 10);

    InProcessCli.Run run = cli.api2("groups", "members", truncated);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(7);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .contains("no group has the id '" + truncated + "'")
        .doesNotContain("Exception");
  }

  @Test
  void anUnknownSourceIsAUsageError() {
    InProcessCli.Run run = cli.api2("groups", "find", "--source", "azure");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--source");
  }
}
