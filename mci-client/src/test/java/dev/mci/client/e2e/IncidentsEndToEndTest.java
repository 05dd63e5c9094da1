package dev.mci.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.NotFoundException;
import dev.mci.client.incidents.Incident;
import dev.mci.client.incidents.IncidentQuery;
import dev.mci.simulator.tenant.PhishingScenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Remediation incidents end to end: find, get, filters, an unknown id and the one-year limit. */
class IncidentsEndToEndTest {
  private final SimulatedTenant tenant = new SimulatedTenant();
  private final PhishingScenario phish = tenant.server.tenant().scenario();

  @AfterEach
  void stop() {
    tenant.close();
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void findsEveryIncidentAndGetsEachByIdWithCountsThatAddUp(SimulatedTenant.Generation generation) {
    try (MimecastClient client = tenant.client(generation)) {
      List<Incident> found = new ArrayList<>();
      client.incidents().find(IncidentQuery.builder().pageSize(2).build()).forEach(found::add);

      assertThat(found).hasSize(tenant.server.tenant().activity().incidents().size());
      assertThat(found).extracting(Incident::created).isSortedAccordingTo((a, b) -> b.compareTo(a));
      for (Incident incident : found) {
        assertThat(client.incidents().get(incident.id())).isEqualTo(incident);
        if (!incident.type().equals("notify_only")) {
          assertThat(incident.successful() + incident.failed()).isEqualTo(incident.identified());
        }
      }
      assertThat(found)
          .filteredOn(i -> phish.messageIdHeader().equals(i.searchCriteria().messageId()))
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.type()).isEqualTo("manual");
                assertThat(i.identified()).isEqualTo(phish.recipients().size());
                assertThat(i.code())
                    .startsWith("TR-" + tenant.server.tenant().account().accountCode());
              });
    }
  }

  @Test
  void filtersByType() {
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_1_HMAC)) {
      List<Incident> notify = new ArrayList<>();
      client
          .incidents()
          .find(IncidentQuery.builder().types(Set.of("notify_only")).build())
          .forEach(notify::add);

      assertThat(notify)
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.searchCriteria().url()).isEqualTo(phish.maliciousUrl().original());
                assertThat(i.successful()).isZero();
              });
    }
  }

  @Test
  void anUnknownIdIsNotFound() {
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_2_OAUTH)) {
      assertThatThrownBy(() -> client.incidents().get("eNo1jkNoSuchIncident"))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("eNo1jkNoSuchIncident")
          .hasMessageContaining("xdk_failure");
    }
  }

  @Test
  void startsOlderThanAYearAndUnknownTypesFailBeforeAnyCall() {
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_2_OAUTH)) {
      assertThatThrownBy(
              () ->
                  client
                      .incidents()
                      .find(
                          IncidentQuery.builder()
                              .start(tenant.clock.instant().minus(Duration.ofDays(400)))
                              .build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("kept for one year");
      assertThatThrownBy(
              () ->
                  client
                      .incidents()
                      .find(IncidentQuery.builder().types(Set.of("notification")).build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("notify_only");
      assertThatThrownBy(() -> client.incidents().get(" "))
          .isInstanceOf(InvalidRequestException.class);
    }
    assertThat(tenant.server.requests().all()).isEmpty();
  }
}
