package dev.mci.investigate.steps;

import dev.mci.client.hashes.HashResult;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.CaseAttachment;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Playbook step 3 (hash search): the attachments' SHA-256 (or the indicator's) looked up
 * organisation-wide; the verdict lands on the case's attachment.
 */
public final class HashSearchStep implements Step<List<HashResult>> {

  /** The verdicts. */
  public static final StepKey<List<HashResult>> KEY = StepKey.of("hash-search");

  private final boolean fromMessages;

  /**
   * @param fromMessages whether the hashes come from the message detail (else the indicator)
   */
  public HashSearchStep(boolean fromMessages) {
    this.fromMessages = fromMessages;
  }

  @Override
  public StepKey<List<HashResult>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "org-wide search for the attachment SHA-256";
  }

  @Override
  public List<StepKey<?>> needs() {
    return fromMessages ? List.of(MessageDetailStep.KEY) : List.of();
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.HASH_SEARCH);
  }

  @Override
  public List<HashResult> run(StepContext context) {
    Set<String> hashes = new LinkedHashSet<>();
    if (context.indicator().type() == IndicatorType.SHA256) {
      hashes.add(context.indicator().value().toLowerCase(Locale.ROOT));
    }
    if (fromMessages) {
      context
          .result(MessageDetailStep.KEY)
          .forEach(
              copy ->
                  copy.detail().attachments().stream()
                      .filter(a -> a.sha256() != null)
                      .forEach(a -> hashes.add(a.sha256())));
    }
    if (hashes.isEmpty()) {
      return List.of();
    }
    List<HashResult> results = context.client().hashes().search(new ArrayList<>(hashes));
    context.evidence().saveJson("hash-search.json", results, "org-wide hash search");
    for (HashResult result : results) {
      context
          .record()
          .attachment(
              new CaseAttachment(
                  null,
                  result.sha256().toLowerCase(Locale.ROOT),
                  null,
                  null,
                  null,
                  null,
                  result.verdict().name().toLowerCase(Locale.ROOT),
                  KEY.name()));
    }
    return results;
  }
}
