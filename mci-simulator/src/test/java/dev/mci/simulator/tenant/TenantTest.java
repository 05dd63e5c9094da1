package dev.mci.simulator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.simulator.TenantSize;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:34:56.789Z");
  private static final Tenant TENANT = Tenant.generate(42, TenantSize.SMALL, NOW);

  @Test
  void sameSeedGivesTheSameTenant() {
    Tenant again = Tenant.generate(42, TenantSize.SMALL, NOW);

    assertThat(again.users()).isEqualTo(TENANT.users());
    assertThat(again.groups()).isEqualTo(TENANT.groups());
    assertThat(again.urls()).isEqualTo(TENANT.urls());
    assertThat(again.account()).isEqualTo(TENANT.account());
    assertThat(again.scenario()).isEqualTo(TENANT.scenario());
    for (long i = 0; i < TENANT.messageCount(); i += 97) {
      assertThat(again.message(i)).isEqualTo(TENANT.message(i));
    }
  }

  @Test
  void messageIsThePureFunctionOfItsIndex() {
    assertThat(TENANT.message(1234)).isEqualTo(TENANT.message(1234));
  }

  @Test
  void differentSeedGivesADifferentTenant() {
    Tenant other = Tenant.generate(43, TenantSize.SMALL, NOW);

    assertThat(other.users()).isNotEqualTo(TENANT.users());
    assertThat(other.message(10)).isNotEqualTo(TENANT.message(10));
    assertThat(other.account().accountCode()).isNotEqualTo(TENANT.account().accountCode());
  }

  @Test
  void sizesHaveTheDocumentedShape() {
    assertThat(TENANT.users()).hasSize(TenantSize.SMALL.userCount());
    assertThat(TENANT.messageCount()).isEqualTo(3_000);
    assertThat(TENANT.now()).isEqualTo(Instant.parse("2025-06-01T12:34:00Z"));
    assertThat(TENANT.messagesFrom()).isEqualTo(TENANT.now().minus(Duration.ofDays(90)));
    assertThat(TENANT.account().accountCode()).startsWith("CUSA");
    assertThat(TENANT.users().stream().map(User::address).distinct())
        .hasSize(TENANT.users().size());
  }

  @Test
  void messagesAreOrderedByTimeWithinTheHistory() {
    Instant previous = Instant.MIN;
    for (long i = 0; i < TENANT.messageCount(); i++) {
      Instant received = TENANT.receivedAt(i);
      assertThat(received).isAfter(previous).isBefore(TENANT.now());
      assertThat(received).isAfterOrEqualTo(TENANT.messagesFrom());
      assertThat(TENANT.message(i).received()).isEqualTo(received);
      previous = received;
    }
  }

  @Test
  void timeWindowMapsToTheMatchingIndexRange() {
    Instant from = TENANT.now().minus(Duration.ofDays(10)).plusSeconds(17);
    Instant to = TENANT.now().minus(Duration.ofDays(3));

    IndexRange range = TENANT.indexRange(from, to);

    long expected = 0;
    for (long i = 0; i < TENANT.messageCount(); i++) {
      Instant t = TENANT.receivedAt(i);
      if (!t.isBefore(from) && !t.isAfter(to)) {
        expected++;
        assertThat(i).isBetween(range.from(), range.to() - 1);
      }
    }
    assertThat(range.size()).isEqualTo(expected).isPositive();
    assertThat(TENANT.indexRange(to, from).isEmpty()).isTrue();
  }

  @Test
  void routesStatusesAndFeaturesAreAllRepresented() {
    List<Message> sample = TENANT.messages(new IndexRange(0, TENANT.messageCount())).toList();

    assertThat(sample).extracting(Message::route).contains(Route.values());
    assertThat(sample.stream().flatMap(m -> m.deliveries().stream()).map(Delivery::status))
        .contains(
            DeliveryStatus.ARCHIVED,
            DeliveryStatus.HELD,
            DeliveryStatus.REJECTED,
            DeliveryStatus.BOUNCED,
            DeliveryStatus.DEFERRED);
    assertThat(sample).anyMatch(Message::hasAttachments);
    assertThat(sample).anyMatch(m -> !m.urls().isEmpty());
    assertThat(sample).anyMatch(m -> m.deliveries().size() > 1);
    assertThat(sample)
        .filteredOn(m -> m.route() == Route.INBOUND)
        .allMatch(
            m -> m.urls().stream().allMatch(u -> TENANT.decodeUrl(u.rewritten()).isPresent()));
    assertThat(sample)
        .allMatch(
            m ->
                m.archiveId().isPresent()
                    == m.deliveries().get(0).status().equals(DeliveryStatus.ARCHIVED));
  }

  @Test
  void idsDecodeBackToTheirMessageAndFamily() {
    Message message = TENANT.message(777);
    Delivery copy = message.deliveries().get(0);

    Optional<MessageCopy> found = TENANT.messageCopy(copy.messageFinderId());

    assertThat(found).contains(new MessageCopy(message, copy));
    assertThat(TENANT.messageByHeaderId(message.messageIdHeader())).contains(message);
    assertThat(TENANT.messageByHeaderId(message.messageIdHeader().replaceAll("[<>]", "")))
        .contains(message);
    message
        .archiveId()
        .ifPresent(id -> assertThat(TENANT.messageByArchiveId(id)).contains(message));
  }

  @Test
  void idsOfAnotherFamilyOrSeedOrGarbledDoNotDecode() {
    String trackingId = TENANT.message(5).deliveries().get(0).messageFinderId();
    String archiveId = TENANT.scenario().archiveId();

    assertThat(TENANT.messageByArchiveId(trackingId)).isEmpty();
    assertThat(TENANT.messageCopy(archiveId)).isEmpty();
    assertThat(TENANT.messageCopy(trackingId.substring(0, trackingId.length() - 2))).isEmpty();
    assertThat(TENANT.messageCopy(trackingId.substring(0, 10) + "x" + trackingId.substring(11)))
        .isEmpty();
    assertThat(Tenant.generate(7, TenantSize.SMALL, NOW).messageCopy(trackingId)).isEmpty();
    assertThat(TENANT.messageCopy("not an id")).isEmpty();
  }

  @Test
  void rewrittenUrlsDecodeToTheOriginalAndNothingElseDoes() {
    MessageUrl url = TENANT.urls().get(17);

    assertThat(url.rewritten())
        .startsWith("https://protect-us.mimecast.com/s/")
        .endsWith("?domain=" + URI.create(url.original()).getHost());
    assertThat(TENANT.decodeUrl(url.rewritten())).contains(url);
    assertThat(TENANT.decodeUrl("https://protect-us.mimecast.com/s/AAAAAAAAAAAAAAA?domain=x"))
        .isEmpty();
    assertThat(TENANT.decodeUrl("https://example.com/s/whatever")).isEmpty();
    assertThat(TENANT.decodeUrl(url.original())).isEmpty();
  }

  @Test
  void attachmentHashIsTheSha256OfItsRegeneratedBytes() throws Exception {
    for (AttachmentFile file : TENANT.attachments().subList(0, 5)) {
      byte[] bytes = file.content();
      assertThat((long) bytes.length).isEqualTo(file.size());
      assertThat(file.sha256())
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
      assertThat(file.content()).isEqualTo(bytes);
    }
  }

  @Test
  void scenarioIsPlantedTwoDaysAgo() {
    PhishingScenario s = TENANT.scenario();
    Message message = TENANT.message(s.messageIndex());
    User ceo = TENANT.users().get(0);

    assertThat(message.scenario()).isTrue();
    assertThat(s.received())
        .isBetween(TENANT.now().minus(Duration.ofDays(3)), TENANT.now().minus(Duration.ofDays(2)));
    assertThat(s.impersonated()).isEqualTo(ceo);
    assertThat(s.sender().displayName()).isEqualTo(ceo.displayName());
    assertThat(TENANT.isInternalDomain(s.senderDomain())).isFalse();
    assertThat(TENANT.domains())
        .filteredOn(d -> d.name().equals(s.senderDomain()))
        .singleElement()
        .extracting(Domain::kind)
        .isEqualTo(Domain.Kind.LOOKALIKE);
    assertThat(s.sender().domain()).isEqualTo(s.senderDomain());
    assertThat(s.recipients()).hasSize(40).doesNotContain(ceo.mailbox());
    assertThat(s.messageFinderIds()).hasSize(40).doesNotHaveDuplicates();
    assertThat(message.messageIdHeader()).isEqualTo(s.messageIdHeader());
    assertThat(message.archiveId()).contains(s.archiveId());
    assertThat(message.urls()).containsExactly(s.maliciousUrl());
    assertThat(s.maliciousUrl().malicious()).isTrue();
    assertThat(TENANT.decodeUrl(s.maliciousUrl().rewritten())).contains(s.maliciousUrl());
    assertThat(message.attachments()).containsExactly(s.attachment());
    assertThat(s.attachmentName()).endsWith(".pdf.html");
    assertThat(s.attachmentSha256()).hasSize(64);
    assertThat(message.senderIp()).isEqualTo(s.sendingIp());
  }

  @Test
  void scenarioHeldCopyWasReleasedByAnAdministrator() {
    PhishingScenario s = TENANT.scenario();
    Message message = TENANT.message(s.messageIndex());

    List<Delivery> held = message.deliveries().stream().filter(d -> d.hold().isPresent()).toList();

    assertThat(held)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.recipient()).isEqualTo(s.heldRecipient());
              assertThat(d.hold().get().released()).isTrue();
              assertThat(d.hold().get().releasedBy()).contains(s.releasedBy());
              assertThat(d.hold().get().releasedAt()).contains(s.releasedAt());
            });
    assertThat(TENANT.user(s.releasedBy())).map(User::department).contains("IT");
    Group vip =
        TENANT.groups().stream()
            .filter(g -> g.description().equals("VIP Protection"))
            .findFirst()
            .orElseThrow();
    assertThat(vip.members())
        .extracting(GroupMember::emailAddress)
        .contains(s.heldRecipient().address());
  }

  @Test
  void scenarioUrlIsUniqueToThePlantedMessageAndItsAttachmentToTheCampaign() {
    PhishingScenario s = TENANT.scenario();

    List<Message> carryingUrl =
        TENANT
            .messages(new IndexRange(0, TENANT.messageCount()))
            .filter(m -> m.urls().contains(s.maliciousUrl()))
            .toList();
    List<Long> carryingFile =
        TENANT
            .messages(new IndexRange(0, TENANT.messageCount()))
            .filter(
                m ->
                    m.attachments().stream().anyMatch(a -> a.sha256().equals(s.attachmentSha256())))
            .map(Message::index)
            .toList();

    assertThat(carryingUrl).singleElement().extracting(Message::index).isEqualTo(s.messageIndex());
    List<Long> campaign = new java.util.ArrayList<>();
    s.earlierWave().forEach(m -> campaign.add(m.index()));
    campaign.add(s.messageIndex());
    assertThat(carryingFile).containsExactlyElementsOf(campaign);
  }

  @Test
  void groupsAreNestedAndIncludeWholeDomainEntries() {
    Group permitted =
        TENANT.groups().stream()
            .filter(g -> g.description().equals("Permitted Senders"))
            .findFirst()
            .orElseThrow();
    Group vip =
        TENANT.groups().stream()
            .filter(g -> g.description().equals("VIP Protection"))
            .findFirst()
            .orElseThrow();
    Group executives = TENANT.group(vip.parentId().orElseThrow()).orElseThrow();

    assertThat(permitted.members()).anyMatch(GroupMember::wholeDomain);
    assertThat(permitted.members()).anyMatch(m -> !m.wholeDomain());
    assertThat(executives.description()).isEqualTo("Executives");
    assertThat(executives.parentId()).isPresent();
    assertThat(TENANT.groups())
        .extracting(Group::source)
        .contains(Group.Source.CLOUD, Group.Source.LDAP);
    assertThat(TENANT.group(permitted.id())).contains(permitted);
  }
}
