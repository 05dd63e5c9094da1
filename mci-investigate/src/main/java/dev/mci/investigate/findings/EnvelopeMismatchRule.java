package dev.mci.investigate.findings;

import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "The envelope sender bounce@x differs from the header From ceo@y". */
final class EnvelopeMismatchRule implements FindingRule {

  @Override
  public String name() {
    return "envelope-mismatch";
  }

  @Override
  public List<Observation> observe(CaseFacts facts) {
    Map<String, List<CaseMessage>> pairs = new LinkedHashMap<>();
    for (CaseMessage copy : facts.data().located()) {
      if (copy.envelopeFrom() == null || copy.headerFrom() == null) {
        continue;
      }
      String envelope = copy.envelopeFrom().domain();
      String header = copy.headerFrom().domain();
      if (!envelope.isEmpty() && !header.isEmpty() && !envelope.equals(header)) {
        pairs
            .computeIfAbsent(
                copy.envelopeFrom().address() + " " + copy.headerFrom().address(),
                k -> new ArrayList<>())
            .add(copy);
      }
    }
    List<Observation> observations = new ArrayList<>();
    for (List<CaseMessage> copies : pairs.values()) {
      CaseMessage first = copies.get(0);
      observations.add(
          new Observation(
              Severity.MEDIUM,
              "The envelope sender "
                  + first.envelopeFrom().address()
                  + " is in another domain than the header From "
                  + first.headerFrom().address(),
              Facts.messageRefs(copies)));
    }
    return observations;
  }
}
