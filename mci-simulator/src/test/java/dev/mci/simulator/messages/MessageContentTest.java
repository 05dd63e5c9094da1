package dev.mci.simulator.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.simulator.TenantSize;
import dev.mci.simulator.tenant.AttachmentFile;
import dev.mci.simulator.tenant.ContentForm;
import dev.mci.simulator.tenant.DeliveredAttachment;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.MessageContent;
import dev.mci.simulator.tenant.Route;
import dev.mci.simulator.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The RFC 822 rendering and the content facts it is built from. */
class MessageContentTest {

  private static final Tenant TENANT =
      Tenant.generate(42, TenantSize.SMALL, Instant.parse("2025-06-01T12:00:00Z"));
  private static final Rfc822Renderer RENDERER = new Rfc822Renderer(TENANT);

  private static List<Message> archived() {
    return LongStream.range(0, TENANT.messageCount())
        .mapToObj(TENANT::message)
        .filter(m -> m.archiveId().isPresent())
        .toList();
  }

  @Test
  void everyKindOfHostileNameTravelsInTheTenant() {
    List<String> names = TENANT.attachments().stream().map(AttachmentFile::fileName).toList();
    assertThat(names)
        .anySatisfy(n -> assertThat(n).startsWith("../../../"))
        .anySatisfy(n -> assertThat(n).startsWith("C:\\Users\\"))
        .anySatisfy(n -> assertThat(n).contains("\u202E"))
        .anySatisfy(n -> assertThat(n).contains("\u001B").contains("\r\n"))
        .anySatisfy(n -> assertThat(n).matches("(?i)(CON|aux|NUL|LPT1|com3)\\..*"))
        .anySatisfy(n -> assertThat(n.length()).isGreaterThan(255))
        .anySatisfy(n -> assertThat(n).startsWith("-").endsWith(" . ."));
    assertThat(archived())
        .anySatisfy(
            m ->
                assertThat(m.attachments())
                    .anySatisfy(a -> assertThat(a.fileName()).contains("\u202E")));
  }

  @Test
  void theTenantHasDocumentsArchivesAndAnHtmlFile() {
    List<String> types =
        TENANT.attachments().stream().map(AttachmentFile::contentType).distinct().toList();
    assertThat(types).contains("application/pdf", "application/zip", "text/html");
  }

  @Test
  void aRenderingIsTheSameOnEveryCall() {
    Message message = TENANT.message(TENANT.scenario().messageIndex());
    assertThat(RENDERER.render(message, ContentForm.DELIVERED).bytes())
        .isEqualTo(new Rfc822Renderer(TENANT).render(message, ContentForm.DELIVERED).bytes());
  }

  @Test
  void theReceivedCopyHasTheRecordedSizeWheneverPaddingCanReachIt() {
    int checked = 0;
    for (Message message : archived().subList(0, 200)) {
      int size = RENDERER.render(message, ContentForm.RECEIVED).bytes().length;
      if (size <= message.sizeBytes()) {
        assertThat(size).isEqualTo(message.sizeBytes());
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(150);
  }

  @Test
  void inboundMailIsDeliveredWithABannerAndRewrittenUrlsOtherMailUnchanged() {
    Message inbound =
        archived().stream()
            .filter(m -> m.route() == Route.INBOUND && !m.urls().isEmpty())
            .findFirst()
            .orElseThrow();
    MessageContent content = TENANT.content(inbound);
    String delivered = RENDERER.render(inbound, ContentForm.DELIVERED).text();
    assertThat(delivered).startsWith(content.banner().orElseThrow());
    assertThat(delivered)
        .contains(inbound.urls().get(0).rewritten())
        .doesNotContain(inbound.urls().get(0).original());
    assertThat(TENANT.decodeUrl(inbound.urls().get(0).rewritten())).contains(inbound.urls().get(0));

    Message internal =
        archived().stream().filter(m -> m.route() == Route.INTERNAL).findFirst().orElseThrow();
    assertThat(RENDERER.render(internal, ContentForm.DELIVERED).text())
        .isEqualTo(RENDERER.render(internal, ContentForm.RECEIVED).text());
  }

  @Test
  void caughtAttachmentsAreReplacedByANoticeOrRemoved() {
    List<DeliveredAttachment> handled =
        archived().stream()
            .flatMap(m -> TENANT.content(m).deliveredAttachments().stream())
            .filter(d -> d.action() != DeliveredAttachment.Action.KEPT)
            .toList();
    assertThat(handled)
        .anySatisfy(d -> assertThat(d.action()).isEqualTo(DeliveredAttachment.Action.REMOVED))
        .anySatisfy(
            d -> {
              assertThat(d.action()).isEqualTo(DeliveredAttachment.Action.REPLACED);
              String notice =
                  new String(d.replacement().orElseThrow().content(), StandardCharsets.UTF_8);
              assertThat(notice).contains(d.original().sha256());
              assertThat(d.replacement().get().fileName()).startsWith(d.original().fileName());
            })
        .allSatisfy(d -> assertThat(d.original().malicious()).isTrue());
  }

  @Test
  void theScenarioRepliesGoElsewhereAndItsPageStaysAttached() {
    Message phish = TENANT.message(TENANT.scenario().messageIndex());
    MessageContent content = TENANT.content(phish);
    assertThat(content.replyTo().orElseThrow().domain()).isNotEqualTo(phish.headerFrom().domain());
    assertThat(content.attachments(ContentForm.DELIVERED))
        .containsExactly(TENANT.scenario().attachment());
  }

  @Test
  void filenamesThatAreNotPlainAsciiUseRfc2231() {
    assertThat(Rfc822Renderer.parameter("filename", "a b.pdf")).isEqualTo("filename=\"a b.pdf\"");
    assertThat(Rfc822Renderer.parameter("filename", "x\u202Eexe.pdf"))
        .isEqualTo("filename*=utf-8''x%E2%80%AEexe.pdf");
    assertThat(Rfc822Renderer.parameter("filename", "C:\\a\"b"))
        .startsWith("filename*=utf-8''C%3A%5Ca%22b");
  }

  @Test
  void fillerIsExactlyAsLongAsAsked() {
    for (long bytes : new long[] {0, 1, 2, 39, 40, 41, 77, 500, 12_345}) {
      assertThat(Rfc822Renderer.filler(bytes).getBytes(StandardCharsets.US_ASCII))
          .hasSize((int) bytes);
    }
  }
}
