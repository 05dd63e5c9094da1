package dev.mci.investigate.findings;

import dev.mci.investigate.cases.EvidenceRef;
import dev.mci.investigate.cases.LocalEvent;
import dev.mci.investigate.cases.LocalEventHunt;
import dev.mci.investigate.cases.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * "The local event store holds 12 events for sender x@…: 5 receipt (3 rejected), 1 impersonation
 * protect (1 held)": one statement per hunted value of the case that the store holds events for
 * (recipients together in one statement, counting only their rows that touch the case). MEDIUM when
 * the rows show the gateway acting against the value (rejected, held or blocked, or an
 * impersonation hit), INFO when they show ordinary traffic.
 */
final class LocalEventsRule implements FindingRule {

  /** At most this many statements about single values (the most telling roles first). */
  static final int MAX_STATEMENTS = 5;

  private static final List<String> ROLES =
      List.of("indicator", "sender", "sender-domain", "sending-ip", "attachment");

  @Override
  public String name() {
    return "local-events";
  }

  @Override
  public List<Observation> observe(CaseFacts facts) {
    List<LocalEventHunt> hunts = facts.data().localEventHunts();
    List<LocalEvent> rows = facts.data().localEvents();
    List<Observation> observations = new ArrayList<>();
    for (String role : ROLES) {
      for (LocalEventHunt hunt : hunts) {
        if (!hunt.role().equals(role) || hunt.total() == 0) {
          continue;
        }
        if (observations.size() == MAX_STATEMENTS) {
          break;
        }
        String label = hunt.role() + ":" + hunt.value();
        List<LocalEvent> matching = rows.stream().filter(r -> r.matched().contains(label)).toList();
        if (repeatsAnother(hunt, matching, hunts, rows)) {
          continue;
        }
        observations.add(
            new Observation(
                severity(matching),
                "The local event store holds "
                    + Facts.plural(hunt.total(), "event", "events")
                    + " for "
                    + describe(hunt)
                    + breakdown(matching, hunt.total()),
                refs(matching)));
      }
    }
    recipients(hunts, rows).ifPresent(observations::add);
    return observations;
  }

  /**
   * Whether a domain's rows are exactly those of one of its senders (a domain that only that sender
   * used): the sender's statement already says it all.
   */
  private static boolean repeatsAnother(
      LocalEventHunt hunt,
      List<LocalEvent> matching,
      List<LocalEventHunt> hunts,
      List<LocalEvent> rows) {
    if (!hunt.role().equals("sender-domain")) {
      return false;
    }
    return hunts.stream()
        .filter(h -> h.role().equals("sender") && h.total() == hunt.total())
        .anyMatch(
            sender -> {
              String label = "sender:" + sender.value();
              return matching.equals(
                  rows.stream().filter(r -> r.matched().contains(label)).toList());
            });
  }

  private static Optional<Observation> recipients(
      List<LocalEventHunt> hunts, List<LocalEvent> rows) {
    List<LocalEventHunt> touched =
        hunts.stream().filter(h -> h.role().equals("recipient") && h.related() > 0).toList();
    if (touched.isEmpty()) {
      return Optional.empty();
    }
    List<LocalEvent> matching =
        rows.stream()
            .filter(r -> r.matched().stream().anyMatch(m -> m.startsWith("recipient:")))
            .toList();
    long related = touched.stream().mapToLong(LocalEventHunt::related).sum();
    return Optional.of(
        new Observation(
            severity(matching),
            "The local event store holds "
                + Facts.plural(related, "event", "events")
                + " of "
                + Facts.plural(touched.size(), "recipient", "recipients")
                + " that touch this case's sender, domain, IP, attachment or message"
                + breakdown(matching, related),
            refs(matching)));
  }

  private static String describe(LocalEventHunt hunt) {
    String what =
        switch (hunt.role()) {
          case "sender" -> "sender";
          case "sender-domain" -> "sender domain";
          case "sending-ip" -> "sending IP";
          case "attachment" -> "attachment SHA-256";
          default ->
              switch (hunt.kind()) {
                case "sender" -> "sender";
                case "domain" -> "domain";
                case "ip" -> "IP";
                case "hash" -> "SHA-256";
                default -> "user";
              };
        };
    String value = hunt.kind().equals("hash") ? Facts.shortHash(hunt.value()) : hunt.value();
    return what + " " + value;
  }

  /** ": 5 receipt (3 rejected), 1 impersonation protect", over the rows the case kept. */
  private static String breakdown(List<LocalEvent> rows, long total) {
    if (rows.isEmpty()) {
      return "";
    }
    Map<String, Integer> byType = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> acted = new LinkedHashMap<>();
    for (LocalEvent row : rows) {
      String type = row.logType() == null ? "unknown" : row.logType();
      byType.merge(type, 1, Integer::sum);
      String action = actedAgainst(row);
      if (action != null) {
        acted.computeIfAbsent(type, t -> new TreeMap<>()).merge(action, 1, Integer::sum);
      }
    }
    String parts =
        byType.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .map(
                e ->
                    e.getValue()
                        + " "
                        + e.getKey()
                        + Optional.ofNullable(acted.get(e.getKey()))
                            .map(
                                a ->
                                    a.entrySet().stream()
                                        .map(x -> x.getValue() + " " + x.getKey())
                                        .collect(Collectors.joining(", ", " (", ")")))
                            .orElse(""))
            .collect(Collectors.joining(", "));
    return (rows.size() < total ? "; of the newest " + rows.size() + ", kept in the case: " : ": ")
        + parts;
  }

  /** "rejected", "held" or "blocked" when Mimecast acted against the event, else null. */
  static String actedAgainst(LocalEvent row) {
    String action = row.action() == null ? "" : row.action().strip().toLowerCase(Locale.ROOT);
    if (action.startsWith("rej")) {
      return "rejected";
    }
    if (action.startsWith("hld") || action.startsWith("hold") || action.startsWith("held")) {
      return "held";
    }
    if (action.startsWith("block")) {
      return "blocked";
    }
    return null;
  }

  private static Severity severity(List<LocalEvent> rows) {
    boolean acted =
        rows.stream()
            .anyMatch(
                r ->
                    actedAgainst(r) != null
                        || "impersonation protect".equalsIgnoreCase(r.logType()));
    return acted ? Severity.MEDIUM : Severity.INFO;
  }

  private static List<EvidenceRef> refs(List<LocalEvent> rows) {
    List<EvidenceRef> refs = new ArrayList<>();
    refs.add(EvidenceRef.step("local-events"));
    rows.stream()
        .limit(Facts.MAX_REFS)
        .forEach(r -> refs.add(new EvidenceRef("event", String.valueOf(r.storeId()))));
    return refs;
  }
}
