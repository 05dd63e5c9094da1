package dev.mci.client.e2e;

import static dev.mci.client.e2e.SimulatedTenant.Generation.API_1_HMAC;
import static dev.mci.client.e2e.SimulatedTenant.Generation.API_2_OAUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.AutoPager;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.Page;
import dev.mci.client.messages.ArchiveQuery;
import dev.mci.client.messages.ArchivedMessage;
import dev.mci.client.messages.FoundMessage;
import dev.mci.client.messages.ListedMessage;
import dev.mci.client.messages.Located;
import dev.mci.client.messages.Lookup;
import dev.mci.client.messages.MessageListQuery;
import dev.mci.simulator.RecordedRequest;
import dev.mci.simulator.tenant.IndexRange;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.simulator.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Archive search, the mailbox listing and locate(), end to end against the simulator. */
class ArchiveSearchEndToEndTest {
  private static final String ARCHIVE_SEARCH = "/api/archive/search";
  private static final String MESSAGE_LIST = "/api/archive/get-message-list";

  private final SimulatedTenant tenant = new SimulatedTenant();
  private final Tenant world = tenant.server.tenant();
  private final PhishingScenario phish = world.scenario();

  @AfterEach
  void stop() {
    tenant.close();
  }

  private Instant now() {
    return tenant.clock.instant();
  }

  /** Archived messages received in the window that match, newest first, from the tenant itself. */
  private List<String> expected(Instant from, Instant to, Predicate<Message> filter) {
    IndexRange range = world.indexRange(from, to);
    List<String> ids = new ArrayList<>();
    for (long i = range.to() - 1; i >= range.from(); i--) {
      Message message = world.message(i);
      if (message.archiveId().isPresent() && filter.test(message)) {
        ids.add(message.archiveId().get());
      }
    }
    return ids;
  }

  private static List<String> ids(Iterable<ArchivedMessage> rows) {
    List<String> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(row.id()));
    return ids;
  }

  private long calls(String path) {
    return tenant.server.requests().all().stream().filter(r -> r.path().equals(path)).count();
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void findsTheImpostorsMessageBySenderDomainInBothGenerations(
      SimulatedTenant.Generation generation) {
    List<ArchivedMessage> rows;
    try (MimecastClient client = tenant.client(generation)) {
      rows =
          client
              .messages()
              .archiveSearch(ArchiveQuery.builder().from(phish.senderDomain()).build())
              .stream()
              .toList();
    }
    // The lookalike domain also sent the campaign's earlier wave, which the archive holds too.
    List<String> campaign = new ArrayList<>();
    phish.earlierWave().forEach(m -> campaign.add(m.archiveId().orElseThrow()));
    campaign.add(phish.archiveId());
    assertThat(rows).extracting(ArchivedMessage::id).containsExactlyInAnyOrderElementsOf(campaign);
    ArchivedMessage row =
        rows.stream().filter(r -> r.id().equals(phish.archiveId())).findFirst().orElseThrow();
    assertThat(row.subject()).isEqualTo(phish.subject());
    assertThat(row.displayFromAddress()).isEqualTo(phish.sender().address());
    assertThat(row.received()).isEqualTo(phish.received());
    assertThat(row.attachmentCount()).isEqualTo(1);
    assertThat(row.to()).hasSize(phish.recipients().size());
    assertThat(row.status()).isEqualTo("ARCHIVED");
    assertThat(row.smash()).hasSize(40);
  }

  @Test
  void subjectWordsAndADateWindowNarrowTheArchive() {
    Instant from = phish.received().minus(Duration.ofHours(1));
    Instant to = phish.received().plus(Duration.ofHours(1));
    String word = phish.subject().split("\\s+")[0];
    try (MimecastClient client = tenant.client(API_1_HMAC)) {
      List<ArchivedMessage> rows =
          client
              .messages()
              .archiveSearch(
                  ArchiveQuery.builder().subject(phish.subject()).start(from).end(to).build())
              .stream()
              .toList();
      assertThat(ids(rows)).containsExactly(phish.archiveId());
      List<ArchivedMessage> byWord =
          client.messages().archiveSearch(ArchiveQuery.builder().subject(word).build()).stream()
              .toList();
      assertThat(byWord)
          .extracting(ArchivedMessage::subject)
          .allSatisfy(s -> assertThat(s.toLowerCase()).contains(word.toLowerCase()));
      assertThat(ids(byWord)).contains(phish.archiveId());
    }
  }

  @Test
  void pagesComeNewestFirstAndASavedTokenResumesWithoutLossOrRepeat() {
    Instant from = now().minus(Duration.ofDays(3));
    List<String> expected = expected(from, now(), m -> m.hasAttachments());
    assertThat(expected).hasSizeGreaterThan(12);
    ArchiveQuery query =
        ArchiveQuery.builder()
            .start(from)
            .end(now())
            .attachments(ArchiveQuery.Attachments.ANY)
            .pageSize(5)
            .build();
    try (MimecastClient client = tenant.client(API_2_OAUTH)) {
      AutoPager<ArchivedMessage> pager = client.messages().archiveSearch(query);
      assertThat(ids(pager)).containsExactlyElementsOf(expected);
      assertThat(calls(ARCHIVE_SEARCH)).isEqualTo((expected.size() + 4) / 5);

      Iterator<Page<ArchivedMessage>> pages = pager.pages().iterator();
      List<String> seen = new ArrayList<>(ids(pages.next().items()));
      String token = pager.nextPageToken().orElseThrow();
      client.messages().archiveSearch(query).startingAt(token).forEach(row -> seen.add(row.id()));
      assertThat(seen).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void theArchiveReachesBackBeyondMessageFindersThirtyDays() {
    Instant from = now().minus(Duration.ofDays(80));
    Instant to = now().minus(Duration.ofDays(70));
    List<String> expected = expected(from, to, m -> true);
    assertThat(expected).isNotEmpty();
    try (MimecastClient client = tenant.client(API_1_HMAC)) {
      List<ArchivedMessage> rows =
          client
              .messages()
              .archiveSearch(ArchiveQuery.builder().start(from).end(to).pageSize(100).build())
              .stream()
              .toList();
      assertThat(ids(rows)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void elementsMimecastIgnoresAreNamedAndTheQueryComesBackUnfiltered() {
    Instant from = now().minus(Duration.ofDays(1));
    String xml =
        "<?xml version=\"1.0\"?><xmlquery trace=\"iql,muse\"><metadata query-type=\"emailarchive\""
            + " archive=\"true\" active=\"false\" page-size=\"100\" startrow=\"0\"><smartfolders/>"
            + "</metadata><muse><text></text><date select=\"between\" from=\""
            + dev.mci.client.MimecastTime.format(from)
            + "\"/><received select=\"to\">"
            + phish.heldRecipient().address()
            + "</received><docs select=\"optional\"></docs><route/></muse></xmlquery>";
    ArchiveQuery query = ArchiveQuery.ofXml(xml);
    assertThat(query.warnings())
        .singleElement()
        .asString()
        .contains("<received>")
        .contains("ignores it silently");
    try (MimecastClient client = tenant.client(API_1_HMAC)) {
      assertThat(ids(client.messages().archiveSearch(query)))
          .containsExactlyElementsOf(expected(from, now(), m -> true));
    }
  }

  @Test
  void malformedOrEmptyQueriesFailBeforeAnyCall() {
    assertThatThrownBy(() -> ArchiveQuery.ofXml("not xml <"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not well-formed XML");
    assertThatThrownBy(() -> ArchiveQuery.ofXml("  "))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> ArchiveQuery.builder().from("not an address").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("neither an e-mail address nor a domain");
    assertThatThrownBy(() -> ArchiveQuery.builder().pageSize(0).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("page size");
    assertThat(tenant.server.requests().all()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void theCfosInboxListsThePhishAndPagesThroughEverything(SimulatedTenant.Generation generation) {
    String cfo = phish.heldRecipient().address();
    Instant from = now().minus(Duration.ofDays(20));
    List<String> expected =
        expected(from, now(), m -> m.recipients().stream().anyMatch(r -> r.address().equals(cfo)));
    try (MimecastClient client = tenant.client(generation)) {
      List<ListedMessage> rows =
          client
              .messages()
              .list(MessageListQuery.inbox(cfo).between(from, now()).withPageSize(3))
              .stream()
              .toList();
      assertThat(rows)
          .extracting(ListedMessage::id)
          .containsExactlyElementsOf(expected)
          .contains(phish.archiveId());
      assertThat(rows)
          .extracting(ListedMessage::received)
          .isSortedAccordingTo(Comparator.reverseOrder());
      ListedMessage phishRow =
          rows.stream().filter(r -> r.id().equals(phish.archiveId())).findFirst().orElseThrow();
      assertThat(phishRow.from().emailAddress()).isEqualTo(phish.sender().address());
      assertThat(phishRow.to()).extracting(a -> a.emailAddress()).containsExactly(cfo);
      assertThat(phishRow.attachmentCount()).isEqualTo(1);
    }
    assertThat(calls(MESSAGE_LIST)).isEqualTo(Math.max(1, (expected.size() + 2) / 3));
  }

  @Test
  void theSentViewListsWhatTheMailboxSent() {
    Message sent =
        LongStream.range(0, world.messageCount())
            .mapToObj(world::message)
            .filter(
                m -> m.archiveId().isPresent() && world.isInternalDomain(m.headerFrom().domain()))
            .filter(m -> m.received().isAfter(now().minus(Duration.ofDays(10))))
            .findFirst()
            .orElseThrow();
    String sender = sent.headerFrom().address();
    try (MimecastClient client = tenant.client(API_1_HMAC)) {
      List<ListedMessage> rows =
          client
              .messages()
              .list(
                  MessageListQuery.inbox(sender)
                      .withView(MessageListQuery.View.SENT)
                      .between(now().minus(Duration.ofDays(10)), now()))
              .stream()
              .toList();
      assertThat(rows).extracting(ListedMessage::id).contains(sent.archiveId().get());
      assertThat(rows).allSatisfy(r -> assertThat(r.from().emailAddress()).isEqualTo(sender));
    }
  }

  @Test
  void aListingOfSomethingThatIsNotAMailboxFailsBeforeAnyCall() {
    try (MimecastClient client = tenant.client(API_1_HMAC)) {
      assertThatThrownBy(() -> client.messages().list(MessageListQuery.inbox("not-an-address")))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("not an e-mail address");
    }
    assertThat(tenant.server.requests().all()).isEmpty();
  }

  @Test
  void locateUsesMessageFinderForRecentWindowsAndTheArchiveForOldOnes() {
    try (MimecastClient client = tenant.client(API_2_OAUTH)) {
      Located recent =
          client
              .messages()
              .locate(
                  new Lookup(
                      phish.senderDomain(), null, null, now().minus(Duration.ofDays(7)), null));
      assertThat(recent.source()).isEqualTo(FoundMessage.Source.MESSAGE_FINDER);
      assertThat(recent.messages().stream().map(FoundMessage::id).toList())
          .containsExactlyInAnyOrderElementsOf(phish.messageFinderIds());

      Located old =
          client
              .messages()
              .locate(
                  new Lookup(
                      phish.senderDomain(), null, null, now().minus(Duration.ofDays(45)), null));
      assertThat(old.source()).isEqualTo(FoundMessage.Source.ARCHIVE);
      // 45 days back also reaches the campaign's earlier wave.
      List<String> campaign = new ArrayList<>();
      phish.earlierWave().forEach(m -> campaign.add(m.archiveId().orElseThrow()));
      campaign.add(phish.archiveId());
      assertThat(old.messages().stream().map(FoundMessage::id).toList())
          .containsExactlyInAnyOrderElementsOf(campaign);
    }
    List<String> paths =
        tenant.server.requests().all().stream().map(RecordedRequest::path).distinct().toList();
    assertThat(paths).contains("/api/message-finder/search", ARCHIVE_SEARCH);
  }

  @Test
  void locateNeedsACriterionAndAStart() {
    try (MimecastClient client = tenant.client(API_2_OAUTH)) {
      assertThatThrownBy(
              () ->
                  client
                      .messages()
                      .locate(new Lookup(null, null, " ", now().minus(Duration.ofDays(1)), null)))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("at least one of from, to and subject");
      assertThatThrownBy(
              () -> client.messages().locate(new Lookup("a@b.example", null, null, null, null)))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("give a start");
    }
    assertThat(tenant.server.requests().all()).isEmpty();
  }
}
