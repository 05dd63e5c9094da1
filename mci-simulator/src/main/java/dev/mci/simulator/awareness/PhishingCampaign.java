package dev.mci.simulator.awareness;

import dev.mci.simulator.tenant.Group;
import dev.mci.simulator.tenant.Mailbox;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A phishing-simulation campaign (reference 06 §5.1).
 *
 * @param index position among the tenant's campaigns, oldest first
 * @param id opaque campaign id
 * @param name campaign name
 * @param templates the simulated phishing templates it sent
 * @param sender the simulated sender
 * @param target the group it was sent to
 * @param launch when it was launched
 * @param timeSlot the delivery time slot ({@code TZ1}..{@code TZ4})
 */
record PhishingCampaign(
    int index,
    String id,
    String name,
    List<Template> templates,
    Mailbox sender,
    Group target,
    Instant launch,
    String timeSlot) {

  PhishingCampaign {
    Objects.requireNonNull(id, "id");
    templates = List.copyOf(templates);
  }

  /** A phishing template: {@code {id, displayTitle}}. */
  record Template(String id, String displayTitle) {}
}
