package dev.mci.simulator.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a message says and what Mimecast changed on delivery: the Reply-To, the plain-text and HTML
 * bodies (the same words and links in both), the banner added to inbound mail, URL Protect's
 * rewrites, the fate of each attachment, and the SMTP legs. Generated from the seed and the message
 * index by {@link Tenant#content(Message)}, so every endpoint shows the same content. Immutable.
 */
public final class MessageContent {

  private final Message message;
  private final Optional<Mailbox> replyTo;
  private final String greeting;
  private final List<String> paragraphs;
  private final List<String> linkLabels;
  private final List<String> signature;
  private final Optional<String> banner;
  private final List<DeliveredAttachment> deliveredAttachments;
  private final Transmission transmission;

  MessageContent(
      Message message,
      Optional<Mailbox> replyTo,
      String greeting,
      List<String> paragraphs,
      List<String> linkLabels,
      List<String> signature,
      Optional<String> banner,
      List<DeliveredAttachment> deliveredAttachments,
      Transmission transmission) {
    this.message = Objects.requireNonNull(message, "message");
    this.replyTo = Objects.requireNonNull(replyTo, "replyTo");
    this.greeting = Objects.requireNonNull(greeting, "greeting");
    this.paragraphs = List.copyOf(paragraphs);
    this.linkLabels = List.copyOf(linkLabels);
    this.signature = List.copyOf(signature);
    this.banner = Objects.requireNonNull(banner, "banner");
    this.deliveredAttachments = List.copyOf(deliveredAttachments);
    this.transmission = Objects.requireNonNull(transmission, "transmission");
    if (linkLabels.size() != message.urls().size()) {
      throw new IllegalArgumentException("one link label per URL");
    }
  }

  /** The message this content belongs to. */
  public Message message() {
    return message;
  }

  /** The {@code Reply-To} header, when the sender set one. */
  public Optional<Mailbox> replyTo() {
    return replyTo;
  }

  /** The banner Mimecast adds at the top of delivered inbound mail; empty for other routes. */
  public Optional<String> banner() {
    return banner;
  }

  /** Whether URL Protect rewrote the body's URLs on delivery (inbound mail only). */
  public boolean urlsRewritten() {
    return message.route() == Route.INBOUND;
  }

  /** The body's URLs in order, as written by the sender or as delivered. */
  public List<String> urls(ContentForm form) {
    List<String> urls = new ArrayList<>();
    for (MessageUrl url : message.urls()) {
      urls.add(form == ContentForm.DELIVERED && urlsRewritten() ? url.rewritten() : url.original());
    }
    return urls;
  }

  /** What happened to each attachment on delivery, in attachment order. */
  public List<DeliveredAttachment> deliveredAttachments() {
    return deliveredAttachments;
  }

  /** The attachments of one form: as received, or as delivered (replacements in place). */
  public List<AttachmentFile> attachments(ContentForm form) {
    if (form == ContentForm.RECEIVED) {
      return message.attachments();
    }
    List<AttachmentFile> files = new ArrayList<>();
    for (DeliveredAttachment delivered : deliveredAttachments) {
      switch (delivered.action()) {
        case KEPT -> files.add(delivered.original());
        case REPLACED -> files.add(delivered.replacement().orElseThrow());
        case REMOVED -> {
          // Nothing reaches the recipient.
        }
      }
    }
    return files;
  }

  /** The SMTP legs through Mimecast. */
  public Transmission transmission() {
    return transmission;
  }

  /** The plain-text body with {@code \n} line ends. */
  public String text(ContentForm form) {
    StringBuilder text = new StringBuilder();
    if (form == ContentForm.DELIVERED && banner.isPresent()) {
      text.append(banner.get()).append("\n\n");
    }
    text.append(greeting).append("\n\n");
    for (String paragraph : paragraphs) {
      text.append(paragraph).append("\n\n");
    }
    List<String> urls = urls(form);
    for (int i = 0; i < urls.size(); i++) {
      text.append(linkLabels.get(i)).append(": ").append(urls.get(i)).append('\n');
    }
    if (!urls.isEmpty()) {
      text.append('\n');
    }
    text.append(String.join("\n", signature)).append('\n');
    return text.toString();
  }

  /** The HTML body: the same words and links as {@link #text}, with {@code \n} line ends. */
  public String html(ContentForm form) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(escape(message.subject()))
        .append("</title></head>\n<body>\n");
    if (form == ContentForm.DELIVERED && banner.isPresent()) {
      html.append(
              "<div style=\"border:1px solid #c00;padding:6px;background:#fee\""
                  + " class=\"mimecast-banner\">")
          .append(escape(banner.get()))
          .append("</div>\n");
    }
    html.append("<p>").append(escape(greeting)).append("</p>\n");
    for (String paragraph : paragraphs) {
      html.append("<p>").append(escape(paragraph)).append("</p>\n");
    }
    List<String> urls = urls(form);
    for (int i = 0; i < urls.size(); i++) {
      html.append("<p><a href=\"")
          .append(escape(urls.get(i)))
          .append("\">")
          .append(escape(linkLabels.get(i)))
          .append("</a></p>\n");
    }
    html.append("<p>")
        .append(String.join("<br>\n", signature.stream().map(MessageContent::escape).toList()))
        .append("</p>\n</body></html>\n");
    return html.toString();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
