package dev.mci.investigate.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects what the steps find, from many threads at once, and hands it over as one {@link
 * CaseData} with a stable order (steps finish in any order; the case must not). The same fact
 * recorded twice is kept once: a message copy by its id (a located copy wins over a blast-radius
 * one), a URL by its text, an attachment by its hash. Thread-safe.
 */
public final class CaseRecorder {

  private final Map<String, CaseMessage> messages = new LinkedHashMap<>();
  private final Map<String, CaseUrl> urls = new LinkedHashMap<>();
  private final Map<String, CaseAttachment> attachments = new LinkedHashMap<>();
  private final Set<Click> clicks = new LinkedHashSet<>();
  private final Set<HoldRelease> holds = new LinkedHashSet<>();
  private final Set<GroupMembership> memberships = new LinkedHashSet<>();
  private final Set<String> internalDomains = new TreeSet<>();
  private final Map<String, CaseMessageInfo> infos = new LinkedHashMap<>();
  private final Map<String, Person> people = new LinkedHashMap<>();
  private final Set<CaseEvent> events = new LinkedHashSet<>();
  private final List<LocalEventHunt> localEventHunts = new ArrayList<>();
  private final List<LocalEvent> localEvents = new ArrayList<>();

  /** Records get-message-info of one copy. */
  public synchronized void messageInfo(CaseMessageInfo info) {
    infos.put(info.id(), info);
  }

  /** Records a person; the same address recorded again replaces the earlier record. */
  public synchronized void person(Person person) {
    people.put(person.address().toLowerCase(Locale.ROOT), person);
  }

  /** Records a log row touching the case. */
  public synchronized void event(CaseEvent event) {
    events.add(Objects.requireNonNull(event, "event"));
  }

  /**
   * Records what the local event store holds for the case: the hunts run and the rows kept, in the
   * order given (the step ranks them). A second call adds to the first.
   */
  public synchronized void localEvents(List<LocalEventHunt> hunts, List<LocalEvent> rows) {
    localEventHunts.addAll(hunts);
    localEvents.addAll(rows);
  }

  /** Records message copies. */
  public synchronized void messages(Collection<CaseMessage> found) {
    for (CaseMessage message : found) {
      CaseMessage known = messages.get(message.id());
      if (known == null
          || (message.relation() == Relation.LOCATED && known.relation() != Relation.LOCATED)) {
        messages.put(message.id(), message);
      }
    }
  }

  /** Records a URL; a later record fills what an earlier one left unknown. */
  public synchronized void url(CaseUrl url) {
    urls.merge(
        url.url(),
        url,
        (known, more) ->
            new CaseUrl(
                known.url(),
                first(known.rewritten(), more.rewritten()),
                first(known.decodeError(), more.decodeError()),
                first(known.category(), more.category()),
                first(known.malicious(), more.malicious()),
                known.foundBy()));
  }

  /** Records an attachment; records of the same hash are merged. */
  public synchronized void attachment(CaseAttachment attachment) {
    attachments.merge(
        attachment.sha256().toLowerCase(Locale.ROOT),
        attachment,
        (known, more) -> {
          Set<String> ids = new LinkedHashSet<>(known.messageIds());
          ids.addAll(more.messageIds());
          return new CaseAttachment(
              first(known.fileName(), more.fileName()),
              known.sha256(),
              first(known.size(), more.size()),
              first(known.contentType(), more.contentType()),
              new ArrayList<>(ids),
              first(known.otherMessages(), more.otherMessages()),
              first(known.verdict(), more.verdict()),
              known.foundBy());
        });
  }

  /** Records a click. */
  public synchronized void click(Click click) {
    clicks.add(Objects.requireNonNull(click, "click"));
  }

  /** Records a hold and its release. */
  public synchronized void hold(HoldRelease hold) {
    holds.add(Objects.requireNonNull(hold, "hold"));
  }

  /** Records a group that contains the sender. */
  public synchronized void membership(GroupMembership membership) {
    memberships.add(Objects.requireNonNull(membership, "membership"));
  }

  /** Records domains known to be the tenant's own. */
  public synchronized void internalDomains(Collection<String> domains) {
    for (String domain : domains) {
      if (domain != null && !domain.isBlank()) {
        internalDomains.add(domain.strip().toLowerCase(Locale.ROOT));
      }
    }
  }

  /** Everything recorded so far, in a stable order. */
  public synchronized CaseData snapshot() {
    List<CaseMessage> sortedMessages = new ArrayList<>(messages.values());
    sortedMessages.sort(
        Comparator.comparing(CaseMessage::relation)
            .thenComparing(
                CaseMessage::received, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(CaseMessage::id));
    List<CaseUrl> sortedUrls = new ArrayList<>(urls.values());
    sortedUrls.sort(Comparator.comparing(CaseUrl::url));
    List<CaseAttachment> sortedAttachments = new ArrayList<>(attachments.values());
    sortedAttachments.sort(Comparator.comparing(CaseAttachment::sha256));
    List<Click> sortedClicks = new ArrayList<>(clicks);
    sortedClicks.sort(
        Comparator.comparing(Click::time, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(Click::user));
    List<HoldRelease> sortedHolds = new ArrayList<>(holds);
    sortedHolds.sort(
        Comparator.comparing(
                HoldRelease::heldAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(HoldRelease::recipient));
    List<GroupMembership> sortedMemberships = new ArrayList<>(memberships);
    sortedMemberships.sort(
        Comparator.comparing(GroupMembership::group).thenComparing(GroupMembership::member));
    return new CaseData(
        sortedMessages,
        sortedUrls,
        sortedAttachments,
        sortedClicks,
        sortedHolds,
        sortedMemberships,
        internalDomains,
        infos.values().stream().sorted(Comparator.comparing(CaseMessageInfo::id)).toList(),
        people.values().stream().sorted(Comparator.comparing(Person::address)).toList(),
        events.stream()
            .sorted(
                Comparator.comparing(
                        CaseEvent::time, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                    .thenComparing(CaseEvent::kind)
                    .thenComparing(e -> String.valueOf(e.summary())))
            .toList(),
        localEventHunts,
        localEvents);
  }

  private static <T> T first(T known, T more) {
    return known != null ? known : more;
  }
}
