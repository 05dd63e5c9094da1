package dev.mci.store.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.events.AuditEvent;
import dev.mci.client.events.SiemEvent;
import dev.mci.store.StoredEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rows and fingerprints from events of every spelling; the fast path equals the tree path. */
class EventRowsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The receipt example of reference 05 §5.4. */
  private static final String RECEIPT =
      "{\"_offset\":101,\"_partition\":7,\"accountId\":\"CUSA1A23\",\"action\":\"Acc\","
          + "\"aggregateId\":\"Wm3qS0c8Tn2pYt4r9LkQZa_1741079561\",\"direction\":\"Inbound\","
          + "\"messageId\":\"<a1b2c3@mail.vendor.example>\",\"numberAttachments\":\"1\","
          + "\"processingId\":\"b7Hc2LqQ9mZxNfVd3RkT0uWs5YeIoPa1gJnX8cE4hUs_1741079561\","
          + "\"receiptErrors\":null,\"recipients\":\"J.Doe@corp.example\",\"rejectionCode\":null,"
          + "\"senderEnvelope\":\"bounce@mailer.vendor.example\","
          + "\"senderHeader\":\"billing@vendor.example\",\"senderIp\":\"198.51.100.23\","
          + "\"spamScore\":\"3\",\"subject\":\"Invoice 4471 overdue\",\"subtype\":\"Acc\","
          + "\"timestamp\":1741079561204,\"tlsVersion\":\"TLSv1.3\",\"type\":\"receipt\"}";

  private static StoredEvent tree(String line) throws IOException {
    return EventRows.fromSiem(
        SiemEvent.fromJson((ObjectNode) JSON.readTree(line), line), "siem-batch");
  }

  @Test
  void aReceiptYieldsItsHuntColumnsInLowerCase() throws IOException {
    StoredEvent row = EventRows.fromLine(RECEIPT, "siem-batch");

    assertThat(row.logType()).isEqualTo("receipt");
    assertThat(row.eventTime()).isEqualTo(1741079561204L);
    assertThat(row.sender()).isEqualTo("bounce@mailer.vendor.example");
    assertThat(row.senderAlt()).isEqualTo("billing@vendor.example");
    assertThat(row.userAddress()).isEqualTo("j.doe@corp.example");
    assertThat(row.ip()).isEqualTo("198.51.100.23");
    assertThat(row.domain()).isEqualTo("mailer.vendor.example");
    assertThat(row.domainAlt()).isEqualTo("vendor.example");
    assertThat(row.domainBase()).isEqualTo("vendor.example");
    assertThat(row.messageId()).isEqualTo("<a1b2c3@mail.vendor.example>");
    assertThat(row.action()).isEqualTo("Acc");
    assertThat(row.raw()).isEqualTo(RECEIPT);
    assertThat(row.fingerprint()).hasSize(32);
  }

  @Test
  void theFastPathGivesTheTreePathsRow() throws IOException {
    assertThat(EventRows.fromLine(RECEIPT, "siem-batch")).isEqualTo(tree(RECEIPT));
    // A nested value and a fraction send a line down the tree path; the result is the same row.
    String nested =
        RECEIPT.replace("\"spamScore\":\"3\"", "\"spamScore\":3.5,\"detail\":{\"a\":[1]}");
    assertThat(EventRows.fromLine(nested, "siem-batch")).isEqualTo(tree(nested));
  }

  @Test
  void theFastPathGivesTheTreePathsRowForUnicodeWideAndRepeatedFields() throws IOException {
    String unicode =
        RECEIPT.replace("Invoice 4471 overdue", "Facture \u00e9chue \u2603 \ud83d\ude00 \ud800");
    assertThat(EventRows.fromLine(unicode, "siem-batch")).isEqualTo(tree(unicode));

    // More fields than the fast path's name table holds: it scans instead.
    StringBuilder wide = new StringBuilder(RECEIPT.substring(0, RECEIPT.length() - 1));
    for (int i = 0; i < 40; i++) {
      wide.append(",\"extra").append(i).append("\":\"v").append(i).append('"');
    }
    String wideLine = wide.append('}').toString();
    assertThat(EventRows.fromLine(wideLine, "siem-batch")).isEqualTo(tree(wideLine));

    // A repeated name: the tree keeps the last value, and so does the row.
    String repeated =
        RECEIPT.replace("\"subtype\":\"Acc\"", "\"subject\":\"second\",\"subtype\":\"Acc\"");
    StoredEvent row = EventRows.fromLine(repeated, "siem-batch");
    assertThat(row).isEqualTo(tree(repeated));
    assertThat(row.subject()).isEqualTo("second");
  }

  @Test
  void theByteFastPathGivesTheTreePathsRowForEscapesUnicodeAndEveryKindOfValue() throws Exception {
    String subject = "\"subject\":\"Invoice 4471 overdue\"";
    String score = "\"spamScore\":\"3\"";
    String[][] readByTheFastPath = {
      // Escapes of every kind, and escaped text that needs UTF-16 surrogates.
      {
        subject,
        "\"subject\":\"a \\\"quoted\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00 \\u0000\""
      },
      // UTF-8 beyond ASCII, written as it is.
      {subject, "\"subject\":\"Facture \u00e9chue \u2603 \ud83d\ude00\""},
      // Integers at the edges of what the fast path reads, booleans, null and an empty text.
      {score, "\"spamScore\":0,\"size\":-12,\"big\":123456789012345678"},
      {score, "\"flag\":true,\"other\":false,\"none\":null,\"empty\":\"\""},
      // Space around every token.
      {score, "\"spamScore\" : \"3\" ,\t\"x\":\"y\""},
    };
    String[][] leftToTheTree = {
      {score, "\"spamScore\":1234567890123456789"},
      {score, "\"spamScore\":-0"},
      {score, "\"spamScore\":1.5e3"},
      {score, "\"sp\\u0061m\":\"3\""},
      {score, "\"sp\u00e4m\":\"3\""},
    };
    for (String[] change : readByTheFastPath) {
      byte[] line = RECEIPT.replace(change[0], change[1]).getBytes(StandardCharsets.UTF_8);
      assertThat(new FlatEvent().parse(line, 0, line.length)).as(change[1]).isTrue();
      assertThat(fast(line)).as(change[1]).isEqualTo(tree(RECEIPT.replace(change[0], change[1])));
    }
    for (String[] change : leftToTheTree) {
      byte[] line = RECEIPT.replace(change[0], change[1]).getBytes(StandardCharsets.UTF_8);
      assertThat(new FlatEvent().parse(line, 0, line.length)).as(change[1]).isFalse();
      assertThat(fast(line)).as(change[1]).isEqualTo(tree(RECEIPT.replace(change[0], change[1])));
    }
  }

  @Test
  void bytesThatAreNotUtf8AreReplacedAsTheTreePathReplacesThem() throws Exception {
    byte[] line = RECEIPT.replace("Invoice", "Inv\u00ffoice").getBytes(StandardCharsets.ISO_8859_1);
    String decoded = new String(line, StandardCharsets.UTF_8);

    StoredEvent row = fast(line);

    assertThat(row).isEqualTo(tree(decoded));
    assertThat(row.subject()).contains("\ufffd");
  }

  @Test
  void linesThatAreNotValidJsonFailOnTheBytePathAsOnTheTreePath() {
    String[] broken = {
      RECEIPT.replace("\"type\":\"receipt\"}", "\"type\":\"receipt\",}"),
      RECEIPT.replace("\"subtype\"", "subtype"),
      RECEIPT.replace("Invoice", "In\u0001voice"),
      RECEIPT.replace("Invoice", "In\\xvoice"),
      RECEIPT.replace("Invoice", "In\\u12voice"),
      RECEIPT.replace("\"spamScore\":\"3\"", "\"spamScore\":012"),
      RECEIPT.replace("\"spamScore\":\"3\"", "\"spamScore\":'3'"),
      RECEIPT.substring(0, RECEIPT.length() - 1),
      "{\"type\":",
    };
    for (String line : broken) {
      assertThatThrownBy(() -> fast(line.getBytes(StandardCharsets.UTF_8)))
          .as(line)
          .isInstanceOf(IOException.class);
      assertThatThrownBy(() -> tree(line)).as(line).isInstanceOf(IOException.class);
    }
  }

  @Test
  void aLineWithMoreThanOneValueIsDamagedNotCutShort() {
    for (String line : new String[] {RECEIPT + RECEIPT, RECEIPT + " x", RECEIPT + " {}"}) {
      assertThatThrownBy(() -> fast(line.getBytes(StandardCharsets.UTF_8)))
          .as(line)
          .isInstanceOf(IOException.class);
    }
  }

  private static StoredEvent fast(byte[] line) throws IOException {
    // Inside a larger buffer, as the loader hands lines over.
    byte[] buffer = new byte[line.length + 20];
    java.util.Arrays.fill(buffer, (byte) '.');
    System.arraycopy(line, 0, buffer, 7, line.length);
    return new EventRows.LineParser().row(buffer, 7, 7 + line.length, "siem-batch");
  }

  @Test
  void theFingerprintIgnoresFieldOrderAndStreamPositionsButNotContent() throws IOException {
    ObjectNode original = (ObjectNode) JSON.readTree(RECEIPT);
    java.util.List<String> names = new java.util.ArrayList<>();
    original.fieldNames().forEachRemaining(names::add);
    java.util.Collections.reverse(names);
    ObjectNode backwards = JSON.createObjectNode();
    names.forEach(name -> backwards.set(name, original.get(name)));
    String reordered = JSON.writeValueAsString(backwards);
    String redelivered =
        RECEIPT.replace("\"_offset\":101,\"_partition\":7", "\"_offset\":9,\"_partition\":2");
    String otherRecipient = RECEIPT.replace("J.Doe@corp.example", "ann@corp.example");

    String fingerprint = EventRows.fromLine(RECEIPT, "siem-batch").fingerprint();
    assertThat(EventRows.fromLine(reordered, "siem-batch").fingerprint()).isEqualTo(fingerprint);
    assertThat(EventRows.fromLine(redelivered, "siem-stream").fingerprint()).isEqualTo(fingerprint);
    assertThat(EventRows.fromLine(otherRecipient, "siem-batch").fingerprint())
        .isNotEqualTo(fingerprint);
  }

  @Test
  void legacyUrlAndWebSecuritySpellingsFillTheSameColumns() throws IOException {
    ObjectNode legacy =
        (ObjectNode)
            JSON.readTree(
                "{\"acc\":\"C1\",\"datetime\":\"2025-03-04T09:12:41+0000\",\"aCode\":\"q1X\","
                    + "\"Sender\":\"Bounce@Mailer.example\",\"Rcpt\":\"j@corp.example\","
                    + "\"IP\":\"198.51.100.23\",\"MsgId\":\"<m@x>\",\"Act\":\"Rej\"}");
    StoredEvent v1 = EventRows.fromSiem(SiemEvent.fromLegacy(legacy, "receipt"), "siem-v1");
    assertThat(v1.sender()).isEqualTo("bounce@mailer.example");
    assertThat(v1.userAddress()).isEqualTo("j@corp.example");
    assertThat(v1.ip()).isEqualTo("198.51.100.23");
    assertThat(v1.aggregateId()).isEqualTo("q1X");
    assertThat(v1.eventTime()).isEqualTo(Instant.parse("2025-03-04T09:12:41Z").toEpochMilli());

    StoredEvent url =
        EventRows.fromLine(
            "{\"type\":\"url protect\",\"timestamp\":1,\"url\":\"https://Login.Evil.example/x?y\","
                + "\"sender\":\"a@vendor.example\",\"recipients\":\"b@corp.example\","
                + "\"sourceIp\":\"203.0.113.5\"}",
            "siem-batch");
    assertThat(url.domain()).isEqualTo("login.evil.example");
    assertThat(url.domainAlt()).isEqualTo("vendor.example");
    assertThat(url.domainBase()).isEqualTo("evil.example");
    assertThat(url.ip()).isEqualTo("203.0.113.5");

    StoredEvent web =
        EventRows.fromLine(
            "{\"type\":\"web security\",\"timestamp\":2,\"user\":\"J@corp.example\","
                + "\"request\":\"c2-update.example\",\"localIp\":\"10.1.4.22\","
                + "\"publicIp\":\"203.0.113.7\",\"action\":\"Block\"}",
            "siem-batch");
    assertThat(web.userAddress()).isEqualTo("j@corp.example");
    assertThat(web.domain()).isEqualTo("c2-update.example");
    assertThat(web.ip()).isEqualTo("10.1.4.22");
    assertThat(web.ipAlt()).isEqualTo("203.0.113.7");
  }

  @Test
  void auditEventsAreIdentifiedByTheirId() {
    AuditEvent event =
        new AuditEvent(
            "eNpV1",
            "User Logged On",
            "Analyst@corp.example",
            Instant.parse("2025-03-03T14:05:40Z"),
            "ok",
            "authentication_logs");
    StoredEvent row = EventRows.fromAudit(event);
    StoredEvent again =
        EventRows.fromAudit(
            new AuditEvent(event.id(), "changed", event.user(), event.eventTime(), "text", "x"));

    assertThat(row.userAddress()).isEqualTo("analyst@corp.example");
    assertThat(row.logType()).isEqualTo("audit");
    assertThat(again.fingerprint()).isEqualTo(row.fingerprint());
  }

  @Test
  void registeredDomainsAndHostsAreDerivedConservatively() {
    assertThat(EventRows.baseOf("login.evil.example")).isEqualTo("evil.example");
    assertThat(EventRows.baseOf("evil.example")).isNull();
    assertThat(EventRows.baseOf("mail.shop.co.uk")).isEqualTo("shop.co.uk");
    assertThat(EventRows.hostOf("https://A.example:8443/p")).isEqualTo("a.example");
    assertThat(EventRows.hostOf("b.example/path")).isEqualTo("b.example");
  }

  @Test
  void aLineThatIsNotAnObjectIsRefused() {
    assertThatThrownBy(() -> EventRows.fromLine("[1,2]", "siem-batch"))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> EventRows.fromLine("{\"type\":", "siem-batch"))
        .isInstanceOf(IOException.class);
  }
}
