package dev.mci.simulator.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Threat Remediation incident: a request to remove matching messages from mailboxes. Derived by
 * {@link TenantActivity#incidents()}; the criteria match real messages and the counts add up:
 * {@code identified} is the number of delivered copies the criteria match, {@code successful +
 * failed == identified} for remediating types ({@code notify_only} removes nothing), and {@code
 * restored <= successful}.
 *
 * @param id opaque id, input to get-incident
 * @param code console code, {@code TR-<account>-<sequence>-<letter>}
 * @param type {@code manual}, {@code automatic}, {@code notify_only} or {@code restored}
 * @param reason the reason given at creation
 * @param identified delivered copies the criteria match
 * @param successful copies removed
 * @param failed copies that could not be removed
 * @param restored copies put back
 * @param created when it was created
 * @param modified when it last changed
 * @param criteria what it searched for
 */
public record RemediationIncident(
    String id,
    String code,
    String type,
    String reason,
    int identified,
    int successful,
    int failed,
    int restored,
    Instant created,
    Instant modified,
    Criteria criteria) {

  /** Checks nothing is null. */
  public RemediationIncident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(criteria, "criteria");
  }

  /**
   * The incident's search criteria; exactly one of message id, file hash and URL is set.
   *
   * @param start earliest message covered
   * @param end latest message covered
   * @param messageId Message-ID header, with angle brackets
   * @param fileHash SHA-256 of an attachment
   * @param url an original URL
   * @param unremediateCode code to undo the remediation
   * @param restoreCode code to restore messages
   */
  public record Criteria(
      Instant start,
      Instant end,
      Optional<String> messageId,
      Optional<String> fileHash,
      Optional<String> url,
      String unremediateCode,
      String restoreCode) {

    /** Checks nothing is null. */
    public Criteria {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(fileHash, "fileHash");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(unremediateCode, "unremediateCode");
      Objects.requireNonNull(restoreCode, "restoreCode");
    }

    /** Whether {@code message} is one the criteria select (received in the window and matching). */
    public boolean matches(Message message) {
      if (message.received().isBefore(start) || message.received().isAfter(end)) {
        return false;
      }
      return messageId.map(id -> id.equalsIgnoreCase(message.messageIdHeader())).orElse(true)
          && fileHash
              .map(h -> message.attachments().stream().anyMatch(f -> f.sha256().equals(h)))
              .orElse(true)
          && url.map(u -> message.urls().stream().anyMatch(m -> m.original().equals(u)))
              .orElse(true);
    }
  }
}
