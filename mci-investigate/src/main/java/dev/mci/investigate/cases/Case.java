package dev.mci.investigate.cases;

import dev.mci.investigate.Indicator;
import java.time.Instant;
import java.util.List;

/**
 * A complete investigation: the model written to {@code case.json}. Re-opening a case reads this
 * back; it never calls the API.
 *
 * @param schemaVersion the version of this model's JSON form, {@link #SCHEMA_VERSION} when written
 *     by this build
 * @param id the case id, also the name of its folder
 * @param createdAt when the investigation started (UTC)
 * @param completedAt when it ended (UTC)
 * @param indicator what was investigated
 * @param window the time window searched
 * @param status whether every step succeeded
 * @param data everything the steps found
 * @param findings ranked statements derived from the data
 * @param timeline every dated event, oldest first
 * @param steps what each step did
 * @param missing plain statements of what the case lacks (failed steps, parts of the playbook not
 *     covered); empty when nothing is missing
 * @param evidence files saved in {@code evidence/}
 * @param apiCalls HTTP attempts made, as recorded in {@code audit.ndjson}
 */
public record Case(
    int schemaVersion,
    String id,
    Instant createdAt,
    Instant completedAt,
    Indicator indicator,
    CaseWindow window,
    CaseStatus status,
    CaseData data,
    List<Finding> findings,
    List<TimelineEvent> timeline,
    List<StepReport> steps,
    List<String> missing,
    List<EvidenceFile> evidence,
    int apiCalls) {

  /** The schema version this build writes and the newest it reads. */
  public static final int SCHEMA_VERSION = 1;

  /** Copies every list; null becomes empty. */
  public Case {
    data = data == null ? CaseData.empty() : data;
    findings = findings == null ? List.of() : List.copyOf(findings);
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
    steps = steps == null ? List.of() : List.copyOf(steps);
    missing = missing == null ? List.of() : List.copyOf(missing);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** The steps that failed or were skipped. */
  public List<StepReport> incompleteSteps() {
    return steps.stream().filter(s -> s.status() != StepStatus.SUCCEEDED).toList();
  }
}
