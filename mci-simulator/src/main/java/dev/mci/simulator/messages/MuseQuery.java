package dev.mci.simulator.messages;

import dev.mci.simulator.core.ApiDates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * An archive search query in Mimecast's XML query language (reference 01 §2.3), read the way the
 * archive reads it: the known elements are used, unknown elements are silently ignored. Parsing
 * never resolves entities or DTDs.
 *
 * @param pageSize {@code metadata@page-size}, default 25
 * @param startRow {@code metadata@startrow}, default 0
 * @param mailboxes {@code mailboxes/mailbox} values
 * @param returnFields lower-case {@code return-fields/return-field} values
 * @param text {@code muse/text}
 * @param dateSelect {@code muse/date@select}
 * @param dateFrom {@code muse/date@from} (with {@code between})
 * @param dateTo {@code muse/date@to} (with {@code between})
 * @param sentFrom {@code muse/sent[@select=from]}
 * @param sentTo {@code muse/sent[@select=to]}
 * @param docsSelect {@code muse/docs@select}, default {@code optional}
 * @param docsText text inside {@code muse/docs}
 */
record MuseQuery(
    int pageSize,
    int startRow,
    List<String> mailboxes,
    List<String> returnFields,
    Optional<String> text,
    Optional<String> dateSelect,
    Optional<Instant> dateFrom,
    Optional<Instant> dateTo,
    Optional<String> sentFrom,
    Optional<String> sentTo,
    String docsSelect,
    Optional<String> docsText) {

  /** Thrown when the text is not search XML; the message says why. */
  static final class InvalidXml extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidXml(String message) {
      super(message, null, false, false);
    }
  }

  static MuseQuery parse(String xml) throws InvalidXml {
    Document document;
    try {
      DocumentBuilder builder = secureFactory().newDocumentBuilder();
      builder.setErrorHandler(null);
      document = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (SAXException | IOException e) {
      throw new InvalidXml("The query is not valid search XML");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser unavailable", e);
    }
    Element root = document.getDocumentElement();
    if (!root.getTagName().equals("xmlquery")) {
      throw new InvalidXml("The query is not valid search XML: the root element must be xmlquery");
    }
    Optional<Element> metadata = child(root, "metadata");
    int pageSize = metadata.map(m -> integer(m, "page-size", 25)).orElse(25);
    int startRow = metadata.map(m -> integer(m, "startrow", 0)).orElse(0);
    List<String> mailboxes = new ArrayList<>();
    List<String> returnFields = new ArrayList<>();
    metadata
        .flatMap(m -> child(m, "mailboxes"))
        .ifPresent(
            m ->
                children(m, "mailbox")
                    .forEach(
                        b -> text(b).ifPresent(v -> mailboxes.add(v.toLowerCase(Locale.ROOT)))));
    metadata
        .flatMap(m -> child(m, "return-fields"))
        .ifPresent(
            r ->
                children(r, "return-field")
                    .forEach(
                        f -> text(f).ifPresent(v -> returnFields.add(v.toLowerCase(Locale.ROOT)))));
    Optional<Element> muse = child(root, "muse");
    Optional<String> text = muse.flatMap(m -> child(m, "text")).flatMap(MuseQuery::text);
    Optional<Element> date = muse.flatMap(m -> child(m, "date"));
    Optional<String> dateSelect =
        date.map(d -> d.getAttribute("select").strip()).filter(s -> !s.isEmpty());
    Optional<Instant> dateFrom = date.flatMap(d -> dateAttribute(d, "from"));
    Optional<Instant> dateTo = date.flatMap(d -> dateAttribute(d, "to"));
    if (date.isPresent()
        && (date.get().hasAttribute("from") && dateFrom.isEmpty()
            || date.get().hasAttribute("to") && dateTo.isEmpty())) {
      throw new InvalidXml(
          "The query is not valid search XML: a date is not like 2025-03-01T00:00:00+0000");
    }
    Optional<String> sentFrom = Optional.empty();
    Optional<String> sentTo = Optional.empty();
    for (Element sent : muse.map(m -> children(m, "sent")).orElse(List.of())) {
      String select = sent.getAttribute("select").strip().toLowerCase(Locale.ROOT);
      Optional<String> value = text(sent).map(v -> v.toLowerCase(Locale.ROOT));
      if (select.equals("from")) {
        sentFrom = value;
      } else if (select.equals("to")) {
        sentTo = value;
      }
    }
    Optional<Element> docs = muse.flatMap(m -> child(m, "docs"));
    String docsSelect =
        docs.map(d -> d.getAttribute("select").strip().toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .orElse("optional");
    Optional<String> docsText = docs.flatMap(MuseQuery::text);
    return new MuseQuery(
        Math.max(1, Math.min(pageSize, 500)),
        Math.max(0, startRow),
        mailboxes,
        returnFields,
        text,
        dateSelect.map(s -> s.toLowerCase(Locale.ROOT)),
        dateFrom,
        dateTo,
        sentFrom,
        sentTo,
        docsSelect,
        docsText);
  }

  private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  private static Optional<Element> child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static Optional<String> text(Element element) {
    String value = element.getTextContent();
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static int integer(Element element, String attribute, int fallback) {
    try {
      return Integer.parseInt(element.getAttribute(attribute).strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static Optional<Instant> dateAttribute(Element element, String attribute) {
    return element.hasAttribute(attribute)
        ? ApiDates.parse(element.getAttribute(attribute))
        : Optional.empty();
  }
}
