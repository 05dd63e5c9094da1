package dev.mci.investigate.steps;

import dev.mci.client.messages.MessageInfo;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.Relation;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Playbook step 1 for a Mimecast message id: get-message-info names the copy directly (no search).
 * Provides the same output as {@link LocateMessagesStep}, so every later step works unchanged.
 */
public final class MimecastIdLocateStep implements Step<List<CaseMessage>> {

  @Override
  public StepKey<List<CaseMessage>> key() {
    return LocateMessagesStep.KEY;
  }

  @Override
  public String description() {
    return "locate the message by its Mimecast id (get-message-info)";
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.LOCATE_BY_MIMECAST_ID);
  }

  @Override
  public List<CaseMessage> run(StepContext context) {
    String id = context.indicator().value();
    MessageInfo info = context.client().messages().info(id);
    context.evidence().saveJson("message-info-" + id + ".json", info, "get-message-info of " + id);
    MessageInfo.Copy copy =
        info.received() != null && info.received().message() != null
            ? info.received().message()
            : null;
    if (copy == null) {
      return List.of();
    }
    Integer spam = info.spam() == null ? null : info.spam().score();
    CaseMessage message =
        new CaseMessage(
            id,
            Relation.LOCATED,
            info.status() == null ? null : info.status().toLowerCase(Locale.ROOT),
            info.status(),
            new Address(nullToEmpty(copy.fromEnvelope()), null),
            new Address(nullToEmpty(copy.fromHeader()), null),
            copy.to().stream().map(to -> new Address(to, null)).toList(),
            copy.processed() != null ? copy.processed() : copy.sent(),
            copy.subject(),
            info.received().leg() == null ? null : info.received().leg().remoteIp(),
            copy.route() == null ? null : copy.route().toLowerCase(Locale.ROOT),
            spam,
            null,
            LocateMessagesStep.KEY.name());
    List<CaseMessage> located = List.of(message);
    MessageFinder.learnInternalDomains(located, context.record());
    context.record().messages(located);
    return located;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
