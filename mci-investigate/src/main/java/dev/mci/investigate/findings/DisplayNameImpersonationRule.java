package dev.mci.investigate.findings;

import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * "The sender shows the display name 'Dana Reyes', the name of internal user dana@acme…, from the
 * external address dana@acme-c0rp…". Internal people are those seen in the case with an internal
 * address.
 */
final class DisplayNameImpersonationRule implements FindingRule {

  @Override
  public String name() {
    return "display-name-impersonation";
  }

  @Override
  public List<Observation> observe(CaseFacts facts) {
    Map<String, String> internalByName = new HashMap<>();
    for (CaseMessage copy : facts.data().messages()) {
      List<Address> people = new ArrayList<>(copy.to());
      people.add(copy.sender());
      for (Address person : people) {
        String name = key(person.displayName());
        if (!name.isEmpty() && facts.data().isInternal(person.domain())) {
          internalByName.putIfAbsent(name, person.address());
        }
      }
    }
    Set<String> reported = new LinkedHashSet<>();
    List<Observation> observations = new ArrayList<>();
    for (CaseMessage copy : facts.data().located()) {
      Address sender = copy.sender();
      String internal = internalByName.get(key(sender.displayName()));
      if (internal != null
          && !facts.data().isInternal(sender.domain())
          && reported.add(sender.address())) {
        List<CaseMessage> fromSender =
            facts.data().located().stream()
                .filter(c -> c.sender().address().equals(sender.address()))
                .toList();
        observations.add(
            new Observation(
                Severity.HIGH,
                "The sender shows the display name '"
                    + sender.displayName().strip()
                    + "', the name of internal user "
                    + internal
                    + ", from the external address "
                    + sender.address(),
                Facts.messageRefs(fromSender)));
      }
    }
    return observations;
  }

  private static String key(String displayName) {
    if (displayName == null) {
      return "";
    }
    return displayName.replace("\"", "").replace("'", "").strip().toLowerCase(Locale.ROOT);
  }
}
