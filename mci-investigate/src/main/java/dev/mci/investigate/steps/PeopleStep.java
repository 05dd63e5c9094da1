package dev.mci.investigate.steps;

import dev.mci.client.awareness.PerformanceType;
import dev.mci.client.awareness.PhishingCampaign;
import dev.mci.client.awareness.PhishingResult;
import dev.mci.client.awareness.SafeScore;
import dev.mci.client.awareness.TrainingDetails;
import dev.mci.client.awareness.TrainingPerformance;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.Click;
import dev.mci.investigate.cases.Person;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Playbook step 7 (people): for every recipient and every clicker, the SAFE score, the status in
 * the latest phishing simulation and how many assigned training modules are unwatched. All three
 * are tenant-wide listings read at once (reference 06 §2, §5, §3: {@code numNotWatched} of
 * get-performance-details counts the assigned modules not watched, the number get-training-details
 * gives per person), so the step costs the same few pages for forty people as for one; only a
 * person the performance listing leaves out is asked about with get-training-details.
 */
public final class PeopleStep implements Step<List<Person>> {

  /** The people. */
  public static final StepKey<List<Person>> KEY = StepKey.of("people");

  /** The most people reported. */
  static final int MAX_PEOPLE = 100;

  private final boolean withClicks;

  /**
   * @param withClicks whether the URL-log step runs (its clickers are people of the case)
   */
  public PeopleStep(boolean withClicks) {
    this.withClicks = withClicks;
  }

  @Override
  public StepKey<List<Person>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "people: SAFE score, latest phishing-simulation result, training status";
  }

  @Override
  public List<StepKey<?>> needs() {
    return withClicks
        ? List.of(LocateMessagesStep.KEY, UrlLogsStep.KEY)
        : List.of(LocateMessagesStep.KEY);
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.PEOPLE);
  }

  @Override
  public List<Person> run(StepContext context) {
    Set<String> people = new LinkedHashSet<>();
    Set<String> clickers = new LinkedHashSet<>();
    for (CaseMessage m : context.result(LocateMessagesStep.KEY)) {
      m.to().stream().map(Address::address).map(PeopleStep::lower).forEach(people::add);
    }
    if (withClicks) {
      context.result(UrlLogsStep.KEY).stream()
          .map(Click::user)
          .map(PeopleStep::lower)
          .forEach(clickers::add);
      people.addAll(clickers);
    }
    people.remove("");
    if (people.isEmpty()) {
      return List.of();
    }
    List<String> wanted = people.stream().limit(MAX_PEOPLE).toList();
    // Three independent tenant-wide reads: SAFE scores, the latest campaign, training performance.
    List<Map<String, ?>> shared =
        context.forEach(
            List.of(Listing.values()),
            listing ->
                switch (listing) {
                  case SAFE_SCORES -> safeScores(context);
                  case PHISHING -> phishing(context);
                  case TRAINING -> notWatched(context);
                });
    @SuppressWarnings("unchecked")
    Map<String, SafeScore> scores = (Map<String, SafeScore>) shared.get(0);
    @SuppressWarnings("unchecked")
    Map<String, PhishingResult> phishing = (Map<String, PhishingResult>) shared.get(1);
    @SuppressWarnings("unchecked")
    Map<String, Integer> listed = (Map<String, Integer>) shared.get(2);
    Map<String, Integer> notWatched = new HashMap<>(listed);
    List<String> unlisted = wanted.stream().filter(a -> !notWatched.containsKey(a)).toList();
    List<TrainingDetails> details =
        context.forEach(unlisted, a -> context.client().awareness().trainingDetails(a));
    for (int i = 0; i < unlisted.size(); i++) {
      notWatched.put(unlisted.get(i), details.get(i).notWatched().size());
    }
    List<Person> result = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      String address = wanted.get(i);
      SafeScore score = scores.get(address);
      PhishingResult sim = phishing.get(address);
      Person person =
          new Person(
              address,
              clickers.contains(address),
              score == null ? null : score.risk(),
              score == null ? null : score.humanError(),
              sim == null ? null : sim.status(),
              notWatched.get(address),
              KEY.name());
      context.record().person(person);
      result.add(person);
    }
    context
        .evidence()
        .saveJson("people.json", result, "recipients and clickers in Awareness Training");
    return result;
  }

  /** The tenant-wide reads. */
  private enum Listing {
    SAFE_SCORES,
    PHISHING,
    TRAINING
  }

  private static Map<String, SafeScore> safeScores(StepContext context) {
    Map<String, SafeScore> scores = new HashMap<>();
    for (SafeScore score : context.client().awareness().safeScores()) {
      scores.put(lower(score.emailAddress()), score);
    }
    return scores;
  }

  private static Map<String, PhishingResult> phishing(StepContext context) {
    Map<String, PhishingResult> results = new HashMap<>();
    Optional<PhishingCampaign> latest = context.client().awareness().latestPhishingCampaign();
    if (latest.isPresent()) {
      for (PhishingResult r : context.client().awareness().phishingResults(latest.get().id())) {
        results.put(lower(r.email()), r);
      }
    }
    return results;
  }

  /** Assigned modules not watched, per user, from the tenant's training performance. */
  private static Map<String, Integer> notWatched(StepContext context) {
    Map<String, Integer> counts = new HashMap<>();
    for (TrainingPerformance row :
        context
            .client()
            .awareness()
            .performance(Optional.empty(), PerformanceType.VIDEO_COUNT_ALL)) {
      counts.put(lower(row.email()), row.notWatched());
    }
    return counts;
  }

  private static String lower(String text) {
    return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
  }
}
