package dev.mci.investigate.steps;

import dev.mci.client.logs.ReleaseLog;
import dev.mci.client.logs.ReleaseLogQuery;
import dev.mci.client.messages.EmailAddress;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.HoldRelease;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Playbook step 5 (release logs): held copies of the located messages that an administrator
 * released or rejected, with who and when. A release row is matched to a located copy by sender,
 * subject and recipient; the copy's receipt time is when it was held.
 */
public final class ReleaseLogsStep implements Step<List<HoldRelease>> {

  /** The holds and their outcome. */
  public static final StepKey<List<HoldRelease>> KEY = StepKey.of("release-logs");

  @Override
  public StepKey<List<HoldRelease>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "held-release logs: who released what was held, and when";
  }

  @Override
  public List<StepKey<?>> needs() {
    return List.of(LocateMessagesStep.KEY);
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.RELEASE_LOGS);
  }

  @Override
  public List<HoldRelease> run(StepContext context) {
    List<CaseMessage> located = context.result(LocateMessagesStep.KEY);
    Set<String> senders = new HashSet<>();
    located.forEach(
        m -> {
          senders.add(lower(m.sender().address()));
          if (m.envelopeFrom() != null) {
            senders.add(lower(m.envelopeFrom().address()));
          }
        });
    senders.remove("");
    if (senders.isEmpty()) {
      return List.of();
    }
    ReleaseLogQuery query =
        ReleaseLogQuery.builder()
            .start(context.window().since())
            .end(context.window().until())
            .build();
    List<ReleaseLog> rows = new ArrayList<>();
    for (ReleaseLog row : context.client().logs().releaseLogs(query)) {
      if (senders.contains(lower(address(row.fromHdr())))
          || senders.contains(lower(address(row.fromEnv())))) {
        rows.add(row);
      }
    }
    context.evidence().saveJson("release-logs.json", rows, "held-release log rows of the sender");
    List<HoldRelease> holds = new ArrayList<>();
    for (ReleaseLog row : rows) {
      for (EmailAddress to : row.to()) {
        String recipient = lower(to.emailAddress());
        CaseMessage copy =
            located.stream()
                .filter(m -> sameSubject(m.subject(), row.subject()))
                .filter(
                    m ->
                        m.to().stream().map(Address::address).anyMatch(recipient::equalsIgnoreCase))
                .findFirst()
                .orElse(null);
        boolean released = row.status() != null && lower(row.status()).startsWith("release");
        HoldRelease hold =
            new HoldRelease(
                copy == null ? row.id() : copy.id(),
                recipient,
                copy == null ? null : copy.received(),
                row.heldReason(),
                released ? row.released() : null,
                released ? row.operator() : null,
                KEY.name());
        context.record().hold(hold);
        holds.add(hold);
      }
    }
    return holds;
  }

  private static boolean sameSubject(String a, String b) {
    return String.valueOf(a).strip().equalsIgnoreCase(String.valueOf(b).strip());
  }

  private static String address(EmailAddress address) {
    return address == null ? null : address.emailAddress();
  }

  private static String lower(String text) {
    return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
  }
}
