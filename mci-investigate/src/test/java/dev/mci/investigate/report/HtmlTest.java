package dev.mci.investigate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void textAndAttributeValuesAreEscaped() {
    String html =
        new Html()
            .open("td", "title", "\"><script>alert(1)</script>", "class", "a'b")
            .text("<b>&amp;</b>")
            .close("td")
            .toString();

    assertThat(html)
        .isEqualTo(
            "<td title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" class=\"a&#39;b\">"
                + "&lt;b&gt;&amp;amp;&lt;/b&gt;</td>");
  }

  @Test
  void attributesThatRunCodeOrLoadResourcesAreRefused() {
    for (String attribute : new String[] {"onclick", "onload", "href", "src", "style"}) {
      assertThatThrownBy(() -> new Html().open("div", attribute, "x"))
          .as(attribute)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void tagAndAttributeNamesCannotComeFromData() {
    assertThatThrownBy(() -> new Html().open("script src=x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Html().open("td", "a=\"b\" onclick", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyElementsCloseThemselves() {
    assertThat(new Html().empty("circle", "r", "6").toString()).isEqualTo("<circle r=\"6\"/>");
  }
}
