package dev.mci.investigate.findings;

import static dev.mci.investigate.testing.CaseFixtures.RECEIVED;
import static dev.mci.investigate.testing.CaseFixtures.WINDOW;
import static dev.mci.investigate.testing.CaseFixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.CaseAttachment;
import dev.mci.investigate.cases.CaseData;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseUrl;
import dev.mci.investigate.cases.Click;
import dev.mci.investigate.cases.Finding;
import dev.mci.investigate.cases.GroupMembership;
import dev.mci.investigate.cases.HoldRelease;
import dev.mci.investigate.cases.LocalEvent;
import dev.mci.investigate.cases.LocalEventHunt;
import dev.mci.investigate.cases.Relation;
import dev.mci.investigate.cases.Severity;
import dev.mci.investigate.cases.TimelineEvent;
import dev.mci.investigate.engine.Capability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingsTest {

  private static final Address IMPOSTOR = new Address("dana.reyes@acme-c0rp.example", "Dana Reyes");
  private static final String SUBJECT = "Urgent wire transfer";
  private static final Indicator INDICATOR =
      Indicator.of("<abc@acme-c0rp.example>", IndicatorType.MESSAGE_ID_HEADER);

  /** The phish reached {@code recipients} people at acme-corp.example. */
  private static List<CaseMessage> phish(int recipients) {
    List<CaseMessage> copies = new ArrayList<>();
    for (int i = 0; i < recipients; i++) {
      copies.add(
          copy(
              "id-" + i,
              Relation.LOCATED,
              IMPOSTOR,
              "user" + i + "@acme-corp.example",
              SUBJECT,
              RECEIVED));
    }
    return copies;
  }

  private static CaseData data(
      List<CaseMessage> messages,
      List<CaseUrl> urls,
      List<CaseAttachment> attachments,
      List<Click> clicks,
      List<HoldRelease> holds,
      List<GroupMembership> memberships) {
    return new CaseData(
        messages, urls, attachments, clicks, holds, memberships, Set.of("acme-corp.example"));
  }

  private static List<Finding> findings(CaseData data, Capability... succeeded) {
    return Findings.rank(new CaseFacts(INDICATOR, WINDOW, data, Set.of(succeeded)));
  }

  @Test
  void clicksAreCountedAgainstTheRecipientsWithOverridesCalledOut() {
    List<CaseMessage> messages = phish(41);
    String url = "https://login.acme-c0rp.example/wire";
    List<Click> clicks =
        List.of(
            new Click(
                "user1@acme-corp.example",
                url,
                RECEIVED.plusSeconds(600),
                "allow",
                "clean",
                true,
                "t"),
            new Click(
                "user2@acme-corp.example",
                url,
                RECEIVED.plusSeconds(700),
                "block",
                "malicious",
                false,
                "t"),
            new Click(
                "user3@acme-corp.example",
                url,
                RECEIVED.plusSeconds(800),
                "block",
                "malicious",
                false,
                "t"));

    List<Finding> findings =
        findings(data(messages, List.of(), List.of(), clicks, List.of(), List.of()));

    assertThat(findings.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(findings.get(0).statement())
        .isEqualTo(
            "3 of 41 recipients clicked; 3 clicks: 1 allowed, 2 blocked, 1 click was allowed by a"
                + " user override");
    assertThat(findings.get(0).rank()).isEqualTo(1);
  }

  @Test
  void aReleaseNamesWhoReleasedAndHowLongAfterTheHold() {
    HoldRelease hold =
        new HoldRelease(
            "id-0",
            "cfo@acme-corp.example",
            RECEIVED.plusSeconds(2),
            "Attachment Protection",
            RECEIVED.plusSeconds(2).plus(Duration.ofMinutes(4)),
            "admin@acme-corp.example",
            "t");

    List<Finding> findings =
        findings(data(phish(1), List.of(), List.of(), List.of(), List.of(hold), List.of()));

    assertThat(findings)
        .extracting(Finding::statement)
        .contains(
            "The copy for cfo@acme-corp.example was held (Attachment Protection), then released by"
                + " admin@acme-corp.example 4 minutes later");
  }

  @Test
  void aSenderDomainImitatingAnInternalDomainIsCalledALookalike() {
    List<Finding> findings =
        findings(data(phish(3), List.of(), List.of(), List.of(), List.of(), List.of()));

    assertThat(findings)
        .filteredOn(f -> f.rule().equals("lookalike-domain"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.statement())
                  .isEqualTo(
                      "The sender domain acme-c0rp.example imitates the internal domain"
                          + " acme-corp.example (a lookalike domain)");
              assertThat(f.evidence()).extracting(r -> r.kind()).containsOnly("message");
            });
  }

  @Test
  void lookalikesCoverCharacterSwapsExtraWordsAndSmallEdits() {
    for (String lookalike :
        List.of(
            "acme-c0rp.example",
            "acrne-corp.example",
            "acme-corp-payments.example",
            "acmecorp-inc.example",
            "acme-cop.example")) {
      assertThat(Lookalikes.resembles(lookalike, "acme-corp.example")).as(lookalike).isTrue();
    }
    for (String unrelated :
        List.of(
            "acme-corp.example", "mail.acme-corp.example", "globex.example", "initech.example")) {
      assertThat(Lookalikes.resembles(unrelated, "acme-corp.example")).as(unrelated).isFalse();
    }
  }

  @Test
  void aDisplayNameBorrowedFromAnInternalUserIsImpersonation() {
    List<CaseMessage> messages = new ArrayList<>(phish(2));
    // The real Dana Reyes appears in the case as the recipient of another message.
    messages.add(
        new CaseMessage(
            "other",
            Relation.SAME_SUBJECT,
            "archived",
            null,
            new Address("billing@vendor.example", null),
            new Address("billing@vendor.example", null),
            List.of(new Address("dana.reyes@acme-corp.example", "Dana Reyes")),
            RECEIVED.minusSeconds(3600),
            SUBJECT,
            "198.51.100.1",
            "inbound",
            0,
            false,
            "t"));

    List<Finding> findings =
        findings(data(messages, List.of(), List.of(), List.of(), List.of(), List.of()));

    assertThat(findings)
        .extracting(Finding::statement)
        .contains(
            "The sender shows the display name 'Dana Reyes', the name of internal user"
                + " dana.reyes@acme-corp.example, from the external address"
                + " dana.reyes@acme-c0rp.example");
  }

  @Test
  void membershipOfAPermittingGroupExplainsWhyTheMailGotThrough() {
    GroupMembership permitted =
        new GroupMembership("Permitted Senders", "dana.reyes@acme-c0rp.example", "permit", "t");

    List<Finding> findings =
        findings(data(phish(1), List.of(), List.of(), List.of(), List.of(), List.of(permitted)));

    assertThat(findings)
        .filteredOn(f -> f.rule().equals("group-membership"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.statement())
                  .startsWith("The sender is a member of the Permitted Senders group");
            });
  }

  @Test
  void anAttachmentHashSeenElsewhereIsCounted() {
    CaseAttachment page =
        new CaseAttachment(
            "Wire_Transfer_Details.pdf.html",
            "ab".repeat(32),
            5120L,
            "text/html",
            List.of("id-0"),
            12,
            null,
            "t");

    List<Finding> findings =
        findings(data(phish(1), List.of(), List.of(page), List.of(), List.of(), List.of()));

    assertThat(findings)
        .extracting(Finding::statement)
        .contains(
            "The attachment 'Wire_Transfer_Details.pdf.html' (SHA-256 abababababab…) was seen in 12 other messages");
  }

  @Test
  void theRecipientsReachedAreCountedWithTheirStatuses() {
    List<CaseMessage> messages = new ArrayList<>(phish(39));
    CaseMessage held =
        copy("id-held", Relation.LOCATED, IMPOSTOR, "cfo@acme-corp.example", SUBJECT, RECEIVED);
    messages.add(
        new CaseMessage(
            held.id(),
            held.relation(),
            "held",
            null,
            held.envelopeFrom(),
            held.headerFrom(),
            held.to(),
            held.received(),
            held.subject(),
            held.senderIp(),
            held.route(),
            2,
            true,
            "t"));

    List<Finding> findings =
        findings(data(messages, List.of(), List.of(), List.of(), List.of(), List.of()));

    assertThat(findings)
        .extracting(Finding::statement)
        .contains(
            "The message from dana.reyes@acme-c0rp.example ('Urgent wire transfer') reached 40"
                + " recipients: 39 archived, 1 held");
  }

  @Test
  void nothingFoundIsOnlySaidWhenMessageFinderActuallyRan() {
    CaseData empty = data(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    assertThat(findings(empty)).isEmpty();
    assertThat(findings(empty, Capability.LOCATE_MESSAGE_FINDER))
        .singleElement()
        .satisfies(
            f -> assertThat(f.statement()).startsWith("No message matched a Message-ID header"));
  }

  @Test
  void theBlastRadiusCountsOtherMessagesAndNewRecipients() {
    List<CaseMessage> messages = new ArrayList<>(phish(2));
    messages.add(
        copy(
            "s1",
            Relation.SAME_SENDER,
            IMPOSTOR,
            "user0@acme-corp.example",
            "Invoice",
            RECEIVED.minusSeconds(60)));
    messages.add(
        copy(
            "s2",
            Relation.SAME_SENDER,
            IMPOSTOR,
            "newbie@acme-corp.example",
            "Invoice",
            RECEIVED.minusSeconds(60)));

    List<Finding> findings =
        findings(data(messages, List.of(), List.of(), List.of(), List.of(), List.of()));

    assertThat(findings)
        .extracting(Finding::statement)
        .contains(
            "The same sender sent 1 other message to 1 recipient not among those of the"
                + " investigated message in the window");
  }

  @Test
  void anEmptyBlastRadiusIsReportedWhenItWasSearched() {
    List<Finding> findings =
        findings(
            data(phish(2), List.of(), List.of(), List.of(), List.of(), List.of()),
            Capability.BLAST_RADIUS_SENDER_SUBJECT);

    assertThat(findings)
        .extracting(Finding::statement)
        .contains("No other message from the same sender or with the same subject in the window");
  }

  @Test
  void aDecodedLinkOnTheSendersDomainIsPointedOut() {
    CaseUrl url =
        new CaseUrl(
            "https://login.acme-c0rp.example/wire",
            "https://protect-us.mimecast.com/s/abc",
            null,
            null,
            null,
            "t");

    List<Finding> findings =
        findings(data(phish(1), List.of(url), List.of(), List.of(), List.of(), List.of()));

    assertThat(findings)
        .filteredOn(f -> f.rule().equals("decoded-url"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(f.statement())
                  .isEqualTo(
                      "The rewritten link decodes to https://login.acme-c0rp.example/wire, a host in"
                          + " the sender's domain acme-c0rp.example");
            });
  }

  @Test
  void findingsAreRankedBySeverity() {
    HoldRelease hold =
        new HoldRelease(
            "id-0",
            "cfo@acme-corp.example",
            RECEIVED,
            "Spam",
            RECEIVED.plusSeconds(60),
            "admin@acme-corp.example",
            "t");

    List<Finding> findings =
        findings(data(phish(3), List.of(), List.of(), List.of(), List.of(hold), List.of()));

    assertThat(findings).extracting(Finding::rank).containsExactly(rangeTo(findings.size()));
    assertThat(findings).extracting(Finding::severity).isSortedAccordingTo(Enum::compareTo);
  }

  @Test
  void theTimelineListsEveryDatedEventOldestFirst() {
    HoldRelease hold =
        new HoldRelease(
            "id-0",
            "cfo@acme-corp.example",
            RECEIVED.plusSeconds(2),
            "Attachment Protection",
            RECEIVED.plusSeconds(2).plus(Duration.ofMinutes(47)),
            "admin@acme-corp.example",
            "t");
    Click click =
        new Click(
            "user1@acme-corp.example",
            "https://login.acme-c0rp.example/wire",
            RECEIVED.plusSeconds(600),
            "allow",
            "clean",
            true,
            "t");

    List<TimelineEvent> timeline =
        TimelineBuilder.build(
            data(phish(3), List.of(), List.of(), List.of(click), List.of(hold), List.of()));

    assertThat(timeline)
        .extracting(TimelineEvent::kind)
        .containsExactly("received", "held", "click", "released");
    assertThat(timeline.get(0).summary())
        .isEqualTo(
            "'Urgent wire transfer' from dana.reyes@acme-c0rp.example received for 3 recipients");
    assertThat(timeline.get(0).evidence()).hasSize(3);
  }

  private static Integer[] rangeTo(int n) {
    Integer[] ranks = new Integer[n];
    for (int i = 0; i < n; i++) {
      ranks[i] = i + 1;
    }
    return ranks;
  }

  @Test
  void aSenderDomainThatOnlyItsSenderUsedIsNotStatedTwice() {
    String sender = IMPOSTOR.address();
    List<String> both = List.of("sender:" + sender, "sender-domain:acme-c0rp.example");
    List<LocalEvent> rows =
        List.of(
            new LocalEvent(1, RECEIVED, "receipt", "rej", sender, null, null, null, null, both),
            new LocalEvent(2, RECEIVED, "receipt", "acc", sender, null, null, null, null, both));
    List<LocalEventHunt> hunts =
        List.of(
            new LocalEventHunt("sender", sender, "sender", 2, 2),
            new LocalEventHunt("domain", "acme-c0rp.example", "sender-domain", 2, 2));
    CaseData data =
        new CaseData(
            phish(1),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Set.of("acme-corp.example"),
            List.of(),
            List.of(),
            List.of(),
            hunts,
            rows);

    List<String> statements =
        findings(data).stream()
            .map(Finding::statement)
            .filter(s -> s.startsWith("The local event store"))
            .toList();

    assertThat(statements)
        .containsExactly(
            "The local event store holds 2 events for sender "
                + sender
                + ": 2 receipt (1 rejected)");
  }
}
