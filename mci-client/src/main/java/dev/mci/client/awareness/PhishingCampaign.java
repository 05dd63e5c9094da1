package dev.mci.client.awareness;

import dev.mci.client.groups.DirectoryGroup;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A phishing-simulation campaign (reference 06 §5.1).
 *
 * @param id the campaign id, for {@link AwarenessApi#phishingResults}
 * @param name the campaign name
 * @param templates display titles of the phishing templates it used
 * @param senderName the simulated sender's display name
 * @param senderEmail the simulated sender's address
 * @param group the group it targeted
 * @param launched when it was launched
 * @param sent users it was sent to
 * @param opened users who opened it
 * @param clicked users who clicked its link
 * @param submitted users who submitted data on its landing page
 */
public record PhishingCampaign(
    String id,
    String name,
    List<String> templates,
    Optional<String> senderName,
    Optional<String> senderEmail,
    Optional<DirectoryGroup> group,
    Optional<Instant> launched,
    int sent,
    int opened,
    int clicked,
    int submitted) {

  /** Copies the list and checks nothing is null. */
  public PhishingCampaign {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    templates = List.copyOf(templates);
    Objects.requireNonNull(senderName, "senderName");
    Objects.requireNonNull(senderEmail, "senderEmail");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(launched, "launched");
  }
}
