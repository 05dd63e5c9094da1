package dev.mci.investigate.findings;

import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.EvidenceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Small helpers the rules share. */
final class Facts {

  /** At most this many message references per finding; the rest are counted in the statement. */
  static final int MAX_REFS = 10;

  private Facts() {}

  /** Distinct recipient addresses of the copies, in order. */
  static Set<String> recipients(List<CaseMessage> copies) {
    Set<String> recipients = new LinkedHashSet<>();
    for (CaseMessage copy : copies) {
      for (Address to : copy.to()) {
        if (!to.address().isEmpty()) {
          recipients.add(to.address());
        }
      }
    }
    return recipients;
  }

  /**
   * The copies grouped into messages: copies of one message share sender, subject and received time
   * (Message Finder reports one row per recipient).
   */
  static Map<String, List<CaseMessage>> byMessage(List<CaseMessage> copies) {
    Map<String, List<CaseMessage>> groups = new LinkedHashMap<>();
    for (CaseMessage copy : copies) {
      String key = copy.sender().address() + "\u0000" + copy.subject() + "\u0000" + copy.received();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(copy);
    }
    return groups;
  }

  /** "38 archived, 2 held" */
  static String statusCounts(List<CaseMessage> copies) {
    Map<String, Integer> counts = new TreeMap<>();
    for (CaseMessage copy : copies) {
      counts.merge(copy.status() == null ? "unknown" : copy.status(), 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }

  static List<EvidenceRef> messageRefs(List<CaseMessage> copies) {
    return copies.stream().limit(MAX_REFS).map(c -> EvidenceRef.message(c.id())).toList();
  }

  static String plural(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  /** "47 minutes", "3 hours 5 minutes", "2 days 4 hours" */
  static String duration(Instant from, Instant to) {
    Duration d = Duration.between(from, to).abs();
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    if (days > 0) {
      return plural(days, "day", "days") + (hours > 0 ? " " + plural(hours, "hour", "hours") : "");
    }
    if (hours > 0) {
      return plural(hours, "hour", "hours")
          + (minutes > 0 ? " " + plural(minutes, "minute", "minutes") : "");
    }
    if (minutes > 0) {
      return plural(minutes, "minute", "minutes");
    }
    return plural(d.toSecondsPart(), "second", "seconds");
  }

  /** A long value shortened for a sentence; the full value stays in the evidence. */
  static String shortHash(String sha256) {
    return sha256.length() > 12 ? sha256.substring(0, 12) + "…" : sha256;
  }
}
