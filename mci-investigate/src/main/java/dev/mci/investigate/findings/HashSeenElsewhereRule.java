package dev.mci.investigate.findings;

import dev.mci.investigate.cases.CaseAttachment;
import dev.mci.investigate.cases.EvidenceRef;
import dev.mci.investigate.cases.Severity;
import java.util.ArrayList;
import java.util.List;

/** "The attachment's SHA-256 was seen in 12 other messages". */
final class HashSeenElsewhereRule implements FindingRule {

  @Override
  public String name() {
    return "hash-seen-elsewhere";
  }

  @Override
  public List<Observation> observe(CaseFacts facts) {
    List<Observation> observations = new ArrayList<>();
    for (CaseAttachment attachment : facts.data().attachments()) {
      Integer others = attachment.otherMessages();
      if (others != null && others > 0) {
        observations.add(
            new Observation(
                Severity.MEDIUM,
                "The attachment '"
                    + attachment.fileName()
                    + "' (SHA-256 "
                    + Facts.shortHash(attachment.sha256())
                    + ") was seen in "
                    + Facts.plural(others, "other message", "other messages"),
                List.of(new EvidenceRef("attachment", attachment.sha256()))));
      }
    }
    return observations;
  }
}
