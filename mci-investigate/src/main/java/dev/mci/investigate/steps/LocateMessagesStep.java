package dev.mci.investigate.steps;

import dev.mci.client.messages.MessageSearch;
import dev.mci.client.messages.TrackedEmail;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.cases.Relation;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Playbook step 1: the messages the indicator names. Message Finder covers the last 30 days; the
 * part of the window beyond goes to the {@link ArchiveLocator} when one is configured (both run
 * concurrently). Output: every located copy, one per recipient.
 */
public final class LocateMessagesStep implements Step<List<CaseMessage>> {

  /** The located copies. */
  public static final StepKey<List<CaseMessage>> KEY = StepKey.of("locate-messages");

  /** The indicator types Message Finder can search by. */
  public static final Set<IndicatorType> SEARCHABLE =
      EnumSet.of(
          IndicatorType.MESSAGE_ID_HEADER,
          IndicatorType.SENDER_ADDRESS,
          IndicatorType.SENDER_DOMAIN,
          IndicatorType.SENDING_IP,
          IndicatorType.USER_ADDRESS);

  private final ArchiveLocator archive;
  private final List<TrackedEmail> prefetched;

  /**
   * @param archive searches beyond 30 days; null when not available
   * @param prefetched Message Finder rows already fetched for exactly this indicator and window
   *     (e.g. while resolving an ambiguous address), or null to search
   */
  public LocateMessagesStep(ArchiveLocator archive, List<TrackedEmail> prefetched) {
    this.archive = archive;
    this.prefetched = prefetched == null ? null : List.copyOf(prefetched);
  }

  @Override
  public StepKey<List<CaseMessage>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "locate the messages (Message Finder"
        + (archive == null ? "" : ", archive search beyond 30 days")
        + ")";
  }

  @Override
  public Set<Capability> provides() {
    return archive == null
        ? EnumSet.of(Capability.LOCATE_MESSAGE_FINDER)
        : EnumSet.of(Capability.LOCATE_MESSAGE_FINDER, Capability.LOCATE_ARCHIVE);
  }

  @Override
  public List<CaseMessage> run(StepContext context) {
    Indicator indicator = context.indicator();
    if (!SEARCHABLE.contains(indicator.type())) {
      throw new IllegalStateException("Message Finder cannot search by " + indicator.type());
    }
    Instant now = context.clock().instant();
    List<Runnable> searches = new ArrayList<>();
    Map<String, List<CaseMessage>> found = new LinkedHashMap<>();
    Optional<CaseWindow> finderWindow = MessageFinder.coverable(context.window(), now);
    finderWindow.ifPresent(
        window ->
            searches.add(
                () -> {
                  List<TrackedEmail> rows =
                      prefetched != null
                          ? prefetched
                          : MessageFinder.searchAll(context.client(), window, filters(indicator));
                  context
                      .evidence()
                      .saveJson(
                          "message-finder-locate.json",
                          Map.of(
                              "endpoint", "/api/message-finder/search",
                              "indicator", indicator,
                              "window", window,
                              "rows", rows),
                          "Message Finder rows locating " + indicator);
                  put(found, "finder", MessageFinder.toCase(rows, Relation.LOCATED, KEY.name()));
                }));
    if (archive != null && MessageFinder.reachesBeyond(context.window(), now)) {
      Instant finderStart = finderWindow.map(CaseWindow::since).orElse(context.window().until());
      searches.add(
          () ->
              put(
                  found,
                  "archive",
                  archive.locate(
                      context.client(), indicator, context.window().since(), finderStart)));
    }
    context.forEach(
        searches,
        search -> {
          search.run();
          return null;
        });
    List<CaseMessage> located = new ArrayList<>();
    synchronized (found) {
      found.values().forEach(located::addAll);
    }
    if (indicator.type() == IndicatorType.USER_ADDRESS) {
      context.record().internalDomains(List.of(indicator.domain()));
    }
    MessageFinder.learnInternalDomains(located, context.record());
    context.record().messages(located);
    return located;
  }

  private static void put(
      Map<String, List<CaseMessage>> found, String source, List<CaseMessage> copies) {
    synchronized (found) {
      found.put(source, copies);
    }
  }

  /** The Message Finder filter for each searchable indicator type. */
  static UnaryOperator<MessageSearch.Builder> filters(Indicator indicator) {
    String value = indicator.value();
    return switch (indicator.type()) {
      case MESSAGE_ID_HEADER -> b -> b.messageId(value);
      case SENDER_ADDRESS, SENDER_DOMAIN -> b -> b.from(value);
      case SENDING_IP -> b -> b.senderIp(value);
      case USER_ADDRESS -> b -> b.to(value);
      default -> throw new IllegalArgumentException("Message Finder cannot search by " + indicator);
    };
  }
}
