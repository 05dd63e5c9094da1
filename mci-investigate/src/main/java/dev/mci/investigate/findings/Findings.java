package dev.mci.investigate.findings;

import dev.mci.investigate.cases.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the finding rules and ranks what they say: most severe first, then in rule order (rules are
 * listed most telling first), then in the order a rule made its statements.
 */
public final class Findings {

  private Findings() {}

  /** The rules of this build, most telling first. */
  public static List<FindingRule> defaultRules() {
    return List.of(
        new ClicksRule(),
        new ReleaseRule(),
        new MaliciousUrlRule(),
        new LookalikeDomainRule(),
        new DisplayNameImpersonationRule(),
        new GroupMembershipRule(),
        new HashSeenElsewhereRule(),
        new RecipientsReachedRule(),
        new BlastRadiusRule(),
        new LocalEventsRule(),
        new EnvelopeMismatchRule(),
        new DecodedUrlRule());
  }

  /** The ranked findings of the default rules. */
  public static List<Finding> rank(CaseFacts facts) {
    return rank(facts, defaultRules());
  }

  /** The ranked findings of the given rules. */
  public static List<Finding> rank(CaseFacts facts, List<FindingRule> rules) {
    record Draft(Observation observation, String rule, int ruleOrder, int order) {}
    List<Draft> drafts = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      List<Observation> observations = rules.get(r).observe(facts);
      for (int o = 0; o < observations.size(); o++) {
        drafts.add(new Draft(observations.get(o), rules.get(r).name(), r, o));
      }
    }
    drafts.sort(
        Comparator.comparing((Draft d) -> d.observation().severity())
            .thenComparingInt(Draft::ruleOrder)
            .thenComparingInt(Draft::order));
    List<Finding> findings = new ArrayList<>();
    for (Draft draft : drafts) {
      findings.add(
          new Finding(
              findings.size() + 1,
              draft.observation().severity(),
              draft.rule(),
              draft.observation().statement(),
              draft.observation().evidence()));
    }
    return findings;
  }
}
