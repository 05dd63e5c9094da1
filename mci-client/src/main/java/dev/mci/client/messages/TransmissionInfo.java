package dev.mci.client.messages;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Message Finder's {@code transmissionInfo}: a header block, HTML-escaped, in {@code <pre>}.
 */
final class TransmissionInfo {

  private TransmissionInfo() {}

  static List<String> headerLines(String transmissionInfo) {
    List<String> lines = new ArrayList<>();
    if (transmissionInfo == null) {
      return lines;
    }
    String text = transmissionInfo.strip();
    if (text.startsWith("<pre>")) {
      text = text.substring(5);
    }
    if (text.endsWith("</pre>")) {
      text = text.substring(0, text.length() - 6);
    }
    text =
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    StringBuilder current = null;
    for (String line : text.split("\r?\n", -1)) {
      if (line.isEmpty()) {
        if (current != null) {
          lines.add(current.toString());
          current = null;
        }
        // Only the top header block: part headers follow a blank line.
        if (!lines.isEmpty()) {
          break;
        }
        continue;
      }
      if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
        current.append(' ').append(line.strip());
      } else {
        if (current != null) {
          lines.add(current.toString());
        }
        current = new StringBuilder(line);
      }
    }
    if (current != null) {
      lines.add(current.toString());
    }
    return lines;
  }
}
