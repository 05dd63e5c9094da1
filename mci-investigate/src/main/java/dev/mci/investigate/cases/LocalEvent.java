package dev.mci.investigate.cases;

import java.time.Instant;
import java.util.List;

/**
 * A row of the local event store (events pulled from the SIEM by {@code mci events pull}) that
 * holds one of the case's values. Every text is data from Mimecast: treat as text.
 *
 * @param storeId the store's row id (stable within one store)
 * @param time when the event happened (UTC)
 * @param logType the log type, e.g. {@code receipt}, {@code url protect}, {@code audit}
 * @param action what Mimecast did, e.g. {@code Acc}, {@code Rej}, {@code Hld}, {@code Block}; null
 *     when the event has none
 * @param sender the sender, when the event names one
 * @param user the recipient or acting user, when the event names one
 * @param ip the source IP, when the event names one
 * @param subject the subject, when the event names one
 * @param messageId the Internet Message-ID, when the event names one
 * @param matched which of the case's values the event holds, as {@code role:value}, e.g. {@code
 *     sending-ip:203.0.113.7}
 */
public record LocalEvent(
    long storeId,
    Instant time,
    String logType,
    String action,
    String sender,
    String user,
    String ip,
    String subject,
    String messageId,
    List<String> matched) {

  /** Copies the matches; null becomes empty. */
  public LocalEvent {
    matched = matched == null ? List.of() : List.copyOf(matched);
  }
}
