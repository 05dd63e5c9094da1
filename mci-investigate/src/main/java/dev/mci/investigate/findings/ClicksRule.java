package dev.mci.investigate.findings;

import dev.mci.investigate.cases.Click;
import dev.mci.investigate.cases.EvidenceRef;
import dev.mci.investigate.cases.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** "3 of 41 recipients clicked; 1 click was allowed by a user override". */
final class ClicksRule implements FindingRule {

  @Override
  public String name() {
    return "clicks";
  }

  @Override
  public List<Observation> observe(CaseFacts facts) {
    List<Click> clicks = facts.data().clicks();
    if (clicks.isEmpty()) {
      return List.of();
    }
    Set<String> clickers = new LinkedHashSet<>();
    clicks.forEach(c -> clickers.add(c.user()));
    Set<String> recipients = Facts.recipients(facts.data().located());
    long overrides = clicks.stream().filter(Click::userOverride).count();
    long blocked = clicks.stream().filter(c -> is(c.action(), "block")).count();
    long allowed = clicks.stream().filter(c -> is(c.action(), "allow")).count();

    StringBuilder statement = new StringBuilder();
    if (recipients.isEmpty()) {
      statement.append(Facts.plural(clickers.size(), "user", "users")).append(" clicked");
    } else {
      long recipientClickers = clickers.stream().filter(recipients::contains).count();
      statement
          .append(recipientClickers)
          .append(" of ")
          .append(Facts.plural(recipients.size(), "recipient", "recipients"))
          .append(" clicked");
      long others = clickers.size() - recipientClickers;
      if (others > 0) {
        statement
            .append(" (and ")
            .append(Facts.plural(others, "other user", "other users"))
            .append(")");
      }
    }
    statement.append("; ").append(Facts.plural(clicks.size(), "click", "clicks")).append(": ");
    List<String> parts = new ArrayList<>();
    parts.add(allowed + " allowed");
    parts.add(blocked + " blocked");
    if (overrides > 0) {
      parts.add(
          Facts.plural(overrides, "click was", "clicks were") + " allowed by a user override");
    }
    statement.append(String.join(", ", parts));

    List<EvidenceRef> evidence = new ArrayList<>();
    clicks.stream()
        .limit(Facts.MAX_REFS)
        .forEach(c -> evidence.add(new EvidenceRef("click", c.user() + " " + c.time())));
    Severity severity = allowed > 0 || overrides > 0 ? Severity.HIGH : Severity.MEDIUM;
    return List.of(new Observation(severity, statement.toString(), evidence));
  }

  private static boolean is(String action, String prefix) {
    return action != null && action.toLowerCase(Locale.ROOT).startsWith(prefix);
  }
}
