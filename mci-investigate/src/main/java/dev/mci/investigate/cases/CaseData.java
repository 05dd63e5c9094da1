package dev.mci.investigate.cases;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything the steps found, as plain data. Findings and the timeline are derived from this alone.
 * Lists are never null.
 *
 * @param messages located messages and the blast radius, one row per recipient copy
 * @param urls URLs found or decoded
 * @param attachments attachments found
 * @param clicks clicks on protected links
 * @param holds held copies and their release
 * @param memberships groups that contain the sender
 * @param internalDomains the tenant's own domains, as given or learnt from the messages
 * @param messageInfos get-message-info of the located copies
 * @param people recipients and clickers as Awareness Training sees them
 * @param events other log rows touching the case (impersonation, rejections, incidents, ...)
 * @param localEventHunts the hunts of the local event store and their totals (absent from cases
 *     written before step 9 existed, or when no store was available)
 * @param localEvents the local event store's rows that hold the case's values, the most relevant
 *     first (more values matched, then newest), bounded
 */
public record CaseData(
    List<CaseMessage> messages,
    List<CaseUrl> urls,
    List<CaseAttachment> attachments,
    List<Click> clicks,
    List<HoldRelease> holds,
    List<GroupMembership> memberships,
    Set<String> internalDomains,
    List<CaseMessageInfo> messageInfos,
    List<Person> people,
    List<CaseEvent> events,
    List<LocalEventHunt> localEventHunts,
    List<LocalEvent> localEvents) {

  /** Copies every collection; null becomes empty. */
  public CaseData {
    localEventHunts = localEventHunts == null ? List.of() : List.copyOf(localEventHunts);
    localEvents = localEvents == null ? List.of() : List.copyOf(localEvents);
    messageInfos = messageInfos == null ? List.of() : List.copyOf(messageInfos);
    people = people == null ? List.of() : List.copyOf(people);
    events = events == null ? List.of() : List.copyOf(events);
    messages = messages == null ? List.of() : List.copyOf(messages);
    urls = urls == null ? List.of() : List.copyOf(urls);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    clicks = clicks == null ? List.of() : List.copyOf(clicks);
    holds = holds == null ? List.of() : List.copyOf(holds);
    memberships = memberships == null ? List.of() : List.copyOf(memberships);
    internalDomains = internalDomains == null ? Set.of() : Set.copyOf(internalDomains);
  }

  /** The data without the local event store's rows. */
  public CaseData(
      List<CaseMessage> messages,
      List<CaseUrl> urls,
      List<CaseAttachment> attachments,
      List<Click> clicks,
      List<HoldRelease> holds,
      List<GroupMembership> memberships,
      Set<String> internalDomains,
      List<CaseMessageInfo> messageInfos,
      List<Person> people,
      List<CaseEvent> events) {
    this(
        messages,
        urls,
        attachments,
        clicks,
        holds,
        memberships,
        internalDomains,
        messageInfos,
        people,
        events,
        null,
        null);
  }

  /** The data of the first build (schema 1 without the later additions). */
  public CaseData(
      List<CaseMessage> messages,
      List<CaseUrl> urls,
      List<CaseAttachment> attachments,
      List<Click> clicks,
      List<HoldRelease> holds,
      List<GroupMembership> memberships,
      Set<String> internalDomains) {
    this(
        messages, urls, attachments, clicks, holds, memberships, internalDomains, null, null, null);
  }

  /** No data at all. */
  public static CaseData empty() {
    return new CaseData(null, null, null, null, null, null, null);
  }

  /** The messages found by the indicator itself. */
  public List<CaseMessage> located() {
    return messages.stream().filter(m -> m.relation() == Relation.LOCATED).toList();
  }

  /** The blast-radius messages (not found by the indicator itself). */
  public List<CaseMessage> related() {
    return messages.stream().filter(m -> m.relation() != Relation.LOCATED).toList();
  }

  /** Whether the domain is one of the tenant's own. */
  public boolean isInternal(String domain) {
    return domain != null && internalDomains.contains(domain.toLowerCase(Locale.ROOT));
  }
}
