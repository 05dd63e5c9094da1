package dev.mci.investigate.steps;

import dev.mci.client.logs.AttachmentLog;
import dev.mci.client.logs.AttachmentLogQuery;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.CaseAttachment;
import dev.mci.investigate.cases.CaseEvent;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.Relation;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Playbook steps 3 and 6 (attachments): the Attachment Protect logs of the window, kept where the
 * file hash is one of the case's. Each other message carrying the same hash is counted on the
 * attachment ("seen in N other messages") and added to the blast radius.
 */
public final class AttachmentLogsStep implements Step<List<AttachmentLog>> {

  /** The log rows of the case's hashes. */
  public static final StepKey<List<AttachmentLog>> KEY = StepKey.of("attachment-logs");

  private final boolean fromMessages;

  /**
   * @param fromMessages whether the hashes come from the message detail (else the indicator)
   */
  public AttachmentLogsStep(boolean fromMessages) {
    this.fromMessages = fromMessages;
  }

  @Override
  public StepKey<List<AttachmentLog>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "Attachment Protect logs; blast radius by attachment hash";
  }

  @Override
  public List<StepKey<?>> needs() {
    return fromMessages ? List.of(MessageDetailStep.KEY) : List.of();
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.ATTACHMENT_LOGS, Capability.BLAST_RADIUS_HASH_URL);
  }

  @Override
  public List<AttachmentLog> run(StepContext context) {
    Map<String, String> names = new LinkedHashMap<>();
    Set<String> caseIds = new HashSet<>();
    if (context.indicator().type() == IndicatorType.SHA256) {
      names.put(context.indicator().value().toLowerCase(Locale.ROOT), null);
    }
    if (fromMessages) {
      for (ArchivedCopy copy : context.result(MessageDetailStep.KEY)) {
        caseIds.add(copy.archiveId());
        caseIds.addAll(copy.copyIds());
        copy.detail().firstHeader("Message-ID").ifPresent(caseIds::add);
        if (copy.detail().messageId() != null) {
          caseIds.add(copy.detail().messageId());
        }
        copy.detail().attachments().stream()
            .filter(a -> a.sha256() != null)
            .forEach(a -> names.put(a.sha256(), a.fileName()));
      }
    }
    if (names.isEmpty()) {
      return List.of();
    }
    AttachmentLogQuery query =
        AttachmentLogQuery.builder()
            .from(context.window().since())
            .to(context.window().until())
            .build();
    List<AttachmentLog> rows = new ArrayList<>();
    for (AttachmentLog row : context.client().logs().attachmentLogs(query)) {
      if (row.fileHash() != null && names.containsKey(row.fileHash().toLowerCase(Locale.ROOT))) {
        rows.add(row);
      }
    }
    context.evidence().saveJson("attachment-logs.json", rows, "Attachment Protect log rows");
    Map<String, Set<String>> others = new LinkedHashMap<>();
    names.keySet().forEach(h -> others.put(h, new LinkedHashSet<>()));
    Map<String, List<AttachmentLog>> rowsOfOther = new LinkedHashMap<>();
    for (AttachmentLog row : rows) {
      String hash = row.fileHash().toLowerCase(Locale.ROOT);
      context
          .record()
          .event(
              new CaseEvent(
                  "attachment-log",
                  row.date(),
                  "Attachment Protect "
                      + row.result()
                      + " ("
                      + row.actionTriggered()
                      + ") for "
                      + row.fileName()
                      + " to "
                      + row.recipientAddress(),
                  hash,
                  KEY.name()));
      String id = row.messageId();
      if (id != null && !caseIds.contains(id)) {
        others.get(hash).add(id);
        rowsOfOther.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
      }
    }
    // One related message per other message, with every recipient its log rows name.
    List<CaseMessage> related = new ArrayList<>();
    rowsOfOther.forEach(
        (id, copies) -> {
          AttachmentLog first = copies.get(0);
          List<Address> to =
              copies.stream()
                  .map(AttachmentLog::recipientAddress)
                  .filter(a -> a != null && !a.isBlank())
                  .distinct()
                  .map(a -> new Address(a, null))
                  .toList();
          related.add(
              new CaseMessage(
                  id,
                  Relation.SAME_HASH,
                  null,
                  "Attachment Protect log",
                  new Address(nullToEmpty(first.senderAddress()), null),
                  new Address(nullToEmpty(first.senderAddress()), null),
                  to,
                  // The log has no receipt time; its first scan is moments after it.
                  copies.stream()
                      .map(AttachmentLog::date)
                      .filter(d -> d != null)
                      .min(Comparator.naturalOrder())
                      .orElse(null),
                  first.subject(),
                  null,
                  first.route() == null ? null : first.route().toLowerCase(Locale.ROOT),
                  null,
                  true,
                  KEY.name()));
        });
    others.forEach(
        (hash, ids) ->
            context
                .record()
                .attachment(
                    new CaseAttachment(
                        names.get(hash), hash, null, null, null, ids.size(), null, KEY.name())));
    context.record().messages(related);
    return rows;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
