package dev.mci.simulator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.simulator.TenantSize;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UserBehaviourTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:34:56Z");
  private static final Tenant TENANT = Tenant.generate(42, TenantSize.SMALL, NOW);

  @Test
  void theSameSeedGivesTheSameRiskyClickers() {
    Tenant again = Tenant.generate(42, TenantSize.SMALL, NOW);

    assertThat(again.behaviours()).isEqualTo(TENANT.behaviours());
    assertThat(again.riskyUsers()).isEqualTo(TENANT.riskyUsers());
    assertThat(Tenant.generate(7, TenantSize.SMALL, NOW).riskyUsers())
        .extracting(User::address)
        .isNotEqualTo(TENANT.riskyUsers().stream().map(User::address).toList());
  }

  @Test
  void riskyClickersAlsoClickedTheLatestSimulationAndAreAFewOfTheStaff() {
    List<User> risky = TENANT.riskyUsers();

    assertThat(risky).isNotEmpty();
    assertThat(risky)
        .allSatisfy(u -> assertThat(TENANT.behaviour(u).clickedLatestSimulation()).isTrue());
    assertThat(risky.size()).isLessThan(TENANT.users().size() / 3);
    long otherClickers =
        TENANT.behaviours().stream()
            .filter(b -> b.clickedLatestSimulation() && !b.clicksRealLinks())
            .count();
    assertThat(otherClickers).isPositive();
  }

  @Test
  void atLeastThreeScenarioRecipientsAreRiskyButNeverTheReleasingAdmin() {
    PhishingScenario scenario = TENANT.scenario();
    Set<String> recipients =
        scenario.recipients().stream().map(Mailbox::address).collect(Collectors.toSet());

    List<User> riskyRecipients =
        TENANT.riskyUsers().stream().filter(u -> recipients.contains(u.address())).toList();

    assertThat(riskyRecipients).hasSizeGreaterThanOrEqualTo(3);
    assertThat(TENANT.riskyUsers()).extracting(User::address).doesNotContain(scenario.releasedBy());
  }

  @Test
  void largeTenantsKeepAboutOneRiskyClickerInTen() {
    Tenant large = Tenant.generate(42, TenantSize.LARGE, NOW);

    double share = (double) large.riskyUsers().size() / large.users().size();

    assertThat(share).isBetween(0.05, 0.15);
  }

  @Test
  void permittedSendersHoldsTheScenarioSenderWithTheAdministratorsNote() {
    Group permitted =
        TENANT.groups().stream()
            .filter(g -> g.description().equals("Permitted Senders"))
            .findFirst()
            .orElseThrow();

    assertThat(permitted.members())
        .filteredOn(m -> m.emailAddress().equals(TENANT.scenario().sender().address()))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.internal()).isFalse();
              assertThat(m.domain()).isEqualTo(TENANT.scenario().senderDomain());
              assertThat(m.notes()).isPresent();
            });
  }
}
