package dev.mci.investigate.steps;

import dev.mci.client.messages.ArchiveQuery;
import dev.mci.client.messages.ArchivedMessage;
import dev.mci.client.messages.MessageContext;
import dev.mci.client.messages.MessageDetail;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.CaseAttachment;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Playbook step 2 (detail): the located copies grouped into messages (same sender and subject),
 * each found in the archive (Message Finder ids are not archive ids) and its detail as received
 * read: headers and attachments with their SHA-256.
 */
public final class MessageDetailStep implements Step<List<ArchivedCopy>> {

  /** The archived messages with their detail. */
  public static final StepKey<List<ArchivedCopy>> KEY = StepKey.of("message-detail");

  /** The most distinct messages read; the most copied win. */
  static final int MAX_MESSAGES = 5;

  /** How far around a copy's receipt the archive is searched for it. */
  static final Duration SLACK = Duration.ofHours(12);

  @Override
  public StepKey<List<ArchivedCopy>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "message detail: headers and attachments (archive search, get-message-detail)";
  }

  @Override
  public List<StepKey<?>> needs() {
    return List.of(LocateMessagesStep.KEY);
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.MESSAGE_DETAIL);
  }

  @Override
  public List<ArchivedCopy> run(StepContext context) {
    Map<String, List<CaseMessage>> messages = new LinkedHashMap<>();
    for (CaseMessage copy : context.result(LocateMessagesStep.KEY)) {
      String key =
          copy.sender().address().toLowerCase(Locale.ROOT) + "\n" + String.valueOf(copy.subject());
      messages.computeIfAbsent(key, k -> new ArrayList<>()).add(copy);
    }
    List<List<CaseMessage>> groups =
        messages.values().stream()
            .sorted(Comparator.comparingInt((List<CaseMessage> g) -> g.size()).reversed())
            .limit(MAX_MESSAGES)
            .toList();
    List<Optional<ArchivedCopy>> found = context.forEach(groups, g -> read(context, g));
    List<ArchivedCopy> copies = found.stream().flatMap(Optional::stream).toList();
    for (ArchivedCopy copy : copies) {
      context
          .evidence()
          .saveJson(
              "message-detail-" + copy.archiveId() + ".json",
              copy.detail(),
              "get-message-detail (RECEIVED) of " + copy.archiveId());
      for (MessageDetail.Attachment a : copy.detail().attachments()) {
        if (a.sha256() != null) {
          context
              .record()
              .attachment(
                  new CaseAttachment(
                      a.fileName(),
                      a.sha256(),
                      a.size(),
                      a.contentType(),
                      copy.copyIds(),
                      null,
                      null,
                      KEY.name()));
        }
      }
    }
    return copies;
  }

  private static Optional<ArchivedCopy> read(StepContext context, List<CaseMessage> group) {
    CaseMessage first = group.get(0);
    String archiveId;
    if (ArchiveSearchLocator.ARCHIVE_INFO.equals(first.info())) {
      archiveId = first.id();
    } else {
      Instant received = first.received();
      if (received == null) {
        return Optional.empty();
      }
      ArchiveQuery.Builder query =
          ArchiveQuery.builder()
              .from(first.sender().address())
              .start(received.minus(SLACK))
              .end(received.plus(SLACK));
      if (first.subject() != null && !first.subject().isBlank()) {
        query.subject(first.subject());
      }
      Optional<ArchivedMessage> match = Optional.empty();
      for (ArchivedMessage row : context.client().messages().archiveSearch(query.build())) {
        if (sameSubject(row.subject(), first.subject())
            && (match.isEmpty() || distance(row, received) < distance(match.get(), received))) {
          match = Optional.of(row);
        }
      }
      if (match.isEmpty()) {
        return Optional.empty();
      }
      archiveId = match.get().id();
    }
    MessageDetail detail = context.client().messages().detail(archiveId, MessageContext.RECEIVED);
    String mailbox =
        group.stream()
            .flatMap(c -> c.to().stream())
            .map(Address::address)
            .filter(a -> a != null && a.contains("@"))
            .findFirst()
            .orElse(null);
    return Optional.of(
        new ArchivedCopy(archiveId, group.stream().map(CaseMessage::id).toList(), mailbox, detail));
  }

  private static boolean sameSubject(String a, String b) {
    return String.valueOf(a).strip().equalsIgnoreCase(String.valueOf(b).strip());
  }

  private static long distance(ArchivedMessage row, Instant received) {
    return row.received() == null
        ? Long.MAX_VALUE
        : Math.abs(Duration.between(row.received(), received).toMillis());
  }
}
