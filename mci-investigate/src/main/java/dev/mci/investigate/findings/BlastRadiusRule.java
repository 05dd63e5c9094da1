package dev.mci.investigate.findings;

import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.EvidenceRef;
import dev.mci.investigate.cases.Relation;
import dev.mci.investigate.cases.Severity;
import dev.mci.investigate.engine.Capability;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** "The same sender sent 3 other messages to 12 other recipients in the window". */
final class BlastRadiusRule implements FindingRule {

  @Override
  public String name() {
    return "blast-radius";
  }

  @Override
  public List<Observation> observe(CaseFacts facts) {
    Set<String> reached = Facts.recipients(facts.data().located());
    List<Observation> observations = new ArrayList<>();
    for (Relation relation :
        List.of(
            Relation.SAME_SENDER, Relation.SAME_SUBJECT, Relation.SAME_HASH, Relation.SAME_URL)) {
      List<CaseMessage> related =
          facts.data().messages().stream().filter(m -> m.relation() == relation).toList();
      if (related.isEmpty()) {
        continue;
      }
      int messages = Facts.byMessage(related).size();
      long newRecipients =
          Facts.recipients(related).stream().filter(r -> !reached.contains(r)).count();
      long senders = related.stream().map(c -> c.sender().address()).distinct().count();
      String what =
          switch (relation) {
            case SAME_SENDER ->
                "The same sender sent " + Facts.plural(messages, "other message", "other messages");
            case SAME_SUBJECT ->
                Facts.plural(messages, "other message", "other messages")
                    + " with the same subject (from "
                    + Facts.plural(senders, "sender", "senders")
                    + ") went";
            case SAME_HASH ->
                Facts.plural(messages, "other message", "other messages")
                    + " with the same attachment went";
            default ->
                Facts.plural(messages, "other message", "other messages")
                    + " with the same URL went";
          };
      observations.add(
          new Observation(
              Severity.MEDIUM,
              what
                  + " to "
                  + Facts.plural(newRecipients, "recipient", "recipients")
                  + " not among those of the investigated message"
                  + " in the window",
              Facts.messageRefs(related)));
    }
    if (observations.isEmpty()
        && !facts.data().located().isEmpty()
        && facts.succeeded().contains(Capability.BLAST_RADIUS_SENDER_SUBJECT)) {
      observations.add(
          new Observation(
              Severity.INFO,
              "No other message from the same sender or with the same subject in the window",
              List.of(
                  EvidenceRef.step("blast-radius-sender"),
                  EvidenceRef.step("blast-radius-subject"))));
    }
    return observations;
  }
}
