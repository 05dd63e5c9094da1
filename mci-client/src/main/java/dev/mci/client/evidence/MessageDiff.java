package dev.mci.client.evidence;

import dev.mci.client.InvalidRequestException;
import dev.mci.client.evidence.MessageChanges.AttachmentAction;
import dev.mci.client.evidence.MessageChanges.AttachmentChange;
import dev.mci.client.evidence.MessageChanges.UrlChange;
import dev.mci.client.evidence.ParsedMessage.Attachment;
import dev.mci.client.evidence.ParsedMessage.BodyUrl;
import dev.mci.client.evidence.ParsedMessage.Header;
import dev.mci.client.evidence.ParsedMessage.UrlSource;
import dev.mci.client.messages.EmailAddress;
import dev.mci.client.messages.MessageContext;
import dev.mci.client.messages.MessageDetail;
import dev.mci.client.messages.MessagesApi;
import dev.mci.client.messages.PartType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * Compares the copy of a message Mimecast received with the copy it delivered: URLs rewritten by
 * URL Protect (paired with their originals by position, anchored on the URLs that did not change),
 * text added or removed (banners), attachments removed, replaced or added, and headers added or
 * removed. Works on two {@link ParsedMessage}s, so nothing is opened or rendered.
 */
public final class MessageDiff {

  /** Above this many line pairs the text diff falls back to a set difference. */
  private static final long MAX_LCS_CELLS = 4_000_000L;

  private MessageDiff() {}

  /**
   * Downloads the received and delivered RFC 822 copies of an archived message and compares them.
   *
   * @param mailbox the mailbox whose delivered copy to compare; null for the first recipient
   */
  public static MessageChanges fetch(MessagesApi messages, String archiveId, String mailbox) {
    String target = mailbox;
    if (target == null || target.isBlank()) {
      MessageDetail detail = messages.detail(archiveId, MessageContext.DELIVERED);
      target =
          detail.to().stream()
              .map(EmailAddress::emailAddress)
              .filter(a -> a != null && !a.isBlank())
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidRequestException(
                          "/api/archive/get-message-part",
                          "the message lists no recipient; give the mailbox whose copy to compare"));
    }
    ParsedMessage received =
        MessageReader.read(
            messages.part(archiveId, PartType.RFC822, MessageContext.RECEIVED, target));
    ParsedMessage delivered =
        MessageReader.read(
            messages.part(archiveId, PartType.RFC822, MessageContext.DELIVERED, target));
    return compare(received, delivered);
  }

  /** The changes from {@code received} to {@code delivered}. */
  public static MessageChanges compare(ParsedMessage received, ParsedMessage delivered) {
    List<UrlChange> urls = urlChanges(received.urls(), delivered.urls());
    Map<String, String> originals = new HashMap<>();
    for (UrlChange change : urls) {
      if (change.rewritten()) {
        originals.put(change.delivered(), change.original());
      }
    }
    List<String> receivedLines = lines(bodyText(received), Map.of());
    List<String> deliveredLines = lines(bodyText(delivered), originals);
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    lineDiff(receivedLines, deliveredLines, removed, added);
    return new MessageChanges(
        urls,
        added,
        removed,
        attachmentChanges(received.attachments(), delivered.attachments()),
        minus(delivered.headers(), received.headers()),
        minus(received.headers(), delivered.headers()));
  }

  private static List<UrlChange> urlChanges(List<BodyUrl> received, List<BodyUrl> delivered) {
    Map<String, UrlChange> changes = new LinkedHashMap<>();
    for (UrlSource source : UrlSource.values()) {
      List<String> before =
          received.stream().filter(u -> u.source() == source).map(BodyUrl::url).toList();
      List<String> after =
          delivered.stream().filter(u -> u.source() == source).map(BodyUrl::url).toList();
      for (String[] pair : align(before, after)) {
        if (pair[0] != null && pair[1] != null && pair[0].equals(pair[1])) {
          continue;
        }
        changes.putIfAbsent(pair[0] + "\u0000" + pair[1], new UrlChange(pair[0], pair[1], source));
      }
    }
    return new ArrayList<>(changes.values());
  }

  /**
   * Aligns two sequences: equal items are matched by longest common subsequence; the unmatched
   * items between two matches are paired in order, leftovers paired with null.
   */
  static List<String[]> align(List<String> before, List<String> after) {
    int n = before.size();
    int m = after.size();
    List<String[]> pairs = new ArrayList<>();
    if ((long) n * m > MAX_LCS_CELLS) {
      for (int i = 0; i < Math.max(n, m); i++) {
        pairs.add(new String[] {i < n ? before.get(i) : null, i < m ? after.get(i) : null});
      }
      return pairs;
    }
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            before.get(i).equals(after.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> gapBefore = new ArrayList<>();
    List<String> gapAfter = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && before.get(i).equals(after.get(j))) {
        flush(gapBefore, gapAfter, pairs);
        pairs.add(new String[] {before.get(i), after.get(j)});
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        gapAfter.add(after.get(j++));
      } else {
        gapBefore.add(before.get(i++));
      }
    }
    flush(gapBefore, gapAfter, pairs);
    return pairs;
  }

  private static void flush(List<String> before, List<String> after, List<String[]> pairs) {
    for (int k = 0; k < Math.max(before.size(), after.size()); k++) {
      pairs.add(
          new String[] {
            k < before.size() ? before.get(k) : null, k < after.size() ? after.get(k) : null
          });
    }
    before.clear();
    after.clear();
  }

  private static String bodyText(ParsedMessage message) {
    if (message.textBody() != null) {
      return message.textBody();
    }
    return message.htmlBody() == null ? "" : Jsoup.parse(message.htmlBody()).wholeText();
  }

  /** Non-blank lines, stripped, with rewritten URLs put back to their originals. */
  private static List<String> lines(String text, Map<String, String> originals) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      String value = line.strip();
      if (value.isEmpty()) {
        continue;
      }
      for (Map.Entry<String, String> rewrite : originals.entrySet()) {
        value = value.replace(rewrite.getKey(), rewrite.getValue());
      }
      lines.add(value);
    }
    return lines;
  }

  private static void lineDiff(
      List<String> received, List<String> delivered, List<String> removed, List<String> added) {
    for (String[] pair : align(received, delivered)) {
      if (pair[0] != null && pair[1] != null && pair[0].equals(pair[1])) {
        continue;
      }
      if (pair[0] != null) {
        removed.add(pair[0]);
      }
      if (pair[1] != null) {
        added.add(pair[1]);
      }
    }
  }

  private static List<AttachmentChange> attachmentChanges(
      List<Attachment> received, List<Attachment> delivered) {
    List<Attachment> gone = new ArrayList<>();
    List<Attachment> fresh = new ArrayList<>(delivered);
    for (Attachment attachment : received) {
      Attachment same =
          fresh.stream()
              .filter(d -> d.sha256().equals(attachment.sha256()))
              .findFirst()
              .orElse(null);
      if (same != null) {
        fresh.remove(same);
      } else {
        gone.add(attachment);
      }
    }
    List<AttachmentChange> changes = new ArrayList<>();
    // A replacement usually carries the original's name; pair those first.
    for (Attachment original : new ArrayList<>(gone)) {
      String name = lower(original.fileName());
      Attachment replacement =
          name.isEmpty()
              ? null
              : fresh.stream()
                  .filter(d -> lower(d.fileName()).startsWith(name))
                  .findFirst()
                  .orElse(null);
      if (replacement != null) {
        changes.add(new AttachmentChange(AttachmentAction.REPLACED, original, replacement));
        gone.remove(original);
        fresh.remove(replacement);
      }
    }
    if (gone.size() == 1 && fresh.size() == 1) {
      changes.add(new AttachmentChange(AttachmentAction.REPLACED, gone.get(0), fresh.get(0)));
      return changes;
    }
    gone.forEach(a -> changes.add(new AttachmentChange(AttachmentAction.REMOVED, a, null)));
    fresh.forEach(a -> changes.add(new AttachmentChange(AttachmentAction.ADDED, null, a)));
    return changes;
  }

  private static List<Header> minus(List<Header> these, List<Header> those) {
    Map<String, Integer> counts = new HashMap<>();
    for (Header header : those) {
      counts.merge(key(header), 1, Integer::sum);
    }
    List<Header> left = new ArrayList<>();
    for (Header header : these) {
      String key = key(header);
      int count = counts.getOrDefault(key, 0);
      if (count > 0) {
        counts.put(key, count - 1);
      } else {
        left.add(header);
      }
    }
    return left;
  }

  private static String key(Header header) {
    return header.name().toLowerCase(Locale.ROOT) + ":" + header.value().replaceAll("\\s+", " ");
  }

  private static String lower(String value) {
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }
}
