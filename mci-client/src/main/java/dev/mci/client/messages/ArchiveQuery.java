package dev.mci.client.messages;

import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastTime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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
 * An archive search query in Mimecast's XML query language ("MUSE", reference 01 §2.3), built from
 * typed criteria with {@link #builder()} or taken as raw XML with {@link #ofXml(String)}. Values
 * are XML-escaped; criteria are checked when the query is built. Raw XML is parsed (never resolving
 * entities or DTDs) and {@link #warnings()} names every element Mimecast is known to ignore
 * silently: such a query comes back unfiltered, with no error. Immutable.
 */
public final class ArchiveQuery {

  /** The path of archive search, named in validation errors. */
  static final String ENDPOINT = "/api/archive/search";

  /** Page size used when none is given. */
  public static final int DEFAULT_PAGE_SIZE = 25;

  /** Largest page size accepted; Mimecast documents no maximum and values up to 100 are seen. */
  public static final int MAX_PAGE_SIZE = 500;

  private static final List<String> RETURN_FIELDS =
      List.of(
          "id",
          "subject",
          "displayfrom",
          "displayfromaddress",
          "displayto",
          "displaytoaddresslist",
          "receiveddate",
          "size",
          "attachmentcount",
          "status",
          "smash");

  private static final Set<String> MUSE_ELEMENTS = Set.of("text", "date", "sent", "docs", "route");
  private static final Set<String> METADATA_ELEMENTS =
      Set.of("mailboxes", "smartfolders", "return-fields");
  private static final Set<String> DATE_SELECTS =
      Set.of("today", "yesterday", "last_week", "last_month", "last_year", "between");

  /** A named relative window of {@code <date select="...">}. */
  public enum DateRange {
    /** Since midnight. */
    TODAY,
    /** The day before today. */
    YESTERDAY,
    /** The last seven days. */
    LAST_WEEK,
    /** The last month. */
    LAST_MONTH,
    /** The last year. */
    LAST_YEAR;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The attachment filter of {@code <docs select="...">}. */
  public enum Attachments {
    /** No filter. */
    OPTIONAL,
    /** Any attachment. */
    ANY,
    /** No attachment at all. */
    NONE,
    /** doc, docx, pdf, rtf, html and similar. */
    DOCUMENTS,
    /** xls, xlsx, xlsm, csv and similar. */
    SPREADSHEETS,
    /** ppt, pptx and similar. */
    PRESENTATIONS,
    /** txt, log, html. */
    TEXT,
    /** jpg, png, gif and similar. */
    IMAGES,
    /** Audio and video. */
    MEDIA,
    /** zip, rar, 7z, gz and similar. */
    ZIPS;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String xml;
  private final int pageSize;
  private final List<String> warnings;

  private ArchiveQuery(String xml, int pageSize, List<String> warnings) {
    this.xml = xml;
    this.pageSize = pageSize;
    this.warnings = List.copyOf(warnings);
  }

  /** A builder with no criteria, page size 25. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A query from raw XML. The XML is parsed but sent exactly as given.
   *
   * @throws InvalidRequestException when it is blank, not well-formed, or not an {@code xmlquery}
   */
  public static ArchiveQuery ofXml(String xml) {
    if (xml == null || xml.isBlank()) {
      throw new InvalidRequestException(ENDPOINT, "the query XML is empty");
    }
    Element root = parse(xml);
    if (!root.getTagName().equals("xmlquery")) {
      throw new InvalidRequestException(
          ENDPOINT,
          "the query XML's root element is <"
              + root.getTagName()
              + ">, not <xmlquery>; start from the documented template");
    }
    List<String> warnings = new ArrayList<>();
    int pageSize = DEFAULT_PAGE_SIZE;
    Element metadata = child(root, "metadata");
    if (metadata == null) {
      warnings.add("there is no <metadata> element: page size and mailboxes are the defaults");
    } else {
      String size = metadata.getAttribute("page-size").strip();
      if (!size.isEmpty()) {
        try {
          pageSize = Integer.parseInt(size);
        } catch (NumberFormatException e) {
          throw new InvalidRequestException(
              ENDPOINT, "metadata page-size '" + size + "' is not a number");
        }
      }
      for (Element element : children(metadata)) {
        if (!METADATA_ELEMENTS.contains(element.getTagName())) {
          warnings.add(ignored(element, "metadata"));
        }
      }
    }
    checkPageSize(pageSize);
    Element muse = child(root, "muse");
    if (muse == null) {
      warnings.add("there is no <muse> element: the query has no criteria");
    } else {
      for (Element element : children(muse)) {
        String name = element.getTagName();
        if (!MUSE_ELEMENTS.contains(name)) {
          warnings.add(ignored(element, "muse"));
        } else if (name.equals("sent")
            && !Set.of("from", "to").contains(element.getAttribute("select"))) {
          warnings.add(
              "<sent select=\""
                  + element.getAttribute("select")
                  + "\"> is ignored: select must be from or to");
        } else if (name.equals("date") && !DATE_SELECTS.contains(element.getAttribute("select"))) {
          warnings.add(
              "<date select=\""
                  + element.getAttribute("select")
                  + "\"> is ignored: select must be one of "
                  + String.join(", ", DATE_SELECTS.stream().sorted().toList()));
        }
      }
    }
    return new ArchiveQuery(xml, pageSize, warnings);
  }

  /** The XML sent as the request's {@code query}. */
  public String xml() {
    return xml;
  }

  /** Rows per page. */
  public int pageSize() {
    return pageSize;
  }

  /** What Mimecast will silently ignore in this query; empty when nothing. */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return "ArchiveQuery[" + xml + "]";
  }

  private static String ignored(Element element, String parent) {
    return "<"
        + element.getTagName()
        + "> inside <"
        + parent
        + "> is not part of the query language: Mimecast ignores it silently and the results"
        + " are not filtered by it";
  }

  private static void checkPageSize(int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          ENDPOINT, "page size must be 1 to " + MAX_PAGE_SIZE + ", got " + pageSize);
    }
  }

  private static Element parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      Document document =
          builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      return document.getDocumentElement();
    } catch (SAXException e) {
      throw new InvalidRequestException(
          ENDPOINT, "the query is not well-formed XML: " + e.getMessage());
    } catch (IOException | ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser failed", e);
    }
  }

  private static Element child(Element parent, String name) {
    for (Element element : children(parent)) {
      if (element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }

  /** Escapes text for an XML element or a double-quoted attribute. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Builds an {@link ArchiveQuery}. Text criteria ({@code text}, {@code subject}, {@code body}) are
   * combined with {@code or} in {@code <text>}, the way the archive reads them; the others narrow
   * the search. Matching of text is loose relevance matching, not substring matching.
   */
  public static final class Builder {
    private String text;
    private String subject;
    private String body;
    private String from;
    private String to;
    private Instant start;
    private Instant end;
    private DateRange range;
    private Attachments attachments = Attachments.OPTIONAL;
    private String attachmentText;
    private final List<String> mailboxes = new ArrayList<>();
    private boolean includeAliases = true;
    private boolean includeActive;
    private int pageSize = DEFAULT_PAGE_SIZE;

    private Builder() {}

    /** Free text anywhere in the message. */
    public Builder text(String value) {
      this.text = value;
      return this;
    }

    /** Words in the subject. */
    public Builder subject(String value) {
      this.subject = value;
      return this;
    }

    /** Words in the body. */
    public Builder body(String value) {
      this.body = value;
      return this;
    }

    /** Sender address, or a domain (which also matches its subdomains). */
    public Builder from(String value) {
      this.from = value;
      return this;
    }

    /** Recipient address or domain. */
    public Builder to(String value) {
      this.to = value;
      return this;
    }

    /** Earliest message. */
    public Builder start(Instant value) {
      this.start = value;
      return this;
    }

    /** Latest message. */
    public Builder end(Instant value) {
      this.end = value;
      return this;
    }

    /** A named window instead of start and end. */
    public Builder range(DateRange value) {
      this.range = value;
      return this;
    }

    /** Attachment filter; {@link Attachments#OPTIONAL} (no filter) by default. */
    public Builder attachments(Attachments value) {
      this.attachments = Objects.requireNonNullElse(value, Attachments.OPTIONAL);
      return this;
    }

    /** Words inside attachments. */
    public Builder attachmentText(String value) {
      this.attachmentText = value;
      return this;
    }

    /** Limits the search to this mailbox; may be called again for more. */
    public Builder mailbox(String address) {
      if (address != null && !address.isBlank()) {
        mailboxes.add(address.strip());
      }
      return this;
    }

    /** Whether a mailbox's aliases count too (default true). */
    public Builder includeAliases(boolean value) {
      this.includeAliases = value;
      return this;
    }

    /** Also search recently received messages not fully processed yet (default false). */
    public Builder includeActive(boolean value) {
      this.includeActive = value;
      return this;
    }

    /** Rows per page, 1 to 500; default 25. */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /**
     * Checks the criteria and writes the XML.
     *
     * @throws InvalidRequestException naming the criterion that is wrong
     */
    public ArchiveQuery build() {
      checkPageSize(pageSize);
      if (range != null && (start != null || end != null)) {
        throw new InvalidRequestException(
            ENDPOINT, "give either a named range or start/end, not both");
      }
      if (start != null && end != null && !start.isBefore(end)) {
        throw new InvalidRequestException(
            ENDPOINT, "start " + start + " is not before end " + end + ": swap them");
      }
      List<String> warnings = new ArrayList<>();
      List<String> clauses = new ArrayList<>();
      if (present(text)) {
        clauses.add(clean("text", text));
      }
      if (present(subject)) {
        clauses.add("subject: " + clean("subject", subject));
      }
      if (present(body)) {
        clauses.add("body: " + clean("body", body));
      }
      if (clauses.size() > 1) {
        warnings.add(
            "text, subject and body are combined with OR by the archive: a message matching any"
                + " one of them is returned");
      }
      String sender = present(from) ? address("from", from) : null;
      String recipient = present(to) ? address("to", to) : null;
      for (String mailbox : mailboxes) {
        if (!mailbox.contains("@") || mailbox.chars().anyMatch(Character::isWhitespace)) {
          throw new InvalidRequestException(
              ENDPOINT, "mailbox '" + mailbox + "' is not an e-mail address");
        }
        clean("mailbox", mailbox);
      }

      StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?>");
      out.append("<xmlquery trace=\"iql,muse\"><metadata query-type=\"emailarchive\"")
          .append(" archive=\"true\" active=\"")
          .append(includeActive)
          .append("\" page-size=\"")
          .append(pageSize)
          .append("\" startrow=\"0\">");
      if (!mailboxes.isEmpty()) {
        out.append("<mailboxes>");
        for (String mailbox : mailboxes) {
          out.append("<mailbox include-aliases=\"")
              .append(includeAliases)
              .append("\">")
              .append(escape(mailbox))
              .append("</mailbox>");
        }
        out.append("</mailboxes>");
      }
      out.append("<smartfolders/><return-fields>");
      for (String field : RETURN_FIELDS) {
        out.append("<return-field>").append(field).append("</return-field>");
      }
      out.append("</return-fields></metadata><muse><text>")
          .append(escape(String.join(" or ", clauses)))
          .append("</text>");
      if (range != null) {
        out.append("<date select=\"").append(range.wire()).append("\"/>");
      } else if (start != null || end != null) {
        out.append("<date select=\"between\"");
        if (start != null) {
          out.append(" from=\"").append(MimecastTime.format(start)).append('"');
        }
        if (end != null) {
          out.append(" to=\"").append(MimecastTime.format(end)).append('"');
        }
        out.append("/>");
      }
      if (sender != null) {
        out.append("<sent select=\"from\">").append(escape(sender)).append("</sent>");
      }
      if (recipient != null) {
        out.append("<sent select=\"to\">").append(escape(recipient)).append("</sent>");
      }
      out.append("<docs select=\"").append(attachments.wire()).append("\">");
      if (present(attachmentText)) {
        out.append(escape(clean("attachmentText", attachmentText)));
      }
      out.append("</docs><route/></muse></xmlquery>");
      return new ArchiveQuery(out.toString(), pageSize, warnings);
    }

    private static boolean present(String value) {
      return value != null && !value.isBlank();
    }

    /** The value stripped; control characters cannot be sent in XML 1.0 at all. */
    private static String clean(String field, String value) {
      String stripped = value.strip();
      for (int i = 0; i < stripped.length(); i++) {
        char c = stripped.charAt(i);
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
          throw new InvalidRequestException(
              ENDPOINT, field + " contains a control character, which XML cannot carry");
        }
      }
      return stripped;
    }

    private static String address(String field, String value) {
      String stripped = clean(field, value).toLowerCase(Locale.ROOT);
      boolean domain = !stripped.contains("@");
      if (stripped.chars().anyMatch(Character::isWhitespace)
          || (domain && !stripped.contains("."))
          || stripped.startsWith("@")
          || stripped.endsWith("@")) {
        throw new InvalidRequestException(
            ENDPOINT,
            field
                + " '"
                + value.strip()
                + "' is neither an e-mail address nor a domain (e.g. billing@example.com or"
                + " example.com)");
      }
      return stripped;
    }
  }
}
