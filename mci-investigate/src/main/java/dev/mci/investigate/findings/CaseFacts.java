package dev.mci.investigate.findings;

import dev.mci.investigate.Indicator;
import dev.mci.investigate.cases.CaseData;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.engine.Capability;
import java.util.Set;

/**
 * What finding rules read: the data, plus which parts of the playbook actually ran, so a rule can
 * tell "nothing found" from "not looked at".
 *
 * @param indicator what was investigated
 * @param window the window searched
 * @param data everything found
 * @param succeeded capabilities whose steps all succeeded
 */
public record CaseFacts(
    Indicator indicator, CaseWindow window, CaseData data, Set<Capability> succeeded) {

  /** Copies the capabilities. */
  public CaseFacts {
    succeeded = Set.copyOf(succeeded);
  }
}
