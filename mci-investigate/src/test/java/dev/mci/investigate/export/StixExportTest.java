package dev.mci.investigate.export;

import static dev.mci.investigate.testing.CaseFixtures.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseAttachment;
import dev.mci.investigate.cases.CaseData;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseUrl;
import dev.mci.investigate.cases.Relation;
import dev.mci.investigate.testing.CaseFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StixExportTest {

  private static final Pattern ID =
      Pattern.compile(
          "([a-z0-9-]+)--([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
  private static final Set<String> SDO_TYPES = Set.of("indicator", "observed-data");

  private static Case phishCase() {
    Address sender = new Address("o'brien@acme-c0rp.example", "Dana Reyes");
    List<CaseMessage> copies = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      copies.add(
          CaseFixtures.copy(
              "id-" + i,
              Relation.LOCATED,
              sender,
              "user" + i + "@acme-corp.example",
              "Wire",
              RECEIVED));
    }
    CaseData data =
        new CaseData(
            copies,
            List.of(
                new CaseUrl(
                    "https://login.acme-c0rp.example/wire",
                    "https://protect-us.mimecast.com/s/abc",
                    null,
                    null,
                    null,
                    "t")),
            List.of(
                new CaseAttachment(
                    "page.pdf.html", "ab".repeat(32), 10L, null, List.of("id-0"), null, null, "t")),
            List.of(),
            List.of(),
            List.of(),
            Set.of("acme-corp.example"));
    return CaseFixtures.caseOf(
        "20250301-100000-message-id-abc123",
        Indicator.of("<x1@acme-c0rp.example>", IndicatorType.MESSAGE_ID_HEADER),
        data,
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void theBundleHoldsValidStix21ObjectsThatReferenceEachOther() throws Exception {
    JsonNode bundle = new ObjectMapper().readTree(CaseExport.STIX.render(phishCase()));

    assertThat(bundle.get("type").asText()).isEqualTo("bundle");
    assertThat(ID.matcher(bundle.get("id").asText()).matches()).isTrue();
    Set<String> ids = new HashSet<>();
    for (JsonNode object : bundle.get("objects")) {
      String type = object.get("type").asText();
      var id = ID.matcher(object.get("id").asText());
      assertThat(id.matches()).as(object.toString()).isTrue();
      assertThat(id.group(1)).isEqualTo(type);
      UUID uuid = UUID.fromString(id.group(2));
      assertThat(uuid.version()).isIn(4, 5);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(object.get("spec_version").asText()).isEqualTo("2.1");
      assertThat(ids.add(object.get("id").asText())).as("unique id").isTrue();
      if (SDO_TYPES.contains(type)) {
        assertThat(TIMESTAMP.matcher(object.get("created").asText()).matches()).isTrue();
        assertThat(TIMESTAMP.matcher(object.get("modified").asText()).matches()).isTrue();
      }
    }
    for (JsonNode object : bundle.get("objects")) {
      for (String field : List.of("object_refs", "to_refs")) {
        object.path(field).forEach(ref -> assertThat(ids).contains(ref.asText()));
      }
      if (object.has("from_ref")) {
        assertThat(ids).contains(object.get("from_ref").asText());
      }
    }
  }

  @Test
  void indicatorsCarryStixPatternsForTheInvestigatedIndicatorAndWhatTheMessagesShow()
      throws Exception {
    JsonNode bundle = new ObjectMapper().readTree(CaseExport.STIX.render(phishCase()));

    List<String> patterns = new ArrayList<>();
    for (JsonNode object : bundle.get("objects")) {
      if (object.get("type").asText().equals("indicator")) {
        assertThat(object.get("pattern_type").asText()).isEqualTo("stix");
        assertThat(TIMESTAMP.matcher(object.get("valid_from").asText()).matches()).isTrue();
        patterns.add(object.get("pattern").asText());
      }
    }
    assertThat(patterns)
        .containsExactly(
            "[email-message:message_id = '<x1@acme-c0rp.example>']",
            "[email-addr:value = 'o\\'brien@acme-c0rp.example']",
            "[domain-name:value = 'acme-c0rp.example']",
            "[ipv4-addr:value = '203.0.113.7']",
            "[url:value = 'https://login.acme-c0rp.example/wire']",
            "[file:hashes.'SHA-256' = '" + "ab".repeat(32) + "']");
  }

  @Test
  void oneObservedDataPerMessageCountsItsCopies() throws Exception {
    JsonNode bundle = new ObjectMapper().readTree(CaseExport.STIX.render(phishCase()));

    List<JsonNode> observed = new ArrayList<>();
    bundle
        .get("objects")
        .forEach(
            o -> {
              if (o.get("type").asText().equals("observed-data")) {
                observed.add(o);
              }
            });
    assertThat(observed).hasSize(2); // the message, and the URL and file artifacts
    JsonNode message = observed.get(0);
    assertThat(message.get("number_observed").asInt()).isEqualTo(3);
    assertThat(Instant.parse(message.get("first_observed").asText())).isEqualTo(RECEIVED);
    assertThat(message.get("object_refs").get(0).asText()).startsWith("email-message--");
  }

  @Test
  void exportingTwiceGivesTheSameBundle() {
    assertThat(CaseExport.STIX.render(phishCase())).isEqualTo(CaseExport.STIX.render(phishCase()));
  }

  @Test
  void observableIdsFollowTheStixNamespaceRule() {
    // STIX 2.1 §2.9: UUIDv5 in namespace 00abedb4-... of the canonical id-contributing properties.
    assertThat(StixExport.v5(StixExport.STIX_NAMESPACE, "{\"value\":\"198.51.100.3\"}").version())
        .isEqualTo(5);
    assertThat(StixExport.v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"))
        .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
  }

  @Test
  void csvCellsCannotBecomeSpreadsheetFormulas() {
    assertThat(CsvExport.cell("=HYPERLINK(\"http://evil\",\"x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
    assertThat(CsvExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvExport.cell("plain")).isEqualTo("plain");
    String csv = CaseExport.CSV.render(phishCase());
    assertThat(csv.split("\r\n")).hasSize(4);
    assertThat(csv).startsWith("relation,received,status,from,");
  }
}
