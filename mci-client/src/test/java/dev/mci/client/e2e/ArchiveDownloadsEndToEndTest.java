package dev.mci.client.e2e;

import static dev.mci.client.e2e.SimulatedTenant.Generation.API_1_HMAC;
import static dev.mci.client.e2e.SimulatedTenant.Generation.API_2_OAUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.Download;
import dev.mci.client.DownloadUrlExpiredException;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.NotFoundException;
import dev.mci.client.evidence.EvidenceWriter;
import dev.mci.client.evidence.MessageChanges;
import dev.mci.client.evidence.MessageDiff;
import dev.mci.client.evidence.MessageReader;
import dev.mci.client.evidence.ParsedMessage;
import dev.mci.client.evidence.SavedEvidence;
import dev.mci.client.messages.MessageContext;
import dev.mci.client.messages.MessageDetail;
import dev.mci.client.messages.PartType;
import dev.mci.client.urls.DecodedUrl;
import dev.mci.simulator.RecordedRequest;
import dev.mci.simulator.messages.SyntheticFiles;
import dev.mci.simulator.tenant.DeliveredAttachment;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.MessageUrl;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.simulator.tenant.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * get-message-part and get-file end to end: API 1.0 byte streams and API 2.0 pre-signed URLs, the
 * expired URL, evidence written with its hash, and the received/delivered comparison.
 */
class ArchiveDownloadsEndToEndTest {
  private static final String PART = "/api/archive/get-message-part";
  private static final String FILE = "/api/archive/get-file";

  private final SimulatedTenant tenant = new SimulatedTenant();
  private final Tenant world = tenant.server.tenant();
  private final PhishingScenario phish = world.scenario();

  @TempDir Path folder;

  @AfterEach
  void stop() {
    tenant.close();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private String cfo() {
    return phish.heldRecipient().address();
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void theReceivedPhishParsesWithItsHeadersUrlsAndAttachmentHash(
      SimulatedTenant.Generation generation) {
    ParsedMessage message;
    try (MimecastClient client = tenant.client(generation)) {
      message =
          MessageReader.read(
              client
                  .messages()
                  .part(phish.archiveId(), PartType.RFC822, MessageContext.RECEIVED, null));
    }
    assertThat(message.subject()).isEqualTo(phish.subject());
    assertThat(message.messageId()).isEqualTo(phish.messageIdHeader());
    assertThat(message.from())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.emailAddress()).isEqualTo(phish.sender().address());
              assertThat(f.displayableName()).isEqualTo(phish.sender().displayName());
            });
    assertThat(message.replyToMismatch()).get().asString().contains("another domain");
    assertThat(message.received()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(message.received().get(0).fromIp()).isEqualTo(phish.sendingIp());
    assertThat(message.received().get(0).by()).isEqualTo("relay.mimecast.com");
    assertThat(message.received().get(0).time()).isEqualTo(phish.received());
    assertThat(message.authenticationResults())
        .singleElement()
        .satisfies(a -> assertThat(a.result("spf")).contains("pass"));
    assertThat(message.distinctUrls()).contains(phish.maliciousUrl().original());
    assertThat(message.attachments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.fileName()).isEqualTo(phish.attachmentName());
              assertThat(a.sha256()).isEqualTo(phish.attachmentSha256());
            });
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void theDeliveredCopyShowsRewrittenUrlsThatDecodeToTheOriginalsAndABanner(
      SimulatedTenant.Generation generation) {
    MessageChanges changes;
    List<DecodedUrl> decoded;
    try (MimecastClient client = tenant.client(generation)) {
      changes = MessageDiff.fetch(client.messages(), phish.archiveId(), cfo());
      decoded =
          client
              .urls()
              .decode(
                  changes.rewrittenUrls().stream()
                      .map(MessageChanges.UrlChange::delivered)
                      .toList());
    }
    assertThat(changes.rewrittenUrls())
        .extracting(MessageChanges.UrlChange::original)
        .containsExactlyInAnyOrderElementsOf(
            phish.urls().stream().map(MessageUrl::original).toList());
    assertThat(changes.rewrittenUrls())
        .extracting(MessageChanges.UrlChange::delivered)
        .containsExactlyInAnyOrderElementsOf(
            phish.urls().stream().map(MessageUrl::rewritten).toList());
    for (int i = 0; i < decoded.size(); i++) {
      assertThat(decoded.get(i).url()).contains(changes.rewrittenUrls().get(i).original());
    }
    assertThat(changes.addedText()).anySatisfy(line -> assertThat(line).startsWith("[EXTERNAL]"));
    assertThat(changes.removedText()).isEmpty();
    assertThat(changes.attachments()).isEmpty();
    assertThat(changes.addedHeaders())
        .extracting(ParsedMessage.Header::name)
        .contains("Return-Path", "Received", "X-Mimecast-Impersonation-Protect");
  }

  @Test
  void aCaughtAttachmentIsReportedReplacedOrRemovedInTheDeliveredCopy() {
    Message caught =
        LongStream.range(0, world.messageCount())
            .mapToObj(world::message)
            .filter(m -> m.archiveId().isPresent())
            .filter(
                m ->
                    world.content(m).deliveredAttachments().stream()
                        .anyMatch(d -> d.action() != DeliveredAttachment.Action.KEPT))
            .findFirst()
            .orElseThrow();
    MessageChanges changes;
    try (MimecastClient client = tenant.client(API_1_HMAC)) {
      changes = MessageDiff.fetch(client.messages(), caught.archiveId().orElseThrow(), null);
    }
    List<DeliveredAttachment> handled =
        world.content(caught).deliveredAttachments().stream()
            .filter(d -> d.action() != DeliveredAttachment.Action.KEPT)
            .toList();
    assertThat(changes.attachments()).hasSameSizeAs(handled);
    for (DeliveredAttachment d : handled) {
      assertThat(changes.attachments())
          .anySatisfy(
              change -> {
                assertThat(change.action().name()).isEqualTo(d.action().name());
                assertThat(change.received().sha256()).isEqualTo(d.original().sha256());
              });
    }
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void anAttachmentIsSavedAsEvidenceWhoseProvenanceHashIsTheHashOnDisk(
      SimulatedTenant.Generation generation) throws IOException {
    MessageDetail detail;
    SavedEvidence saved;
    try (MimecastClient client = tenant.client(generation)) {
      detail = client.messages().detail(phish.archiveId(), MessageContext.RECEIVED);
      MessageDetail.Attachment attachment = detail.attachments().get(0);
      saved =
          EvidenceWriter.into(folder)
              .clock(tenant.clock)
              .save(
                  client.messages().file(attachment.id()),
                  "attachment.bin",
                  Map.of("id", attachment.id()));
    }
    byte[] onDisk = Files.readAllBytes(saved.file());
    assertThat(sha256(onDisk)).isEqualTo(saved.sha256()).isEqualTo(phish.attachmentSha256());
    assertThat(detail.attachments().get(0).sha256()).isEqualTo(phish.attachmentSha256());
    assertThat(saved.name()).isEqualTo(phish.attachmentName());
    String provenance = Files.readString(saved.provenanceFile());
    assertThat(provenance)
        .contains("\"sha256\" : \"" + sha256(onDisk) + "\"")
        .contains("\"endpoint\" : \"" + FILE)
        .contains("\"size\" : " + onDisk.length);
    List<RecordedRequest> calls = tenant.server.requests().all();
    assertThat(provenance)
        .contains(
            calls.stream()
                .filter(r -> r.path().equals(FILE))
                .findFirst()
                .orElseThrow()
                .requestId()
                .orElseThrow());
  }

  @Test
  void anExpiredDownloadUrlIsRefusedWithAnExplanation() {
    try (MimecastClient client = tenant.client(API_2_OAUTH)) {
      // Move the shared clock past the URL's lifetime between the API call and the GET.
      MimecastClient slow =
          tenant
              .builder(API_2_OAUTH)
              .callListener(
                  record -> {
                    if (record.endpoint().equals(FILE)) {
                      tenant.clock.advance(Duration.ofMinutes(16));
                    }
                  })
              .build();
      try (slow) {
        assertThatThrownBy(() -> slow.messages().file(attachmentId(client)).close())
            .isInstanceOf(DownloadUrlExpiredException.class)
            .hasMessageContaining("expired");
      }
    }
  }

  private String attachmentId(MimecastClient client) {
    return client
        .messages()
        .detail(phish.archiveId(), MessageContext.RECEIVED)
        .attachments()
        .get(0)
        .id();
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void aSyntheticLargeFileStreamsWithTheRightHash(SimulatedTenant.Generation generation)
      throws IOException {
    long size = 3L * 1024 * 1024 + 17;
    SavedEvidence saved;
    try (MimecastClient client = tenant.client(generation)) {
      saved =
          EvidenceWriter.into(folder)
              .save(client.messages().file(SyntheticFiles.id(world, size)), "bulk.bin", Map.of());
    }
    assertThat(saved.size()).isEqualTo(size);
    assertThat(saved.sha256()).isEqualTo(sha256(SyntheticFiles.content(world, size)));
    assertThat(Files.size(saved.file())).isEqualTo(size);
  }

  @Test
  void aDeliveredPartWithoutAMailboxIsRefusedBeforeAnyCall() {
    try (MimecastClient client = tenant.client(API_1_HMAC)) {
      assertThatThrownBy(
              () ->
                  client
                      .messages()
                      .part(phish.archiveId(), PartType.HTML, MessageContext.DELIVERED, null))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("mailbox");
    }
    assertThat(tenant.server.requests().all()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void anUnknownIdIsNotFoundWithMimecastsErrorCode(SimulatedTenant.Generation generation) {
    String unknown = phish.messageFinderIds().get(0);
    try (MimecastClient client = tenant.client(generation)) {
      assertThatThrownBy(() -> client.messages().file(unknown))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("xdk_failure")
          .hasMessageContaining(unknown);
      assertThatThrownBy(
              () ->
                  client
                      .messages()
                      .part("eNoBogusBogusBogus", PartType.PLAIN, MessageContext.RECEIVED, null))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("0007 Invalid token");
    }
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void htmlAndPlainPartsAreTheBodiesOfTheRfc822(SimulatedTenant.Generation generation)
      throws IOException {
    try (MimecastClient client = tenant.client(generation)) {
      ParsedMessage whole =
          MessageReader.read(
              client
                  .messages()
                  .part(phish.archiveId(), PartType.RFC822, MessageContext.DELIVERED, cfo()));
      String html;
      String plain;
      try (Download part =
          client
              .messages()
              .part(phish.archiveId(), PartType.HTML, MessageContext.DELIVERED, cfo())) {
        html = new String(part.body().readAllBytes(), StandardCharsets.UTF_8);
      }
      try (Download part =
          client
              .messages()
              .part(phish.archiveId(), PartType.PLAIN, MessageContext.DELIVERED, cfo())) {
        plain = new String(part.body().readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(html).isEqualTo(whole.htmlBody());
      assertThat(plain).isEqualTo(whole.textBody());
    }
  }
}
