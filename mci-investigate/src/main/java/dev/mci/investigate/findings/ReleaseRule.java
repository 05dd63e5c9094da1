package dev.mci.investigate.findings;

import dev.mci.investigate.cases.EvidenceRef;
import dev.mci.investigate.cases.HoldRelease;
import dev.mci.investigate.cases.Severity;
import java.util.ArrayList;
import java.util.List;

/** "Held for cfo@… (Attachment Protection), then released by admin@… 47 minutes later". */
final class ReleaseRule implements FindingRule {

  @Override
  public String name() {
    return "release";
  }

  @Override
  public List<Observation> observe(CaseFacts facts) {
    List<Observation> observations = new ArrayList<>();
    for (HoldRelease hold : facts.data().holds()) {
      String held =
          "The copy for "
              + hold.recipient()
              + " was held"
              + (hold.reason() == null ? "" : " (" + hold.reason() + ")");
      List<EvidenceRef> evidence = new ArrayList<>();
      evidence.add(new EvidenceRef("hold", hold.recipient() + " " + hold.heldAt()));
      if (hold.messageId() != null) {
        evidence.add(EvidenceRef.message(hold.messageId()));
      }
      if (hold.releasedAt() != null) {
        String after =
            hold.heldAt() == null
                ? ""
                : " " + Facts.duration(hold.heldAt(), hold.releasedAt()) + " later";
        observations.add(
            new Observation(
                Severity.HIGH,
                held
                    + ", then released by "
                    + (hold.releasedBy() == null ? "an administrator" : hold.releasedBy())
                    + after,
                evidence));
      } else {
        observations.add(new Observation(Severity.MEDIUM, held + " and not released", evidence));
      }
    }
    return observations;
  }
}
