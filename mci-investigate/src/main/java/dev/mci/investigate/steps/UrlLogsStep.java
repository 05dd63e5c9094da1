package dev.mci.investigate.steps;

import dev.mci.client.logs.UrlClick;
import dev.mci.client.logs.UrlLogQuery;
import dev.mci.client.urls.DecodedUrl;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.Click;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Playbook step 4 (URL Protect logs): the clicks of the window on the case's URLs (found in the
 * bodies, decoded, or the indicator itself): who clicked, what was blocked or allowed, who went on
 * past a warning. The URL logs cannot be filtered by URL, so the window is read and filtered here.
 */
public final class UrlLogsStep implements Step<List<Click>> {

  /** The clicks on the case's URLs. */
  public static final StepKey<List<Click>> KEY = StepKey.of("url-logs");

  private final boolean fromMessages;

  /**
   * @param fromMessages whether the URLs come from the messages (else the indicator)
   */
  public UrlLogsStep(boolean fromMessages) {
    this.fromMessages = fromMessages;
  }

  @Override
  public StepKey<List<Click>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "URL Protect logs: who clicked, what was blocked or allowed, who overrode";
  }

  @Override
  public List<StepKey<?>> needs() {
    return fromMessages
        ? List.of(MessageEvidenceStep.KEY, DecodeUrlsStep.KEY)
        : List.of(DecodeUrlsStep.KEY);
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.URL_LOGS);
  }

  @Override
  public List<Click> run(StepContext context) {
    Set<String> wanted = new HashSet<>();
    IndicatorType type = context.indicator().type();
    if (type == IndicatorType.URL || type == IndicatorType.REWRITTEN_URL) {
      wanted.add(normalise(context.indicator().value()));
    }
    if (fromMessages) {
      context.result(MessageEvidenceStep.KEY).forEach(u -> wanted.add(normalise(u)));
    }
    for (DecodedUrl decoded : context.result(DecodeUrlsStep.KEY)) {
      decoded.url().ifPresent(u -> wanted.add(normalise(u)));
    }
    if (wanted.isEmpty()) {
      return List.of();
    }
    UrlLogQuery query =
        UrlLogQuery.builder().from(context.window().since()).to(context.window().until()).build();
    List<UrlClick> rows = new ArrayList<>();
    for (UrlClick row : context.client().logs().urlLogs(query)) {
      if (row.url() != null && wanted.contains(normalise(row.url()))) {
        rows.add(row);
      }
    }
    context.evidence().saveJson("url-logs.json", rows, "URL Protect log rows for the case's URLs");
    List<Click> clicks = new ArrayList<>();
    for (UrlClick row : rows) {
      Click click =
          new Click(
              row.userEmailAddress() == null
                  ? ""
                  : row.userEmailAddress().strip().toLowerCase(Locale.ROOT),
              row.url(),
              row.date(),
              row.action(),
              row.scanResult(),
              overridden(row.userOverride()),
              KEY.name());
      context.record().click(click);
      clicks.add(click);
    }
    return clicks;
  }

  /** {@code None} (reference 04) or blank means the user did not override. */
  static boolean overridden(String userOverride) {
    if (userOverride == null) {
      return false;
    }
    String value = userOverride.strip().toLowerCase(Locale.ROOT);
    return !value.isEmpty() && !value.equals("none") && !value.equals("n/a");
  }

  private static String normalise(String url) {
    return url.strip();
  }
}
