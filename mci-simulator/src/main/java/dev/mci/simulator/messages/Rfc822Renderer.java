package dev.mci.simulator.messages;

import dev.mci.simulator.messages.RenderedMessage.HeaderField;
import dev.mci.simulator.tenant.AttachmentFile;
import dev.mci.simulator.tenant.AuthVerdict;
import dev.mci.simulator.tenant.ContentForm;
import dev.mci.simulator.tenant.Domain;
import dev.mci.simulator.tenant.Mailbox;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.MessageContent;
import dev.mci.simulator.tenant.Route;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.Transmission;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Renders a tenant message as RFC 822, as received or as delivered (reference 02 §3): trace headers
 * for each SMTP hop, {@code Authentication-Results} from the message's SPF/DKIM/DMARC results, a
 * {@code multipart/mixed} body with text and HTML alternatives and base64 attachments whose names
 * are RFC 2231-encoded when they are not plain ASCII. The received form is padded (a quoted earlier
 * thread at the end of the text part) to the message's recorded size when it is smaller.
 * Thread-safe.
 */
final class Rfc822Renderer {

  private static final String CRLF = "\r\n";
  private static final int MAX_LINE = 78;
  private static final String RELAY = "relay.mimecast.com";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MAILFILE =
      DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String FILLER_WORDS =
      "thanks for the update we will review the figures and come back to you before the end of"
          + " the week as agreed on the call with the team";

  private final Tenant tenant;

  Rfc822Renderer(Tenant tenant) {
    this.tenant = tenant;
  }

  /** The message in {@code form}. */
  RenderedMessage render(Message message, ContentForm form) {
    MessageContent content = tenant.content(message);
    RenderedMessage unpadded = build(message, content, ContentForm.RECEIVED, "");
    long missing = message.sizeBytes() - unpadded.bytes().length;
    String padding =
        missing > 0 && isPlain(content.text(ContentForm.RECEIVED)) ? filler(missing) : "";
    if (padding.isEmpty() && form == ContentForm.RECEIVED) {
      return unpadded;
    }
    return build(message, content, form, padding);
  }

  private RenderedMessage build(
      Message message, MessageContent content, ContentForm form, String padding) {
    Transmission transmission = content.transmission();
    String tag = Long.toHexString(message.index());
    String mixed = "=_mci_" + tag + "_mixed";
    String alternative = "=_mci_" + tag + "_alt";
    List<AttachmentFile> files = content.attachments(form);
    String text = crlf(content.text(form)) + padding;
    String html = crlf(content.html(form));

    List<HeaderField> headers = new ArrayList<>();
    if (form == ContentForm.DELIVERED) {
      headers.add(field("Return-Path", "<" + message.envelopeFrom().address() + ">"));
      headers.add(
          field(
              "Received",
              "from "
                  + transmission.deliveryServer()
                  + " ("
                  + transmission.deliveryServer()
                  + " ["
                  + transmission.deliveryIp()
                  + "]) by "
                  + transmission.nextHost()
                  + " with ESMTPS id "
                  + transmission.smtpId().replace("-mta-", "-dlv-")
                  + "; "
                  + date(transmission.deliveryEnd())));
    }
    headers.add(
        field(
            "Received",
            "from "
                + transmission.remoteHost()
                + " ("
                + transmission.remoteHost()
                + " ["
                + message.senderIp()
                + "]) by "
                + RELAY
                + (transmission.tls()
                    ? " with ESMTP with STARTTLS (version=TLSv1.3,"
                        + " cipher=TLS_AES_256_GCM_SHA384)"
                    : " with ESMTP")
                + " id "
                + transmission.smtpId()
                + "; "
                + date(transmission.receiptEnd())));
    headers.add(field("Received", originHop(message, transmission)));
    headers.add(field("Authentication-Results", authenticationResults(message)));
    headers.add(field("From", address(message.headerFrom())));
    headers.add(
        field("To", String.join(", ", message.recipients().stream().map(this::address).toList())));
    content.replyTo().ifPresent(replyTo -> headers.add(field("Reply-To", address(replyTo))));
    headers.add(field("Subject", encodeWord(message.subject())));
    headers.add(field("Date", date(message.sent())));
    headers.add(field("Message-ID", message.messageIdHeader()));
    headers.add(field("MIME-Version", "1.0"));
    if (message.route() == Route.INBOUND) {
      headers.add(field("X-Mimecast-Spam-Score", Integer.toString(message.spamScore())));
    }
    if (form == ContentForm.DELIVERED) {
      headers.add(
          field(
              "X-Mimecast-MFC-AGG-ID",
              tenant.account().accountCode() + "_" + Long.toHexString(message.index() * 31 + 7)));
      if (message.route() == Route.INBOUND) {
        headers.add(field("X-Mimecast-Impersonation-Protect", impersonation(message, content)));
      }
    }
    boolean hasFiles = !files.isEmpty();
    String topBoundary = hasFiles ? mixed : alternative;
    headers.add(
        field(
            "Content-Type",
            (hasFiles ? "multipart/mixed" : "multipart/alternative")
                + "; boundary=\""
                + topBoundary
                + "\""));

    List<Part> parts = new ArrayList<>();
    parts.add(textPart("text/plain", text));
    parts.add(textPart("text/html", html));
    List<Part> fileParts = new ArrayList<>();
    for (AttachmentFile file : files) {
      fileParts.add(filePart(file));
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder stub = new StringBuilder();
    for (HeaderField header : headers) {
      String line = fold(header.name(), header.value());
      write(out, line);
      stub.append(line);
    }
    write(out, CRLF);
    stub.append(CRLF);
    int mailfile = 0;
    String stamp = MAILFILE.format(message.received());
    if (hasFiles) {
      String open = "--" + mixed + CRLF;
      String nested =
          "Content-Type: multipart/alternative; boundary=\"" + alternative + "\"" + CRLF + CRLF;
      write(out, open + nested);
      stub.append(open).append(nested);
    }
    for (Part part : parts) {
      String open = "--" + alternative + CRLF;
      write(out, open + part.headers() + CRLF);
      out.writeBytes(part.body());
      write(out, CRLF);
      stub.append(open)
          .append(part.headers())
          .append(mailfileHeader(stamp, mailfile++))
          .append(CRLF)
          .append(CRLF);
    }
    write(out, "--" + alternative + "--" + CRLF);
    stub.append("--").append(alternative).append("--").append(CRLF);
    for (Part part : fileParts) {
      String open = "--" + mixed + CRLF;
      write(out, open + part.headers() + CRLF);
      out.writeBytes(part.body());
      write(out, CRLF);
      stub.append(open)
          .append(part.headers())
          .append(mailfileHeader(stamp, mailfile++))
          .append(CRLF)
          .append(CRLF);
    }
    if (hasFiles) {
      write(out, "--" + mixed + "--" + CRLF);
      stub.append("--").append(mixed).append("--").append(CRLF);
    }
    return new RenderedMessage(
        message, form, out.toByteArray(), headers, text, html, files, stub.toString());
  }

  private record Part(String headers, byte[] body) {}

  private static Part textPart(String type, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (isPlain(text)) {
      return new Part(
          "Content-Type: "
              + type
              + "; charset=\"utf-8\""
              + CRLF
              + "Content-Transfer-Encoding: 7bit"
              + CRLF,
          bytes);
    }
    return new Part(
        "Content-Type: "
            + type
            + "; charset=\"utf-8\""
            + CRLF
            + "Content-Transfer-Encoding: base64"
            + CRLF,
        base64(bytes));
  }

  private static Part filePart(AttachmentFile file) {
    String headers =
        "Content-Type: "
            + file.contentType()
            + ";"
            + CRLF
            + "\t"
            + parameter("name", file.fileName())
            + CRLF
            + "Content-Disposition: attachment;"
            + CRLF
            + "\t"
            + parameter("filename", file.fileName())
            + CRLF
            + "Content-Transfer-Encoding: base64"
            + CRLF;
    return new Part(headers, base64(file.content()));
  }

  /** {@code name="value"} when the value is plain ASCII, else RFC 2231 {@code name*=utf-8''..}. */
  static String parameter(String name, String value) {
    boolean plain = !value.isEmpty() && value.length() < 900;
    for (char c : value.toCharArray()) {
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\' || c == '%') {
        plain = false;
        break;
      }
    }
    if (plain) {
      return name + "=\"" + value + "\"";
    }
    StringBuilder encoded = new StringBuilder(name).append("*=utf-8''");
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        encoded.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return encoded.toString();
  }

  private String originHop(Message message, Transmission transmission) {
    long h = message.index() * 0x9E3779B97F4A7C15L;
    String clientIp =
        "10." + ((h >>> 8) & 0xFF) + "." + ((h >>> 16) & 0xFF) + "." + (1 + ((h >>> 24) & 0x7F));
    if (message.route() == Route.INBOUND) {
      return "from ["
          + clientIp
          + "] (unknown ["
          + clientIp
          + "]) by "
          + transmission.remoteHost()
          + " with ESMTPSA id "
          + Long.toHexString(h >>> 20).toUpperCase(Locale.ROOT)
          + "; "
          + date(message.sent());
    }
    return "from WS-"
        + ((h >>> 32) & 0xFFFF)
        + " (["
        + clientIp
        + "]) by "
        + transmission.remoteHost()
        + " with Microsoft SMTP Server id 15.2.1258.12; "
        + date(message.sent());
  }

  private static String authenticationResults(Message message) {
    String envelope = message.envelopeFrom().address();
    String fromDomain = message.headerFrom().domain();
    String ip = message.senderIp();
    AuthVerdict spf = message.authResults().spf();
    String spfComment =
        switch (spf) {
          case PASS -> "domain of " + envelope + " designates " + ip + " as permitted sender";
          case SOFTFAIL ->
              "domain of transitioning "
                  + envelope
                  + " does not designate "
                  + ip
                  + " as permitted sender";
          case FAIL ->
              "domain of " + envelope + " does not designate " + ip + " as permitted sender";
          case NEUTRAL -> ip + " is neither permitted nor denied by domain of " + envelope;
          case NONE -> "domain of " + envelope + " has no SPF policy when checking " + ip;
        };
    AuthVerdict dkim = message.authResults().dkim();
    AuthVerdict dmarc = message.authResults().dmarc();
    return RELAY
        + "; dkim="
        + dkim.wire()
        + (dkim == AuthVerdict.NONE ? "" : " header.d=" + fromDomain + " header.s=selector1")
        + "; dmarc="
        + dmarc.wire()
        + (dmarc == AuthVerdict.NONE ? "" : " (policy=quarantine) header.from=" + fromDomain)
        + "; spf="
        + spf.wire()
        + " ("
        + RELAY
        + ": "
        + spfComment
        + ") smtp.mailfrom="
        + envelope;
  }

  private String impersonation(Message message, MessageContent content) {
    String fromDomain = message.headerFrom().domain();
    boolean lookalike =
        tenant.domains().stream()
            .anyMatch(d -> d.kind() == Domain.Kind.LOOKALIKE && d.name().equals(fromDomain));
    boolean internalName =
        !tenant.isInternalDomain(fromDomain)
            && tenant.users().stream()
                .anyMatch(
                    u -> u.displayName().equalsIgnoreCase(message.headerFrom().displayName()));
    boolean replyMismatch =
        content.replyTo().map(r -> !r.domain().equals(fromDomain)).orElse(false);
    return "Policy=Default Impersonation Protect Definition;Similar Internal Domain="
        + lookalike
        + ";Similar Monitored External Domain=false;Custom External Domain=false;Mimecast"
        + " External Domain=false;Newly Observed Domain="
        + lookalike
        + ";Internal User Name="
        + internalName
        + ";Custom Display Name List=false;Reply-to Address Mismatch="
        + replyMismatch
        + ";Targeted Threat Dictionary=false;Mimecast Threat Dictionary=false;Custom Threat"
        + " Dictionary=false";
  }

  private String address(Mailbox mailbox) {
    if (mailbox.displayName().isEmpty()) {
      return mailbox.address();
    }
    String name = mailbox.displayName();
    String shown =
        isPlain(name)
            ? "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
            : encodeWord(name);
    return shown + " <" + mailbox.address() + ">";
  }

  /** RFC 2047 encoded word for non-ASCII header text; plain text is returned as is. */
  private static String encodeWord(String text) {
    if (isPlain(text)) {
      return text;
    }
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  /** Folds a header at spaces so lines stay near 78 characters; CRLF-terminated. */
  static String fold(String name, String value) {
    String line = name + ": " + value;
    if (line.length() <= MAX_LINE) {
      return line + CRLF;
    }
    StringBuilder folded = new StringBuilder();
    int start = 0;
    while (line.length() - start > MAX_LINE) {
      int cut = line.lastIndexOf(' ', start + MAX_LINE);
      if (cut <= start + name.length() + 1) {
        cut = line.indexOf(' ', start + MAX_LINE);
        if (cut < 0) {
          break;
        }
      }
      folded.append(line, start, cut).append(CRLF);
      start = cut;
    }
    folded.append(line, start, line.length()).append(CRLF);
    return folded.toString();
  }

  /** Exactly {@code bytes} bytes of ASCII, ending in CRLF: a quoted earlier message. */
  static String filler(long bytes) {
    StringBuilder out = new StringBuilder();
    if (bytes < 40) {
      // Too short for a quoted line: spaces, ending in CRLF when there is room for one.
      return bytes < 2 ? " ".repeat((int) Math.max(0, bytes)) : " ".repeat((int) bytes - 2) + CRLF;
    }
    out.append(CRLF).append("-----Original Message-----").append(CRLF);
    int word = 0;
    String[] words = FILLER_WORDS.split(" ");
    while (bytes - out.length() > 0) {
      long left = bytes - out.length();
      StringBuilder line = new StringBuilder(">");
      while (line.length() < 70) {
        line.append(' ').append(words[word++ % words.length]);
      }
      if (left <= line.length() + 2 + 8) {
        // The last line takes exactly what is left (at least ">" plus CRLF).
        int length = (int) left - 2;
        String last =
            length <= line.length()
                ? line.substring(0, length)
                : line + " ".repeat(length - line.length());
        out.append(last).append(CRLF);
        break;
      }
      out.append(line).append(CRLF);
    }
    return out.toString();
  }

  private static HeaderField field(String name, String value) {
    return new HeaderField(name, value);
  }

  private static String mailfileHeader(String stamp, int part) {
    return "x-mimecast-att: mailfile=\"1"
        + stamp
        + String.format(Locale.ROOT, "%02d", part)
        + "\""
        + CRLF;
  }

  private static String date(Instant instant) {
    return DATE.format(instant);
  }

  private static boolean isPlain(String text) {
    int column = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0x7E || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
        return false;
      }
      column = c == '\n' ? 0 : column + 1;
      if (column > 900) {
        return false;
      }
    }
    return true;
  }

  private static String crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", CRLF);
  }

  private static byte[] base64(byte[] bytes) {
    return Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII)).encode(bytes);
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
