package dev.mci.investigate.report;

import static dev.mci.investigate.testing.CaseFixtures.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseAttachment;
import dev.mci.investigate.cases.CaseData;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseUrl;
import dev.mci.investigate.cases.Click;
import dev.mci.investigate.cases.HoldRelease;
import dev.mci.investigate.cases.Relation;
import dev.mci.investigate.cases.StepError;
import dev.mci.investigate.cases.StepReport;
import dev.mci.investigate.cases.StepStatus;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.findings.CaseFacts;
import dev.mci.investigate.findings.Findings;
import dev.mci.investigate.findings.TimelineBuilder;
import dev.mci.investigate.testing.CaseFixtures;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Hostile values from mail must come out of the reports as inert text. */
class HtmlReportSafetyTest {

  private static final String SUBJECT =
      "Invoice <script>alert('subject')</script> \"quoted\" & more";
  private static final String FILE_NAME =
      "<img src=x onerror=alert(1)>Wire<script>alert(2)</script>.pdf.html";
  private static final String JS_URL = "javascript:alert(document.cookie)";
  private static final String DISPLAY_NAME = "Dana\" onmouseover=\"alert(3)";

  private static Case hostileCase() {
    Address sender = new Address("dana.reyes@acme-c0rp.example", DISPLAY_NAME);
    CaseMessage copy =
        new CaseMessage(
            "eNp<b>id</b>",
            Relation.LOCATED,
            "held",
            "Held <i>",
            sender,
            sender,
            List.of(new Address("cfo@acme-corp.example", "</td><script>alert(4)</script>")),
            RECEIVED,
            SUBJECT,
            "203.0.113.7",
            "inbound",
            2,
            true,
            "locate-messages");
    CaseData data =
        new CaseData(
            List.of(copy),
            List.of(
                new CaseUrl(
                    JS_URL,
                    "https://protect-us.mimecast.com/s/x?<script>",
                    null,
                    "Phishing",
                    true,
                    "t")),
            List.of(
                new CaseAttachment(
                    FILE_NAME,
                    "ab".repeat(32),
                    10L,
                    "text/html",
                    List.of(copy.id()),
                    3,
                    "malicious",
                    "t")),
            List.of(
                new Click(
                    "cfo@acme-corp.example",
                    JS_URL,
                    RECEIVED.plusSeconds(60),
                    "allow<script>",
                    "clean",
                    true,
                    "t")),
            List.of(
                new HoldRelease(
                    copy.id(),
                    "cfo@acme-corp.example",
                    RECEIVED,
                    "<script>alert(5)</script>",
                    RECEIVED.plusSeconds(90),
                    "admin@acme-corp.example",
                    "t")),
            List.of(),
            Set.of("acme-corp.example"));
    Indicator indicator =
        Indicator.of(JS_URL.replace("javascript:", "https://x.example/"), IndicatorType.URL);
    CaseFacts facts =
        new CaseFacts(
            indicator, CaseFixtures.WINDOW, data, Set.of(Capability.LOCATE_MESSAGE_FINDER));
    StepReport failed =
        new StepReport(
            "url-logs",
            "URL Protect logs <script>",
            StepStatus.FAILED,
            RECEIVED,
            5,
            1,
            List.of("req-1"),
            new StepError(
                "ServerException",
                "/api/ttp/url/get-logs: <script>alert(6)</script> [request id: req-1]",
                "/api/ttp/url/get-logs",
                "req-1",
                503),
            null);
    return CaseFixtures.caseOf(
        "20250301-100000-url-abc123",
        indicator,
        data,
        Findings.rank(facts),
        TimelineBuilder.build(data),
        List.of(failed));
  }

  @Test
  void aHostileSubjectFileNameAndJavascriptUrlRenderInert() {
    Document page = Jsoup.parse(HtmlReport.render(hostileCase()));

    assertThat(page.select("script")).isEmpty();
    assertThat(page.select("iframe, object, embed, link, img, a, base, form")).isEmpty();
    for (Element element : page.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        assertThat(attribute.getKey())
            .as("attribute on <%s>", element.tagName())
            .doesNotStartWith("on");
        assertThat(attribute.getKey())
            .isNotIn("href", "src", "xlink:href", "style", "srcdoc", "action");
        assertThat(attribute.getValue().toLowerCase()).doesNotContain("javascript:");
      }
    }
    // The values are still there, as text an analyst can read.
    String text = page.text();
    assertThat(text).contains(SUBJECT).contains(FILE_NAME).contains(JS_URL).contains(DISPLAY_NAME);
  }

  @Test
  void thePageIsSelfContainedAndForbidsScriptsItself() {
    Document page = Jsoup.parse(HtmlReport.render(hostileCase()));

    assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
        .contains("default-src 'none'");
    assertThat(page.select("svg")).hasSize(2);
    assertThat(page.select("svg.timeline circle")).isNotEmpty();
    assertThat(page.select("svg.graph circle.clicked")).hasSize(1);
    assertThat(page.outerHtml()).doesNotContain("http-equiv=\"refresh\"");
  }

  @Test
  void theMarkdownReportEscapesMarkupAndDefangsLinks() {
    String markdown = MarkdownReport.render(hostileCase());

    assertThat(markdown).doesNotContain("<script").doesNotContain("<img");
    assertThat(markdown).doesNotContainPattern("(?<!\\\\)\\]\\(");
    assertThat(markdown).contains("&lt;script&gt;");
    assertThat(MarkdownReport.text("see https://evil.example/[x](javascript:alert(1))"))
        .isEqualTo("see hxxps://evil.example/\\[x\\](javascript:alert(1))");
    assertThat(MarkdownReport.code("a`b|c")).isEqualTo("`` a`b\\|c ``");
  }

  @Test
  void theEscaperDropsControlCharactersAndLoneSurrogates() {
    assertThat(Html.escape("a\u0000b\u001bc\nd\uD800e\uD83D\uDE00"))
        .isEqualTo("abc\nd\uFFFDe\uD83D\uDE00");
  }
}
