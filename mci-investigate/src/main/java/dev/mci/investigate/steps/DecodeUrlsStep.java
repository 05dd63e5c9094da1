package dev.mci.investigate.steps;

import dev.mci.client.urls.DecodedUrl;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.CaseUrl;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Playbook step 4 (decode): turns URL Protect rewritten links back into the original URLs. In this
 * build its input is the indicator itself when it is a rewritten URL; when message detail lands,
 * the URLs extracted from the located messages feed it as well (see {@code InvestigationPlaybook}).
 */
public final class DecodeUrlsStep implements Step<List<DecodedUrl>> {

  private final boolean fromMessages;

  /** Decodes the indicator only. */
  public DecodeUrlsStep() {
    this(false);
  }

  /**
   * @param fromMessages whether the rewritten links found in the message bodies are decoded too
   */
  public DecodeUrlsStep(boolean fromMessages) {
    this.fromMessages = fromMessages;
  }

  /** The decoded URLs, one per input. */
  public static final StepKey<List<DecodedUrl>> KEY = StepKey.of("decode-urls");

  @Override
  public StepKey<List<DecodedUrl>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "decode URL Protect rewritten links";
  }

  @Override
  public List<StepKey<?>> needs() {
    return fromMessages ? List.of(MessageEvidenceStep.KEY) : List.of();
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.URL_DECODE);
  }

  @Override
  public List<DecodedUrl> run(StepContext context) {
    List<String> rewritten = new ArrayList<>();
    if (context.indicator().type() == IndicatorType.REWRITTEN_URL) {
      rewritten.add(context.indicator().value());
    }
    if (fromMessages) {
      for (String url : context.result(MessageEvidenceStep.KEY)) {
        if (!rewritten.contains(url) && isRewritten(url)) {
          rewritten.add(url);
        }
      }
    }
    if (rewritten.isEmpty()) {
      return List.of();
    }
    List<DecodedUrl> decoded = context.client().urls().decode(rewritten);
    context.evidence().saveJson("decode-url.json", decoded, "decode-url results");
    for (DecodedUrl url : decoded) {
      context
          .record()
          .url(
              new CaseUrl(
                  url.url().orElse(url.input()),
                  url.input(),
                  url.success() ? null : url.error().map(e -> e.describe()).orElse("not decoded"),
                  null,
                  null,
                  KEY.name()));
    }
    return decoded;
  }

  private static boolean isRewritten(String url) {
    try {
      return Indicator.candidates(url).contains(IndicatorType.REWRITTEN_URL);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
