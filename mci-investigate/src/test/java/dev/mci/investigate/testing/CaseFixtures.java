package dev.mci.investigate.testing;

import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseData;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseStatus;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.cases.Finding;
import dev.mci.investigate.cases.Relation;
import dev.mci.investigate.cases.StepReport;
import dev.mci.investigate.cases.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Case data built by hand for rule, report and export tests. */
public final class CaseFixtures {

  public static final Instant RECEIVED = Instant.parse("2025-02-27T06:48:07Z");
  public static final CaseWindow WINDOW =
      new CaseWindow(RECEIVED.minus(Duration.ofDays(7)), RECEIVED.plus(Duration.ofDays(2)));

  private CaseFixtures() {}

  /** One recipient's copy of a message. */
  public static CaseMessage copy(
      String id, Relation relation, Address from, String to, String subject, Instant received) {
    return new CaseMessage(
        id,
        relation,
        "archived",
        "Indexed and archived",
        from,
        from,
        List.of(new Address(to, null)),
        received,
        subject,
        "203.0.113.7",
        "inbound",
        2,
        true,
        "test");
  }

  /** A case around the data, with the given findings and timeline. */
  public static Case caseOf(
      String id,
      Indicator indicator,
      CaseData data,
      List<Finding> findings,
      List<TimelineEvent> timeline,
      List<StepReport> steps) {
    return new Case(
        Case.SCHEMA_VERSION,
        id,
        RECEIVED.plus(Duration.ofDays(2)),
        RECEIVED.plus(Duration.ofDays(2)).plusSeconds(3),
        indicator,
        WINDOW,
        CaseStatus.COMPLETE,
        data,
        findings,
        timeline,
        steps,
        List.of(),
        List.of(),
        3);
  }

  /** A sender-address indicator. */
  public static Indicator sender(String address) {
    return Indicator.of(address, IndicatorType.SENDER_ADDRESS);
  }
}
