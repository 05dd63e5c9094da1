package dev.mci.investigate.findings;

import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "Sender domain acme-c0rp.example imitates the internal domain acme-corp.example". */
final class LookalikeDomainRule implements FindingRule {

  @Override
  public String name() {
    return "lookalike-domain";
  }

  @Override
  public List<Observation> observe(CaseFacts facts) {
    Map<String, List<CaseMessage>> bySenderDomain = new LinkedHashMap<>();
    for (CaseMessage copy : facts.data().located()) {
      for (String domain :
          List.of(
              copy.sender().domain(),
              copy.envelopeFrom() == null ? "" : copy.envelopeFrom().domain())) {
        if (!domain.isEmpty() && !facts.data().isInternal(domain)) {
          bySenderDomain.computeIfAbsent(domain, d -> new ArrayList<>()).add(copy);
        }
      }
    }
    List<Observation> observations = new ArrayList<>();
    for (Map.Entry<String, List<CaseMessage>> entry : bySenderDomain.entrySet()) {
      for (String internal : facts.data().internalDomains()) {
        if (Lookalikes.resembles(entry.getKey(), internal)) {
          observations.add(
              new Observation(
                  Severity.HIGH,
                  "The sender domain "
                      + entry.getKey()
                      + " imitates the internal domain "
                      + internal
                      + " (a lookalike domain)",
                  Facts.messageRefs(entry.getValue())));
          break;
        }
      }
    }
    return observations;
  }
}
