package dev.mci.investigate.steps;

import dev.mci.client.messages.TrackedEmail;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Playbook;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepKey;
import dev.mci.store.StoreLocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the playbook for one indicator: which steps run, and which capabilities of issue 7's
 * playbook are relevant to it (a relevant capability no step provides is reported as not covered).
 *
 * <p>The graph of this build: {@code locate-messages} (Message Finder; archive via {@link
 * ArchiveLocator}) → {@code blast-radius-sender} and {@code blast-radius-subject}; {@code
 * decode-urls} on its own for a rewritten-URL indicator; {@code local-events} ({@link EventsStep})
 * when a local event store is given. Steps of other areas plug in here (see the list in {@link
 * Capability}); until then {@code additional} steps can be given by the caller.
 */
public final class InvestigationPlaybook {

  private InvestigationPlaybook() {}

  /**
   * What a run will do.
   *
   * @param playbook the steps
   * @param relevant the capabilities that matter for this indicator and window
   */
  public record Plan(Playbook playbook, Set<Capability> relevant) {

    /** Copies the set. */
    public Plan {
      relevant = Set.copyOf(relevant);
    }

    /** Relevant capabilities no step provides, in playbook order. */
    public List<Capability> notCovered() {
      Set<Capability> provided = playbook.capabilities();
      return Arrays.stream(Capability.values())
          .filter(c -> relevant.contains(c) && !provided.contains(c))
          .toList();
    }
  }

  /**
   * The plan for an indicator.
   *
   * @param indicator what is investigated
   * @param window the time window
   * @param now the current time (decides whether the window reaches beyond Message Finder)
   * @param archive archive search for the part beyond Message Finder; null when not available
   * @param prefetched Message Finder rows already fetched for this indicator and window, or null
   * @param additional further steps to run (their needs must be steps of this plan)
   */
  public static Plan plan(
      Indicator indicator,
      CaseWindow window,
      Instant now,
      ArchiveLocator archive,
      List<TrackedEmail> prefetched,
      List<? extends Step<?>> additional) {
    return plan(indicator, window, now, archive, prefetched, null, additional);
  }

  /**
   * The plan for an indicator, with the local event store.
   *
   * @param eventStore a store that exists and holds events (see {@link EventsStep#unavailable}),
   *     searched by playbook step 9; null when there is none, which takes step 9 out of the
   *     relevant capabilities (the caller says why in the case)
   * @see #plan(Indicator, CaseWindow, Instant, ArchiveLocator, List, List)
   */
  public static Plan plan(
      Indicator indicator,
      CaseWindow window,
      Instant now,
      ArchiveLocator archive,
      List<TrackedEmail> prefetched,
      StoreLocation eventStore,
      List<? extends Step<?>> additional) {
    IndicatorType type = indicator.type();
    Playbook.Builder steps = Playbook.builder();
    boolean messages = false;
    if (LocateMessagesStep.SEARCHABLE.contains(type)) {
      // An archive that cannot search this indicator type leaves the older part "not covered".
      ArchiveLocator archiveForType = archive != null && archive.searches(type) ? archive : null;
      steps.step(new LocateMessagesStep(archiveForType, prefetched));
      messages = true;
    } else if (type == IndicatorType.MIMECAST_ID) {
      steps.step(new MimecastIdLocateStep());
      messages = true;
    }
    if (messages && type != IndicatorType.USER_ADDRESS) {
      if (type != IndicatorType.SENDER_ADDRESS && type != IndicatorType.SENDER_DOMAIN) {
        steps.step(BlastRadiusStep.bySender());
      }
      steps.step(BlastRadiusStep.bySubject());
    }
    boolean urls = messages || type == IndicatorType.URL || type == IndicatorType.REWRITTEN_URL;
    boolean hashes = messages || type == IndicatorType.SHA256;
    List<StepKey<?>> beforeIncidents = new ArrayList<>();
    if (messages) {
      steps.step(new MessageInfoStep());
      steps.step(new MessageDetailStep());
      steps.step(new MessageEvidenceStep());
      steps.step(new ReleaseLogsStep());
      steps.step(new ImpersonationLogsStep());
      steps.step(new RejectionLogsStep());
      steps.step(new PolicyExplainStep());
      steps.step(new PeopleStep(true));
      beforeIncidents.add(MessageEvidenceStep.KEY);
    }
    if (urls) {
      steps.step(new DecodeUrlsStep(messages));
      steps.step(new UrlLogsStep(messages));
      beforeIncidents.add(DecodeUrlsStep.KEY);
    }
    if (hashes) {
      steps.step(new HashSearchStep(messages));
      steps.step(new AttachmentLogsStep(messages));
      if (messages) {
        beforeIncidents.add(MessageDetailStep.KEY);
      }
    }
    steps.step(new IncidentsStep(beforeIncidents));
    if (eventStore != null) {
      steps.step(
          new EventsStep(
              eventStore,
              messages && type != IndicatorType.USER_ADDRESS,
              type == IndicatorType.REWRITTEN_URL));
    }
    steps.steps(additional);
    return new Plan(steps.build(), relevant(type, window, now, eventStore != null));
  }

  private static Set<Capability> relevant(
      IndicatorType type, CaseWindow window, Instant now, boolean eventStore) {
    Set<Capability> relevant = EnumSet.allOf(Capability.class);
    if (!eventStore) {
      // Without a local store there is nothing to search; the case names the reason instead.
      relevant.remove(Capability.EVENTS);
    }
    if (type != IndicatorType.MIMECAST_ID) {
      relevant.remove(Capability.LOCATE_BY_MIMECAST_ID);
    }
    if (!LocateMessagesStep.SEARCHABLE.contains(type)) {
      // Such indicators are located by their own capability (hash search, URL logs, message id).
      relevant.remove(Capability.LOCATE_MESSAGE_FINDER);
    }
    if (!MessageFinder.reachesBeyond(window, now)) {
      relevant.remove(Capability.LOCATE_ARCHIVE);
    }
    if (type == IndicatorType.USER_ADDRESS) {
      // A person's mail has no single message whose spread could be measured.
      relevant.remove(Capability.BLAST_RADIUS_SENDER_SUBJECT);
      relevant.remove(Capability.BLAST_RADIUS_HASH_URL);
    }
    return relevant;
  }
}
