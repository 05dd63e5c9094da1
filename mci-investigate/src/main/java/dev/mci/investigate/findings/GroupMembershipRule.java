package dev.mci.investigate.findings;

import dev.mci.investigate.cases.EvidenceRef;
import dev.mci.investigate.cases.GroupMembership;
import dev.mci.investigate.cases.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "The sender is a member of the Permitted Senders group (entry …), so policy let it through". */
final class GroupMembershipRule implements FindingRule {

  @Override
  public String name() {
    return "group-membership";
  }

  @Override
  public List<Observation> observe(CaseFacts facts) {
    List<Observation> observations = new ArrayList<>();
    for (GroupMembership membership : facts.data().memberships()) {
      boolean permits =
          membership.effect() != null
              && membership.effect().toLowerCase(Locale.ROOT).startsWith("permit");
      String statement =
          "The sender is a member of the "
              + membership.group()
              + " group (entry "
              + membership.member()
              + ")"
              + (permits ? ", which lets its mail bypass sender checks" : "");
      observations.add(
          new Observation(
              permits ? Severity.HIGH : Severity.MEDIUM,
              statement,
              List.of(new EvidenceRef("group", membership.group()))));
    }
    return observations;
  }
}
