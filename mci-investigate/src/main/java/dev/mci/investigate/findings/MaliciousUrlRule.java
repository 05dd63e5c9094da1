package dev.mci.investigate.findings;

import dev.mci.investigate.cases.CaseUrl;
import dev.mci.investigate.cases.EvidenceRef;
import dev.mci.investigate.cases.Severity;
import java.util.ArrayList;
import java.util.List;

/** "URL Protect classifies https://… as malicious (Phishing & Fraud)". */
final class MaliciousUrlRule implements FindingRule {

  @Override
  public String name() {
    return "malicious-url";
  }

  @Override
  public List<Observation> observe(CaseFacts facts) {
    List<Observation> observations = new ArrayList<>();
    for (CaseUrl url : facts.data().urls()) {
      if (Boolean.TRUE.equals(url.malicious())) {
        observations.add(
            new Observation(
                Severity.HIGH,
                "URL Protect classifies "
                    + url.url()
                    + " as malicious"
                    + (url.category() == null ? "" : " (" + url.category() + ")"),
                List.of(EvidenceRef.url(url.url()))));
      }
    }
    return observations;
  }
}
