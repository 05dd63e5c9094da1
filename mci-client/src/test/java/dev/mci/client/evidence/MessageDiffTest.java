package dev.mci.client.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.client.evidence.MessageChanges.AttachmentAction;
import dev.mci.client.evidence.MessageChanges.UrlChange;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MessageDiffTest {

  private static String message(String extraHeader, String body, String... attachments) {
    StringBuilder text = new StringBuilder();
    text.append(extraHeader)
        .append("From: a@sender.example\r\nSubject: s\r\nMIME-Version: 1.0\r\n")
        .append("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n")
        .append("Content-Type: text/plain\r\n\r\n")
        .append(body)
        .append("\r\n");
    for (String attachment : attachments) {
      String[] parts = attachment.split("=", 2);
      text.append("--b\r\nContent-Type: application/octet-stream\r\n")
          .append("Content-Disposition: attachment; filename=\"")
          .append(parts[0])
          .append("\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
          .append(Base64.getEncoder().encodeToString(parts[1].getBytes(StandardCharsets.UTF_8)))
          .append("\r\n");
    }
    text.append("--b--\r\n");
    return text.toString();
  }

  private static ParsedMessage parse(String text) {
    return MessageReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void pairsRewrittenUrlsWithTheirOriginalsAroundUnchangedOnes() {
    ParsedMessage received =
        parse(
            message(
                "",
                "one https://a.example/1\r\nkeep https://same.example/\r\ntwo https://b.example/2"));
    ParsedMessage delivered =
        parse(
            message(
                "",
                "one https://protect-us.mimecast.com/s/AAA\r\nkeep https://same.example/\r\n"
                    + "two https://protect-us.mimecast.com/s/BBB"));
    MessageChanges changes = MessageDiff.compare(received, delivered);
    assertThat(changes.rewrittenUrls())
        .extracting(UrlChange::original, UrlChange::delivered)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "https://a.example/1", "https://protect-us.mimecast.com/s/AAA"),
            org.assertj.core.groups.Tuple.tuple(
                "https://b.example/2", "https://protect-us.mimecast.com/s/BBB"));
    assertThat(changes.addedText()).isEmpty();
    assertThat(changes.removedText()).isEmpty();
  }

  @Test
  void aBannerIsAddedTextAndAnAddedHeaderIsListed() {
    ParsedMessage received = parse(message("", "Hello\r\nBye"));
    ParsedMessage delivered =
        parse(message("X-Mimecast-Spam-Score: 2\r\n", "[EXTERNAL] careful\r\n\r\nHello\r\nBye"));
    MessageChanges changes = MessageDiff.compare(received, delivered);
    assertThat(changes.addedText()).containsExactly("[EXTERNAL] careful");
    assertThat(changes.addedHeaders())
        .extracting(ParsedMessage.Header::name)
        .containsExactly("X-Mimecast-Spam-Score");
    assertThat(changes.removedHeaders()).isEmpty();
    assertThat(changes.contentUnchanged()).isFalse();
  }

  @Test
  void aNoticeNamedAfterTheOriginalIsAReplacementAndAMissingFileIsRemoved() {
    ParsedMessage received =
        parse(message("", "x", "keep.pdf=same", "bad.xlsm=macro", "scan.zip=zip"));
    ParsedMessage delivered = parse(message("", "x", "keep.pdf=same", "bad.xlsm.txt=notice"));
    MessageChanges changes = MessageDiff.compare(received, delivered);
    assertThat(changes.attachments())
        .extracting(
            c -> c.action(),
            c -> c.received().fileName(),
            c -> c.delivered() == null ? null : c.delivered().fileName())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                AttachmentAction.REPLACED, "bad.xlsm", "bad.xlsm.txt"),
            org.assertj.core.groups.Tuple.tuple(AttachmentAction.REMOVED, "scan.zip", null));
  }

  @Test
  void oneFileSwappedForAnotherIsAReplacement() {
    ParsedMessage received = parse(message("", "x", "invoice.doc=macro"));
    ParsedMessage delivered = parse(message("", "x", "notice.txt=removed"));
    assertThat(MessageDiff.compare(received, delivered).attachments())
        .singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo(AttachmentAction.REPLACED));
  }

  @Test
  void aFileOnlyTheDeliveredCopyHasIsAdded() {
    ParsedMessage received = parse(message("", "x", "a.pdf=1"));
    ParsedMessage delivered = parse(message("", "x", "a.pdf=1", "disclaimer.txt=legal"));
    assertThat(MessageDiff.compare(received, delivered).attachments())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.action()).isEqualTo(AttachmentAction.ADDED);
              assertThat(c.delivered().fileName()).isEqualTo("disclaimer.txt");
              assertThat(c.received()).isNull();
            });
  }

  @Test
  void identicalCopiesHaveNoChanges() {
    ParsedMessage copy = parse(message("", "same https://x.example/", "a.pdf=1"));
    MessageChanges changes = MessageDiff.compare(copy, copy);
    assertThat(changes.contentUnchanged()).isTrue();
    assertThat(changes.addedHeaders()).isEmpty();
  }
}
