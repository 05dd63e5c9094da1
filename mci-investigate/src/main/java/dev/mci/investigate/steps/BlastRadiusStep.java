package dev.mci.investigate.steps;

import dev.mci.client.messages.MessageSearch;
import dev.mci.client.messages.TrackedEmail;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.cases.Relation;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Playbook step 6 (sender and subject): every other message in the window from the same sender, or
 * with the same subject, as the located messages; each distinct value is one Message Finder walk,
 * run concurrently. Rows are kept only when they really share the value (Message Finder's subject
 * matching is not documented as exact).
 */
public final class BlastRadiusStep implements Step<List<CaseMessage>> {

  /** Other messages from the located messages' senders. */
  public static final StepKey<List<CaseMessage>> SENDER_KEY = StepKey.of("blast-radius-sender");

  /** Other messages with the located messages' subjects. */
  public static final StepKey<List<CaseMessage>> SUBJECT_KEY = StepKey.of("blast-radius-subject");

  /** The most distinct senders or subjects searched; the most frequent win. */
  static final int MAX_VALUES = 5;

  private final StepKey<List<CaseMessage>> key;
  private final Relation relation;
  private final Function<CaseMessage, String> value;
  private final Function<String, UnaryOperator<MessageSearch.Builder>> filter;
  private final String description;

  private BlastRadiusStep(
      StepKey<List<CaseMessage>> key,
      Relation relation,
      Function<CaseMessage, String> value,
      Function<String, UnaryOperator<MessageSearch.Builder>> filter,
      String description) {
    this.key = key;
    this.relation = relation;
    this.value = value;
    this.filter = filter;
    this.description = description;
  }

  /** Other messages from the same sender. */
  public static BlastRadiusStep bySender() {
    return new BlastRadiusStep(
        SENDER_KEY,
        Relation.SAME_SENDER,
        copy -> copy.sender().address(),
        sender -> b -> b.from(sender),
        "blast radius: other messages from the same sender");
  }

  /** Other messages with the same subject. */
  public static BlastRadiusStep bySubject() {
    return new BlastRadiusStep(
        SUBJECT_KEY,
        Relation.SAME_SUBJECT,
        CaseMessage::subject,
        subject -> b -> b.subject(subject),
        "blast radius: other messages with the same subject");
  }

  @Override
  public StepKey<List<CaseMessage>> key() {
    return key;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<StepKey<?>> needs() {
    return List.of(LocateMessagesStep.KEY);
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.BLAST_RADIUS_SENDER_SUBJECT);
  }

  @Override
  public List<CaseMessage> run(StepContext context) {
    List<CaseMessage> located = context.result(LocateMessagesStep.KEY);
    Optional<CaseWindow> window =
        MessageFinder.coverable(context.window(), context.clock().instant());
    List<String> values = mostFrequent(located);
    if (window.isEmpty() || values.isEmpty()) {
      return List.of();
    }
    Set<String> locatedIds = new HashSet<>();
    located.forEach(copy -> locatedIds.add(copy.id()));
    List<List<TrackedEmail>> results =
        context.forEach(
            values, v -> MessageFinder.searchAll(context.client(), window.get(), filter.apply(v)));
    List<CaseMessage> related = new ArrayList<>();
    Map<String, Object> evidence = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      String wanted = normalise(values.get(i));
      evidence.put(values.get(i), results.get(i));
      for (CaseMessage copy : MessageFinder.toCase(results.get(i), relation, key.name())) {
        if (!locatedIds.contains(copy.id()) && shares(copy, wanted)) {
          related.add(copy);
        }
      }
    }
    context
        .evidence()
        .saveJson(
            "message-finder-" + key.name() + ".json",
            Map.of(
                "endpoint",
                "/api/message-finder/search",
                "window",
                window.get(),
                "rowsByValue",
                evidence),
            "Message Finder rows for the " + description);
    MessageFinder.learnInternalDomains(related, context.record());
    context.record().messages(related);
    return related;
  }

  private boolean shares(CaseMessage copy, String wanted) {
    if (relation == Relation.SAME_SENDER) {
      return normalise(copy.sender().address()).equals(wanted)
          || (copy.envelopeFrom() != null
              && normalise(copy.envelopeFrom().address()).equals(wanted));
    }
    return normalise(value.apply(copy)).equals(wanted);
  }

  private List<String> mostFrequent(List<CaseMessage> located) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, String> original = new LinkedHashMap<>();
    for (CaseMessage copy : located) {
      String v = value.apply(copy);
      if (v != null && !v.isBlank()) {
        counts.merge(normalise(v), 1, Integer::sum);
        original.putIfAbsent(normalise(v), v.strip());
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(MAX_VALUES)
        .map(e -> original.get(e.getKey()))
        .toList();
  }

  private static String normalise(String text) {
    return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
  }
}
