package dev.mci.client.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.client.evidence.ParsedMessage.BodyUrl;
import dev.mci.client.evidence.ParsedMessage.ReceivedHop;
import dev.mci.client.evidence.ParsedMessage.UrlSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MessageReaderTest {

  private static final byte[] PAYLOAD =
      "var a = 'not really a dropper';\n".getBytes(StandardCharsets.US_ASCII);

  /** A hostile-looking message written by hand, CRLF line ends. */
  private static final String MESSAGE =
      String.join(
          "\r\n",
          "Received: from mx.example.net (mx.example.net [192.0.2.7]) by relay.mimecast.com",
          " with ESMTPS id us-mta-1-abc-1; Tue, 3 Jun 2025 10:15:30 +0000",
          "Received: from [10.0.0.5] (unknown [IPv6:2001:db8::1]) by mx.example.net with",
          " ESMTPSA id 4F2A; Tue, 3 Jun 2025 10:15:25 +0000 (UTC)",
          "Received: by 2002:a05:6000:1:0:0:0:0 with SMTP id q1; Tue, 3 Jun 2025 10:15:20 -0700",
          "Authentication-Results: relay.mimecast.com;",
          "\tdkim=fail (bad signature) header.d=example.net header.s=s1;",
          "\tdmarc=fail (policy=reject) header.from=example.net;",
          "\tspf=softfail (relay.mimecast.com: domain of transitioning b@example.net does not",
          " designate 192.0.2.7 as permitted sender) smtp.mailfrom=b@example.net",
          "From: =?UTF-8?B?QmlsbGluZyDDiXF1aXBl?= <billing@example.net>",
          "Reply-To: \"Billing\" <collect@payme-now.example>",
          "To: Dana <dana@acme.example>, team: a@acme.example, b@acme.example;",
          "Subject: =?UTF-8?Q?Facture_impay=C3=A9e?=",
          "Message-ID: <x1@example.net>",
          "Date: Tue, 3 Jun 2025 10:15:00 +0000",
          "MIME-Version: 1.0",
          "Content-Type: multipart/mixed; boundary=\"outer\"",
          "",
          "--outer",
          "Content-Type: multipart/alternative; boundary=\"inner\"",
          "",
          "--inner",
          "Content-Type: text/plain; charset=utf-8",
          "Content-Transfer-Encoding: quoted-printable",
          "",
          "Pay here: https://pay.example.net/inv?id=3D1&x=3Dy. Or www.example.org/help,",
          "thanks =E2=80=93 billing",
          "--inner",
          "Content-Type: text/html; charset=utf-8",
          "",
          "<html><body><p>Pay <a href=\"https://pay.example.net/inv?id=1&amp;x=y\">here</a>.</p>",
          "<form action=\"https://collect.example.net/post\"><input name=p></form>",
          "<img src=\"https://track.example.net/pixel.gif\" width=1>",
          "<p>Visit https://visible.example.net/page now</p>",
          "<a href=\"mailto:x@example.net\">mail</a></body></html>",
          "--inner--",
          "--outer",
          "Content-Type: application/javascript; name=\"ignored.js\"",
          "Content-Disposition: attachment;",
          "\tfilename*=utf-8''..%2F..%2Finvoice%E2%80%AEfdp.js",
          "Content-Transfer-Encoding: base64",
          "",
          Base64.getMimeEncoder().encodeToString(PAYLOAD),
          "--outer",
          "Content-Type: image/png",
          "Content-ID: <logo@x>",
          "Content-Disposition: inline",
          "Content-Transfer-Encoding: base64",
          "",
          "iVBORw0KGgo=",
          "--outer--",
          "");

  private static ParsedMessage parse(String text) {
    return MessageReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsSendersAndDecodesEncodedWords() {
    ParsedMessage message = parse(MESSAGE);
    assertThat(message.subject()).isEqualTo("Facture impayée");
    assertThat(message.messageId()).isEqualTo("<x1@example.net>");
    assertThat(message.from())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.emailAddress()).isEqualTo("billing@example.net");
              assertThat(f.displayableName()).isEqualTo("Billing Équipe");
            });
    assertThat(message.to())
        .extracting(a -> a.emailAddress())
        .containsExactly("dana@acme.example", "a@acme.example", "b@acme.example");
  }

  @Test
  void flagsAReplyToOnAnotherDomain() {
    assertThat(parse(MESSAGE).replyToMismatch())
        .get()
        .asString()
        .contains("collect@payme-now.example")
        .contains("billing@example.net")
        .contains("another domain");
  }

  @Test
  void aReplyToThatMatchesFromIsNoMismatch() {
    String same = MESSAGE.replace("\"Billing\" <collect@payme-now.example>", "billing@example.net");
    assertThat(parse(same).replyToMismatch()).isEmpty();
  }

  @Test
  void readsTheReceivedChainNewestFirst() {
    ParsedMessage message = parse(MESSAGE);
    assertThat(message.received()).hasSize(3);
    ReceivedHop top = message.received().get(0);
    assertThat(top.from()).isEqualTo("mx.example.net");
    assertThat(top.fromIp()).isEqualTo("192.0.2.7");
    assertThat(top.by()).isEqualTo("relay.mimecast.com");
    assertThat(top.with()).isEqualTo("ESMTPS");
    assertThat(top.id()).isEqualTo("us-mta-1-abc-1");
    assertThat(top.time()).isEqualTo(Instant.parse("2025-06-03T10:15:30Z"));
    assertThat(message.received().get(1).fromIp()).isEqualTo("2001:db8::1");
    assertThat(message.received().get(1).time()).isEqualTo(Instant.parse("2025-06-03T10:15:25Z"));
    assertThat(message.received().get(2).from()).isNull();
    assertThat(message.received().get(2).time()).isEqualTo(Instant.parse("2025-06-03T17:15:20Z"));
  }

  @Test
  void readsAuthenticationResultsWithCommentsAndProperties() {
    ParsedMessage.AuthenticationResults results = parse(MESSAGE).authenticationResults().get(0);
    assertThat(results.server()).isEqualTo("relay.mimecast.com");
    assertThat(results.checks())
        .extracting(ParsedMessage.Check::method)
        .containsExactly("dkim", "dmarc", "spf");
    assertThat(results.result("spf")).contains("softfail");
    ParsedMessage.Check spf = results.checks().get(2);
    assertThat(spf.comment()).contains("does not designate 192.0.2.7");
    assertThat(spf.properties()).containsEntry("smtp.mailfrom", "b@example.net");
    assertThat(results.checks().get(0).properties()).containsEntry("header.d", "example.net");
  }

  @Test
  void findsUrlsInTextAndHtmlWithWhereTheyWere() {
    ParsedMessage message = parse(MESSAGE);
    assertThat(message.urls())
        .contains(
            new BodyUrl("https://pay.example.net/inv?id=1&x=y", UrlSource.TEXT, null),
            new BodyUrl("www.example.org/help", UrlSource.TEXT, null),
            new BodyUrl("https://pay.example.net/inv?id=1&x=y", UrlSource.HTML_LINK, "here"),
            new BodyUrl("https://collect.example.net/post", UrlSource.HTML_FORM, null),
            new BodyUrl("https://track.example.net/pixel.gif", UrlSource.HTML_RESOURCE, null),
            new BodyUrl("https://visible.example.net/page", UrlSource.HTML_TEXT, null));
    assertThat(message.distinctUrls()).doesNotContain("mailto:x@example.net").hasSize(5);
    assertThat(message.textBody()).contains("thanks – billing");
  }

  @Test
  void hashesAttachmentsAndKeepsTheirHostileNamesAsData() throws Exception {
    ParsedMessage message = parse(MESSAGE);
    assertThat(message.attachments()).hasSize(2);
    ParsedMessage.Attachment script = message.attachments().get(0);
    assertThat(script.fileName()).isEqualTo("../../invoice\u202Efdp.js");
    assertThat(script.size()).isEqualTo(PAYLOAD.length);
    assertThat(script.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PAYLOAD)));
    ParsedMessage.Attachment logo = message.attachments().get(1);
    assertThat(logo.inline()).isTrue();
    assertThat(logo.contentId()).isEqualTo("<logo@x>");
    assertThat(logo.fileName()).isNull();
  }

  @Test
  void aMessageWithoutMimeStructureIsItsOwnTextBody() {
    ParsedMessage message =
        parse("From: a@b.example\r\nSubject: hi\r\n\r\nsee http://x.example/a\r\n");
    assertThat(message.textBody()).startsWith("see http://x.example/a");
    assertThat(message.distinctUrls()).containsExactly("http://x.example/a");
    assertThat(message.attachments()).isEmpty();
  }

  @Test
  void garbageStillGivesWhatCanBeRead() {
    ParsedMessage message = parse("this is not\r\nan e-mail at all\r\n");
    assertThat(message.attachments()).isEmpty();
    assertThat(message.from()).isEmpty();
  }
}
