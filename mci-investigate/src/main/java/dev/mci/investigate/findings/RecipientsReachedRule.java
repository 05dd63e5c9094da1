package dev.mci.investigate.findings;

import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.EvidenceRef;
import dev.mci.investigate.cases.Severity;
import dev.mci.investigate.engine.Capability;
import java.util.List;
import java.util.Map;

/**
 * "The message from x@… ('Subject') reached 40 recipients: 38 archived, 2 held", or, when Message
 * Finder ran and found nothing, that nothing matched.
 */
final class RecipientsReachedRule implements FindingRule {

  @Override
  public String name() {
    return "recipients";
  }

  @Override
  public List<Observation> observe(CaseFacts facts) {
    List<CaseMessage> located = facts.data().located();
    if (located.isEmpty()) {
      if (facts.succeeded().contains(Capability.LOCATE_MESSAGE_FINDER)) {
        return List.of(
            new Observation(
                Severity.INFO,
                "No message matched "
                    + facts.indicator().type().description()
                    + " "
                    + facts.indicator().value()
                    + " between "
                    + facts.window().since()
                    + " and "
                    + facts.window().until(),
                List.of(EvidenceRef.step("locate-messages"))));
      }
      return List.of();
    }
    Map<String, List<CaseMessage>> messages = Facts.byMessage(located);
    int recipients = Facts.recipients(located).size();
    String statement;
    if (messages.size() == 1) {
      CaseMessage first = located.get(0);
      statement =
          "The message from "
              + first.sender().address()
              + " ('"
              + first.subject()
              + "') reached "
              + Facts.plural(recipients, "recipient", "recipients")
              + ": "
              + Facts.statusCounts(located);
    } else {
      long senders = located.stream().map(c -> c.sender().address()).distinct().count();
      statement =
          Facts.plural(messages.size(), "message", "messages")
              + " from "
              + Facts.plural(senders, "sender", "senders")
              + " reached "
              + Facts.plural(recipients, "recipient", "recipients")
              + ": "
              + Facts.statusCounts(located);
    }
    return List.of(new Observation(Severity.MEDIUM, statement, Facts.messageRefs(located)));
  }
}
