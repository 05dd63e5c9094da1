package dev.mci.client.evidence;

import dev.mci.client.Download;
import dev.mci.client.MimecastIoException;
import dev.mci.client.evidence.ParsedMessage.Attachment;
import dev.mci.client.evidence.ParsedMessage.AuthenticationResults;
import dev.mci.client.evidence.ParsedMessage.BodyUrl;
import dev.mci.client.evidence.ParsedMessage.Check;
import dev.mci.client.evidence.ParsedMessage.Header;
import dev.mci.client.evidence.ParsedMessage.ReceivedHop;
import dev.mci.client.evidence.ParsedMessage.UrlSource;
import dev.mci.client.messages.EmailAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.MimeUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads an RFC 822 message with Apache mime4j in one streaming pass: headers, Received chain,
 * Authentication-Results, sender identities, the URLs of the text and HTML bodies (the HTML is
 * parsed as data with jsoup, never rendered), and each attachment's size and SHA-256 computed as it
 * streams past, so large attachments are never held in memory. Nothing from the message is opened,
 * rendered or executed. Parsing is lenient: malformed messages give what can be read.
 */
public final class MessageReader {

  /** Bodies are kept up to this many characters. */
  public static final int MAX_BODY = 4 * 1024 * 1024;

  private static final Pattern TEXT_URL =
      Pattern.compile("(?i)\\b(?:https?://|ftp://|www\\.)[^\\s<>\"'`{}|\\\\^\\[\\]]+");
  private static final Pattern FROM = Pattern.compile("(?i)(?:^|\\s)from\\s+(\\S+)");
  private static final Pattern BY = Pattern.compile("(?i)(?:^|\\s|\\))by\\s+(\\S+)");
  private static final Pattern WITH = Pattern.compile("(?i)(?:^|\\s|\\))with\\s+(\\S+)");
  private static final Pattern ID = Pattern.compile("(?i)(?:^|\\s|\\))id\\s+([^\\s;]+)");
  private static final Pattern IP =
      Pattern.compile("\\[(?:IPv6:)?([0-9A-Fa-f:.]*[0-9A-Fa-f][0-9A-Fa-f:.]*)\\]");
  private static final Pattern METHOD =
      Pattern.compile("^([A-Za-z0-9_.-]+)\\s*=\\s*([A-Za-z0-9_-]+)");
  private static final Pattern PROPERTY =
      Pattern.compile("([A-Za-z0-9_-]+\\.[A-Za-z0-9_.-]+)\\s*=\\s*(\"[^\"]*\"|[^\\s;]+)");

  private MessageReader() {}

  /** Reads a message from a file. */
  public static ParsedMessage read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a downloaded message and closes the download. */
  public static ParsedMessage read(Download download) {
    try (download) {
      return parse(download.body());
    } catch (IOException e) {
      throw new MimecastIoException(
          download.endpoint(),
          download.requestId(),
          "reading the message failed: " + e.getMessage(),
          e);
    }
  }

  /** Reads a message from a stream (not closed). */
  public static ParsedMessage read(InputStream rfc822) {
    try {
      return parse(rfc822);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the message failed: " + e.getMessage(), e);
    }
  }

  private static ParsedMessage parse(InputStream in) throws IOException {
    MimeConfig config =
        new MimeConfig.Builder()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxContentLen(-1)
            .build();
    MimeStreamParser parser =
        new MimeStreamParser(config, DecodeMonitor.SILENT, new DefaultBodyDescriptorBuilder());
    parser.setContentDecoding(true);
    parser.setNoRecurse();
    Handler handler = new Handler();
    parser.setContentHandler(handler);
    try {
      parser.parse(in);
    } catch (MimeException e) {
      throw new IOException("not a readable RFC 822 message: " + e.getMessage(), e);
    }
    return handler.result();
  }

  /** Collects what the parser reports. */
  private static final class Handler extends AbstractContentHandler {
    private final List<Header> headers = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private int partDepth;
    private boolean topHeaderDone;
    private String text;
    private String html;

    @Override
    public void startBodyPart() {
      partDepth++;
    }

    @Override
    public void endBodyPart() {
      partDepth--;
    }

    @Override
    public void field(Field field) {
      if (partDepth == 0 && !topHeaderDone) {
        String body = field.getBody() == null ? "" : MimeUtil.unfold(field.getBody());
        headers.add(new Header(field.getName(), body.strip()));
      }
    }

    @Override
    public void endHeader() {
      if (partDepth == 0) {
        topHeaderDone = true;
      }
    }

    @Override
    public void body(BodyDescriptor descriptor, InputStream stream) throws IOException {
      String mimeType =
          descriptor.getMimeType() == null ? "" : descriptor.getMimeType().toLowerCase(Locale.ROOT);
      String disposition = null;
      String fileName = null;
      String contentId = null;
      if (descriptor instanceof MaximalBodyDescriptor maximal) {
        disposition = maximal.getContentDispositionType();
        fileName = fileName(maximal);
        contentId = maximal.getContentId();
      }
      boolean attachment = "attachment".equalsIgnoreCase(disposition) || fileName != null;
      if (!attachment && mimeType.equals("text/plain") && text == null) {
        text = decode(stream, descriptor.getCharset());
        return;
      }
      if (!attachment && mimeType.equals("text/html") && html == null) {
        html = decode(stream, descriptor.getCharset());
        return;
      }
      MessageDigest digest = sha256();
      byte[] buffer = new byte[64 * 1024];
      long size = 0;
      for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
        digest.update(buffer, 0, n);
        size += n;
      }
      attachments.add(
          new Attachment(
              fileName,
              mimeType,
              size,
              HexFormat.of().formatHex(digest.digest()),
              contentId == null ? null : contentId.strip(),
              "inline".equalsIgnoreCase(disposition)));
    }

    ParsedMessage result() {
      List<ReceivedHop> received = new ArrayList<>();
      List<AuthenticationResults> authentication = new ArrayList<>();
      for (Header header : headers) {
        if (header.name().equalsIgnoreCase("Received")) {
          received.add(receivedHop(header.value()));
        } else if (header.name().equalsIgnoreCase("Authentication-Results")) {
          authentication.add(authenticationResults(header.value()));
        }
      }
      String subject = first("Subject");
      String returnPath = first("Return-Path");
      if (returnPath != null) {
        returnPath = returnPath.replaceAll("[<>\\s]", "");
      }
      List<BodyUrl> urls = new ArrayList<>();
      if (text != null) {
        textUrls(text, UrlSource.TEXT, urls);
      }
      if (html != null) {
        htmlUrls(html, urls);
      }
      return new ParsedMessage(
          headers,
          first("Message-ID"),
          subject == null ? null : decodeWords(subject),
          first("Date"),
          addresses("From"),
          addresses("Reply-To"),
          addresses("To"),
          addresses("Cc"),
          returnPath,
          received,
          authentication,
          distinct(urls),
          text,
          html,
          attachments);
    }

    private String first(String name) {
      return headers.stream()
          .filter(h -> h.name().equalsIgnoreCase(name))
          .map(Header::value)
          .findFirst()
          .orElse(null);
    }

    private List<EmailAddress> addresses(String name) {
      List<EmailAddress> found = new ArrayList<>();
      for (Header header : headers) {
        if (!header.name().equalsIgnoreCase(name)) {
          continue;
        }
        AddressList list = LenientAddressParser.DEFAULT.parseAddressList(header.value());
        for (Address address : list) {
          if (address instanceof Mailbox mailbox) {
            found.add(address(mailbox));
          } else if (address instanceof Group group) {
            group.getMailboxes().forEach(m -> found.add(address(m)));
          }
        }
      }
      return found;
    }

    private static EmailAddress address(Mailbox mailbox) {
      String name = mailbox.getName();
      return new EmailAddress(
          mailbox.getAddress(), name == null || name.isBlank() ? null : decodeWords(name));
    }
  }

  /** The attachment's name: Content-Disposition filename, else Content-Type name, decoded. */
  private static String fileName(MaximalBodyDescriptor descriptor) {
    String name = descriptor.getContentDispositionFilename();
    if (name == null) {
      Map<String, String> dispositionParameters = descriptor.getContentDispositionParameters();
      name = rfc2231(dispositionParameters == null ? null : dispositionParameters.get("filename*"));
    }
    if (name == null) {
      Map<String, String> typeParameters = descriptor.getContentTypeParameters();
      if (typeParameters != null) {
        name = typeParameters.get("name");
        if (name == null) {
          name = rfc2231(typeParameters.get("name*"));
        }
      }
    }
    return name == null ? null : decodeWords(name);
  }

  /** Decodes an RFC 2231 extended value such as {@code utf-8''na%C3%AFve.pdf}. */
  static String rfc2231(String value) {
    if (value == null) {
      return null;
    }
    int first = value.indexOf('\'');
    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0) {
      return value;
    }
    Charset charset;
    try {
      charset = Charset.forName(value.substring(0, first).strip());
    } catch (IllegalArgumentException e) {
      charset = StandardCharsets.UTF_8;
    }
    String encoded = value.substring(second + 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()) {
        int hi = Character.digit(encoded.charAt(i + 1), 16);
        int lo = Character.digit(encoded.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          bytes.write(hi << 4 | lo);
          i += 2;
          continue;
        }
      }
      bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toString(charset);
  }

  private static String decodeWords(String text) {
    try {
      return DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static String decode(InputStream stream, String charsetName) throws IOException {
    byte[] bytes = stream.readNBytes(MAX_BODY * 2);
    stream.transferTo(OutputStream.nullOutputStream());
    Charset charset = StandardCharsets.UTF_8;
    if (charsetName != null) {
      try {
        charset = Charset.forName(charsetName.strip());
      } catch (IllegalArgumentException unknown) {
        charset = StandardCharsets.UTF_8;
      }
    }
    String text = new String(bytes, charset);
    return text.length() > MAX_BODY ? text.substring(0, MAX_BODY) : text;
  }

  static ReceivedHop receivedHop(String value) {
    String raw = value.strip();
    int semicolon = raw.lastIndexOf(';');
    String clauses = semicolon < 0 ? raw : raw.substring(0, semicolon);
    Instant time = semicolon < 0 ? null : date(raw.substring(semicolon + 1));
    int byAt = indexOfWord(clauses, "by");
    String fromPart = byAt < 0 ? clauses : clauses.substring(0, byAt);
    return new ReceivedHop(
        raw,
        group(FROM, fromPart),
        connectingIp(fromPart),
        group(BY, clauses),
        group(WITH, clauses),
        group(ID, clauses),
        time);
  }

  /**
   * The IP the receiving host saw: the one in the parenthesised TCP information, which the receiver
   * wrote, before any the sender claimed in its HELO.
   */
  private static String connectingIp(String fromPart) {
    Matcher comment = Pattern.compile("\\(([^)]*)\\)").matcher(fromPart);
    while (comment.find()) {
      Matcher ip = IP.matcher(comment.group(1));
      if (ip.find()) {
        return ip.group(1);
      }
    }
    Matcher ip = IP.matcher(fromPart);
    return ip.find() ? ip.group(1) : null;
  }

  private static int indexOfWord(String text, String word) {
    Matcher matcher = Pattern.compile("(?i)(?:^|\\s|\\))" + word + "\\s").matcher(text);
    return matcher.find() ? matcher.start() : -1;
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  /** An RFC 5322 date, comments dropped; null when it does not parse. */
  static Instant date(String text) {
    String value = text.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").strip();
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static AuthenticationResults authenticationResults(String value) {
    List<String> parts = splitOutsideComments(value);
    String server = parts.isEmpty() ? null : parts.get(0).strip().split("\\s+")[0];
    List<Check> checks = new ArrayList<>();
    for (String part : parts.subList(Math.min(1, parts.size()), parts.size())) {
      String clause = part.strip();
      Matcher method = METHOD.matcher(clause);
      if (!method.find()) {
        continue;
      }
      String rest = clause.substring(method.end());
      String comment = null;
      int open = rest.indexOf('(');
      int close = open < 0 ? -1 : rest.indexOf(')', open);
      if (close > open) {
        comment = rest.substring(open + 1, close).strip();
      }
      String withoutComments = rest.replaceAll("\\([^)]*\\)", " ");
      Map<String, String> properties = new LinkedHashMap<>();
      Matcher property = PROPERTY.matcher(withoutComments);
      while (property.find()) {
        properties.put(
            property.group(1).toLowerCase(Locale.ROOT), property.group(2).replace("\"", ""));
      }
      checks.add(
          new Check(
              method.group(1).toLowerCase(Locale.ROOT),
              method.group(2).toLowerCase(Locale.ROOT),
              comment,
              properties));
    }
    return new AuthenticationResults(server, checks);
  }

  /** Splits at {@code ;} outside parentheses and quotes. */
  private static List<String> splitOutsideComments(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (char c : value.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && depth > 0) {
        depth--;
      } else if (!quoted && depth == 0 && c == ';') {
        parts.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    if (!current.toString().isBlank()) {
      parts.add(current.toString());
    }
    return parts;
  }

  private static void textUrls(String text, UrlSource source, List<BodyUrl> urls) {
    Matcher matcher = TEXT_URL.matcher(text);
    while (matcher.find()) {
      String url = trimTrailing(matcher.group());
      if (!url.isEmpty()) {
        urls.add(new BodyUrl(url, source, null));
      }
    }
  }

  private static void htmlUrls(String html, List<BodyUrl> urls) {
    Document document = Jsoup.parse(html);
    for (Element link : document.select("a[href], area[href]")) {
      add(urls, link.attr("href"), UrlSource.HTML_LINK, link.text());
    }
    for (Element form : document.select("form[action]")) {
      add(urls, form.attr("action"), UrlSource.HTML_FORM, null);
    }
    for (Element resource :
        document.select("img[src], iframe[src], frame[src], embed[src], script[src]")) {
      add(urls, resource.attr("src"), UrlSource.HTML_RESOURCE, null);
    }
    textUrls(document.text(), UrlSource.HTML_TEXT, urls);
  }

  private static void add(List<BodyUrl> urls, String value, UrlSource source, String label) {
    String url = value == null ? "" : value.strip();
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://")
        || lower.startsWith("https://")
        || lower.startsWith("ftp://")
        || lower.startsWith("www.")) {
      urls.add(new BodyUrl(url, source, label == null || label.isBlank() ? null : label.strip()));
    }
  }

  private static String trimTrailing(String url) {
    String trimmed = url;
    while (!trimmed.isEmpty() && ".,;:!?)'\"".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  private static List<BodyUrl> distinct(List<BodyUrl> urls) {
    Set<String> seen = new LinkedHashSet<>();
    List<BodyUrl> kept = new ArrayList<>();
    for (BodyUrl url : urls) {
      if (seen.add(url.source() + " " + url.url())) {
        kept.add(url);
      }
    }
    return kept;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
