package dev.mci.investigate.steps;

import dev.mci.client.messages.MessageInfo;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseMessageInfo;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Playbook step 2 (info): get-message-info of every located copy: route, SPF/DKIM/DMARC, the
 * policies applied on delivery and the spam score. Copies found only in the archive have no Message
 * Finder id and are skipped.
 *
 * <p>One call per copy, not per distinct message: Message Finder gives each recipient's copy its
 * own id, and get-message-info answers for that copy only (reference 02 §1): its status, its {@code
 * deliveredMessage} record keyed by that recipient with the policies applied on delivery to them,
 * and {@code queueInfo} when that copy was held. A held copy has no delivery policies while its
 * delivered siblings do, so one copy's answer cannot stand for the others. The calls are
 * independent and run side by side within the step's own item bound.
 */
public final class MessageInfoStep implements Step<List<CaseMessageInfo>> {

  /** The info of each located copy. */
  public static final StepKey<List<CaseMessageInfo>> KEY = StepKey.of("message-info");

  /** The most copies looked up; a mass mailing does not need every copy's info. */
  static final int MAX_COPIES = 50;

  @Override
  public StepKey<List<CaseMessageInfo>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "message info: route, SPF/DKIM/DMARC, policies applied, spam score";
  }

  @Override
  public List<StepKey<?>> needs() {
    return List.of(LocateMessagesStep.KEY);
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.MESSAGE_INFO);
  }

  @Override
  public List<CaseMessageInfo> run(StepContext context) {
    List<String> ids =
        context.result(LocateMessagesStep.KEY).stream()
            .filter(m -> !ArchiveSearchLocator.ARCHIVE_INFO.equals(m.info()))
            .map(CaseMessage::id)
            .distinct()
            .limit(MAX_COPIES)
            .toList();
    List<MessageInfo> infos = context.forEach(ids, id -> context.client().messages().info(id));
    Map<String, MessageInfo> raw = new LinkedHashMap<>();
    List<CaseMessageInfo> result = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      raw.put(ids.get(i), infos.get(i));
      CaseMessageInfo info = toCase(ids.get(i), infos.get(i));
      context.record().messageInfo(info);
      result.add(info);
    }
    context.evidence().saveJson("message-info.json", raw, "get-message-info of the located copies");
    return result;
  }

  static CaseMessageInfo toCase(String id, MessageInfo info) {
    MessageInfo.Spam spam = info.spam();
    List<String> policies = new ArrayList<>();
    info.deliveries()
        .values()
        .forEach(d -> d.policies().forEach(p -> policies.add(p.type() + ": " + p.name())));
    String route =
        info.received() != null
                && info.received().message() != null
                && info.received().message().route() != null
            ? info.received().message().route().toLowerCase(Locale.ROOT)
            : null;
    return new CaseMessageInfo(
        id,
        route,
        spam == null || spam.spf() == null ? null : spam.spf().info(),
        spam == null || spam.dkim() == null ? null : spam.dkim().info(),
        spam == null || spam.dmarc() == null ? null : spam.dmarc().info(),
        policies.stream().distinct().toList(),
        spam == null ? null : spam.score(),
        KEY.name());
  }
}
