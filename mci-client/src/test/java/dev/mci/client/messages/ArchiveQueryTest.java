package dev.mci.client.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ArchiveQueryTest {

  private static Document dom(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Document document, String tag) {
    return document.getElementsByTagName(tag).item(0).getTextContent();
  }

  @Test
  void valuesAreEscapedSoTheXmlSaysExactlyWhatWasAsked() throws Exception {
    String hostile = "</text><sent select=\"from\">x</sent> & 'quotes' <!--";
    ArchiveQuery query = ArchiveQuery.builder().subject(hostile).build();
    Document document = dom(query.xml());
    assertThat(text(document, "text")).isEqualTo("subject: " + hostile);
    assertThat(document.getElementsByTagName("sent").getLength()).isZero();
  }

  @Test
  void buildsTheDocumentedTemplateWithEveryCriterion() throws Exception {
    ArchiveQuery query =
        ArchiveQuery.builder()
            .text("wire transfer")
            .from("invoices-secure.example")
            .to("Dana.Ortiz@acme-corp.example")
            .start(Instant.parse("2024-04-01T00:00:00Z"))
            .end(Instant.parse("2024-05-01T00:00:00Z"))
            .attachments(ArchiveQuery.Attachments.SPREADSHEETS)
            .attachmentText("macro")
            .mailbox("dana.ortiz@acme-corp.example")
            .pageSize(50)
            .build();
    Document document = dom(query.xml());
    assertThat(document.getDocumentElement().getAttribute("trace")).isEqualTo("iql,muse");
    var metadata = (org.w3c.dom.Element) document.getElementsByTagName("metadata").item(0);
    assertThat(metadata.getAttribute("query-type")).isEqualTo("emailarchive");
    assertThat(metadata.getAttribute("page-size")).isEqualTo("50");
    assertThat(text(document, "mailbox")).isEqualTo("dana.ortiz@acme-corp.example");
    var date = (org.w3c.dom.Element) document.getElementsByTagName("date").item(0);
    assertThat(date.getAttribute("select")).isEqualTo("between");
    assertThat(date.getAttribute("from")).isEqualTo("2024-04-01T00:00:00+0000");
    assertThat(date.getAttribute("to")).isEqualTo("2024-05-01T00:00:00+0000");
    assertThat(document.getElementsByTagName("sent").item(0).getTextContent())
        .isEqualTo("invoices-secure.example");
    assertThat(document.getElementsByTagName("sent").item(1).getTextContent())
        .isEqualTo("dana.ortiz@acme-corp.example");
    var docs = (org.w3c.dom.Element) document.getElementsByTagName("docs").item(0);
    assertThat(docs.getAttribute("select")).isEqualTo("spreadsheets");
    assertThat(docs.getTextContent()).isEqualTo("macro");
    assertThat(document.getElementsByTagName("return-field").getLength()).isEqualTo(11);
    assertThat(query.warnings()).isEmpty();
  }

  @Test
  void severalTextCriteriaAreJoinedWithOrAndSaySo() throws Exception {
    ArchiveQuery query = ArchiveQuery.builder().subject("invoice").body("overdue").build();
    assertThat(text(dom(query.xml()), "text")).isEqualTo("subject: invoice or body: overdue");
    assertThat(query.warnings()).singleElement().asString().contains("OR");
  }

  @Test
  void aNamedRangeAndExplicitDatesCannotBeMixed() {
    assertThatThrownBy(
            () ->
                ArchiveQuery.builder()
                    .range(ArchiveQuery.DateRange.LAST_WEEK)
                    .start(Instant.parse("2024-04-01T00:00:00Z"))
                    .build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("named range or start/end");
  }

  @Test
  void anInvertedWindowAControlCharacterOrABadMailboxIsRefused() {
    assertThatThrownBy(
            () ->
                ArchiveQuery.builder()
                    .start(Instant.parse("2024-05-01T00:00:00Z"))
                    .end(Instant.parse("2024-04-01T00:00:00Z"))
                    .build())
        .hasMessageContaining("swap them");
    assertThatThrownBy(() -> ArchiveQuery.builder().text("a\u0000b").build())
        .hasMessageContaining("control character");
    assertThatThrownBy(() -> ArchiveQuery.builder().mailbox("dana").build())
        .hasMessageContaining("not an e-mail address");
  }

  @Test
  void rawXmlNamesEveryElementMimecastIgnores() {
    ArchiveQuery query =
        ArchiveQuery.ofXml(
            "<xmlquery><metadata page-size=\"10\"><smartfolders/><filters/></metadata><muse>"
                + "<text>x</text><to>dana@acme.example</to><recipient>y</recipient>"
                + "<sent select=\"cc\">z@acme.example</sent><date select=\"last_decade\"/></muse></xmlquery>");
    assertThat(query.pageSize()).isEqualTo(10);
    assertThat(query.warnings())
        .hasSize(5)
        .anySatisfy(w -> assertThat(w).startsWith("<filters> inside <metadata>"))
        .anySatisfy(w -> assertThat(w).startsWith("<to> inside <muse>"))
        .anySatisfy(w -> assertThat(w).startsWith("<recipient> inside <muse>"))
        .anySatisfy(w -> assertThat(w).contains("<sent select=\"cc\">"))
        .anySatisfy(w -> assertThat(w).contains("<date select=\"last_decade\">"));
  }

  @Test
  void rawXmlWithADoctypeIsRefusedSoNoEntityIsEverResolved() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<xmlquery><muse><text>&e;</text></muse></xmlquery>";
    assertThatThrownBy(() -> ArchiveQuery.ofXml(xxe))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not well-formed XML");
  }

  @Test
  void rawXmlMustBeAnXmlquery() {
    assertThatThrownBy(() -> ArchiveQuery.ofXml("<query/>"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not <xmlquery>");
  }

  @Test
  void theRequestSetsAdminAndCarriesTheXmlAndPageSize() throws Exception {
    try (ScriptedServer server = ScriptedServer.start()) {
      server.on(
          "/api/archive/search",
          request ->
              Reply.json(200, "{\"meta\":{\"status\":200},\"data\":[{\"items\":[]}],\"fail\":[]}"));
      ArchiveQuery query = ArchiveQuery.builder().from("x.example").pageSize(7).build();
      try (MimecastClient client =
          TestClients.hmac(server, FakeTime.at("2025-01-01T00:00:00Z")).build()) {
        assertThat(client.messages().archiveSearch(query).stream().toList()).isEmpty();
      }
      JsonNode body =
          new ObjectMapper().readTree(server.requests("/api/archive/search").get(0).body());
      assertThat(body.at("/data/0/admin").asBoolean()).isTrue();
      assertThat(body.at("/data/0/query").asText()).isEqualTo(query.xml());
      assertThat(body.at("/meta/pagination/pageSize").asInt()).isEqualTo(7);
    }
  }
}
