package dev.mci.investigate.testing;

import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.CaseRecorder;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.engine.InvestigationScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Scopes for engine tests whose steps make no API calls. */
public final class Scopes {

  /** A fixed instant the engine tests use. */
  public static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  private Scopes() {}

  /** A scope without client or evidence folder. */
  public static InvestigationScope withoutApi() {
    return new InvestigationScope(
        null,
        Indicator.of("phisher@lookalike.example", IndicatorType.SENDER_ADDRESS),
        new CaseWindow(NOW.minus(Duration.ofDays(7)), NOW),
        Clock.fixed(NOW, ZoneOffset.UTC),
        new CaseRecorder(),
        null);
  }
}
