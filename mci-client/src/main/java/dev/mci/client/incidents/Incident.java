package dev.mci.client.incidents;

import java.time.Instant;
import java.util.List;

/**
 * One remediation incident. Fields the server did not send are null.
 *
 * @param id secure id, input to {@link IncidentsApi#get}
 * @param code console code, e.g. {@code TR-CUSA12B345-00017-M}
 * @param type {@code manual}, {@code automatic}, {@code notify_only} or {@code restored}
 * @param reason reason given at creation
 * @param identified messages the criteria matched
 * @param successful messages remediated
 * @param failed messages that could not be remediated
 * @param restored messages restored
 * @param created when it was created ({@code create} on the wire)
 * @param modified when it last changed
 * @param searchCriteria what it searched for
 */
public record Incident(
    String id,
    String code,
    String type,
    String reason,
    Integer identified,
    Integer successful,
    Integer failed,
    Integer restored,
    Instant created,
    Instant modified,
    SearchCriteria searchCriteria) {

  /**
   * An incident's search criteria; only the keys that apply are set.
   *
   * @param from sender address or domain
   * @param to recipient address or domain
   * @param start earliest message covered
   * @param end latest message covered
   * @param messageId Message-ID used, with angle brackets
   * @param messageIds Message-IDs of v2-created incidents; empty otherwise
   * @param fileHash file hash used
   * @param url URL used
   * @param unremediateCode code needed to restore messages
   * @param restoreCode restore code
   */
  public record SearchCriteria(
      String from,
      String to,
      Instant start,
      Instant end,
      String messageId,
      List<String> messageIds,
      String fileHash,
      String url,
      String unremediateCode,
      String restoreCode) {

    /** Copies the list; null becomes empty. */
    public SearchCriteria {
      messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
    }
  }
}
