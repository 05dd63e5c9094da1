package dev.mci.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.urls.ManagedUrl;
import dev.mci.client.urls.ManagedUrlQuery;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The managed URL list end to end: paging, partial and exact filters. */
class ManagedUrlsEndToEndTest {
  private final SimulatedTenant tenant = new SimulatedTenant();

  @AfterEach
  void stop() {
    tenant.close();
  }

  private static List<ManagedUrl> list(MimecastClient client, ManagedUrlQuery query) {
    List<ManagedUrl> rows = new ArrayList<>();
    client.urls().managedUrls(query).forEach(rows::add);
    return rows;
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void listsBlocksAndPermitsAcrossPages(SimulatedTenant.Generation generation) {
    try (MimecastClient client = tenant.client(generation)) {
      List<ManagedUrl> all = list(client, ManagedUrlQuery.all().withPageSize(3));

      assertThat(all).hasSize(tenant.server.tenant().activity().managedUrls().size());
      assertThat(all).extracting(ManagedUrl::action).contains("block", "permit");
      assertThat(all)
          .anySatisfy(
              m ->
                  assertThat(m.url())
                      .isEqualTo(tenant.server.tenant().scenario().maliciousUrl().original()));
    }
    assertThat(tenant.server.requests().count("/api/ttp/url/get-all-managed-urls"))
        .isGreaterThan(1);
  }

  @Test
  void filtersPartiallyOrExactly() {
    String lookalike = tenant.server.tenant().scenario().senderDomain();
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_1_HMAC)) {
      assertThat(list(client, ManagedUrlQuery.matching(lookalike))).hasSize(2);
      assertThat(list(client, ManagedUrlQuery.exactly(lookalike)))
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.matchType()).isEqualTo("domain");
                assertThat(m.port()).isEqualTo(-1);
                assertThat(m.url()).isEqualTo("https://" + lookalike);
              });
      assertThatThrownBy(() -> client.urls().managedUrls(ManagedUrlQuery.exactly(" ")))
          .isInstanceOf(InvalidRequestException.class);
    }
  }
}
