package dev.mci.client.e2e;

import static dev.mci.client.e2e.SimulatedTenant.Generation.API_2_OAUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.AutoPager;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.Page;
import dev.mci.client.messages.MessageSearch;
import dev.mci.client.messages.TrackedEmail;
import dev.mci.client.urls.DecodedUrl;
import dev.mci.simulator.tenant.MessageUrl;
import dev.mci.simulator.tenant.PhishingScenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Message Finder filters, window paging and decode-url, end to end. */
class MessageFinderEndToEndTest {
  private final SimulatedTenant tenant = new SimulatedTenant();
  private final PhishingScenario phish = tenant.server.tenant().scenario();

  @AfterEach
  void stop() {
    tenant.close();
  }

  private MessageSearch.Builder lastWeek() {
    return MessageSearch.builder()
        .start(tenant.clock.instant().minus(Duration.ofDays(7)))
        .end(tenant.clock.instant());
  }

  private static List<String> ids(Iterable<TrackedEmail> rows) {
    List<String> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(row.id()));
    return ids;
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void findsThePhishByMessageIdHeaderWithOrWithoutBrackets(SimulatedTenant.Generation generation) {
    String header = phish.messageIdHeader();
    String bare = header.substring(1, header.length() - 1);
    try (MimecastClient client = tenant.client(generation)) {
      assertThat(ids(client.messages().search(lastWeek().messageId(header).build())))
          .containsExactlyInAnyOrderElementsOf(phish.messageFinderIds());
      assertThat(ids(client.messages().search(lastWeek().messageId(bare).build())))
          .containsExactlyInAnyOrderElementsOf(phish.messageFinderIds());
    }
  }

  @Test
  void sendingIpAndSubjectFiltersNarrowToThePhish() {
    try (MimecastClient client = tenant.client(API_2_OAUTH)) {
      List<TrackedEmail> byIp =
          client.messages().search(lastWeek().senderIp(phish.sendingIp()).build());
      assertThat(byIp)
          .isNotEmpty()
          .allSatisfy(row -> assertThat(row.senderIp()).isEqualTo(phish.sendingIp()));

      List<TrackedEmail> bySubject =
          client.messages().search(lastWeek().subject(phish.subject()).build());
      assertThat(ids(bySubject)).containsAll(phish.messageFinderIds());
    }
  }

  @Test
  void searchAllSplitsTheWindowUntilEveryRowIsFetchedOnce() {
    try (MimecastClient client = tenant.client(API_2_OAUTH)) {
      MessageSearch everyInbound = lastWeek().to(phish.recipients().get(0).domain()).build();
      List<String> oneCall = ids(client.messages().search(everyInbound));
      assertThat(oneCall).hasSizeBetween(4 * 60, MessageSearch.MAX_PAGE_SIZE - 1);

      // 60 rows a call: above the 40 rows the phish puts in one second, far below the total.
      List<String> paged =
          ids(client.messages().searchAll(everyInbound.toBuilder().pageSize(60).build()));

      assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(oneCall);
    }
  }

  @Test
  void aPullResumesFromASavedTokenWithoutLosingOrRepeatingRows() {
    try (MimecastClient client = tenant.client(API_2_OAUTH)) {
      MessageSearch query = lastWeek().to(phish.recipients().get(0).domain()).pageSize(60).build();
      List<String> all = ids(client.messages().searchAll(query));

      AutoPager<TrackedEmail> interrupted = client.messages().searchAll(query);
      List<String> before = new ArrayList<>();
      Iterator<Page<TrackedEmail>> pages = interrupted.pages().iterator();
      for (int i = 0; i < 3 && pages.hasNext(); i++) {
        pages.next().items().forEach(row -> before.add(row.id()));
      }
      Optional<String> saved = interrupted.nextPageToken();
      assertThat(saved).as("a token to resume from").isPresent();

      List<String> after = ids(client.messages().searchAll(query).startingAt(saved.get()));

      List<String> resumed = new ArrayList<>(before);
      resumed.addAll(after);
      assertThat(resumed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }
  }

  @Test
  void aStartOlderThanThirtyDaysIsRefusedBeforeAnyCallAndNamesArchiveSearch() {
    try (MimecastClient client = tenant.client(API_2_OAUTH)) {
      MessageSearch old =
          MessageSearch.builder()
              .from(phish.senderDomain())
              .start(tenant.clock.instant().minus(Duration.ofDays(45)))
              .end(tenant.clock.instant())
              .build();
      assertThatThrownBy(() -> client.messages().search(old))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("30 days")
          .hasMessageContaining("archive");
    }
    assertThat(tenant.server.requests().all()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void decodesRewrittenUrlsInOrderWithOneResultPerInput(SimulatedTenant.Generation generation) {
    List<String> inputs = new ArrayList<>();
    phish.urls().forEach(url -> inputs.add(url.rewritten()));
    inputs.add(1, "https://example.org/not-a-mimecast-link");
    try (MimecastClient client = tenant.client(generation)) {
      List<DecodedUrl> results = client.urls().decode(inputs);

      assertThat(results).extracting(DecodedUrl::input).containsExactlyElementsOf(inputs);
      assertThat(results.get(1).success()).isFalse();
      assertThat(results.get(1).error()).isPresent();
      List<String> decoded = new ArrayList<>();
      results.stream().filter(DecodedUrl::success).forEach(r -> decoded.add(r.url().orElseThrow()));
      assertThat(decoded)
          .containsExactlyElementsOf(phish.urls().stream().map(MessageUrl::original).toList());
    }
  }
}
