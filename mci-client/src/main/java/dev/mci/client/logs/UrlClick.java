package dev.mci.client.logs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One URL Protect log row ({@code clickLogs[]}): a user clicking a rewritten link, or a scan at
 * message entry. Fields the server did not send are null (lists and maps empty).
 *
 * @param date when the click or scan happened
 * @param userEmailAddress who clicked (or the recipient, possibly a distribution list)
 * @param fromUserEmailAddress sender of the message that held the link
 * @param url the original (decoded) URL
 * @param ttpDefinition the URL Protect definition that applied
 * @param subject subject of the message
 * @param action {@code allow}, {@code warn} or {@code block}
 * @param actions capitalised outcome: {@code Allow}, {@code Block}, {@code None}
 * @param adminOverride {@code N/A}, or the managed URL action that applied
 * @param userOverride {@code None}, or what the user chose past a warning
 * @param scanResult {@code clean} or {@code malicious}
 * @param category web category, e.g. {@code Phishing & Fraud}
 * @param sendingIp IP the message came from, or {@code Internal IP}
 * @param userAwarenessAction {@code N/A}, {@code NA} or {@code Continue}
 * @param route {@code inbound}, {@code outbound} or {@code internal}
 * @param creationMethod {@code User Click} or {@code Entry Scan}
 * @param emailPartsDescription where the link was, e.g. {@code Body}
 * @param messageId Internet Message-ID with angle brackets
 * @param tagMap scanner name to tag lists, e.g. {@code UrlReputationScan -> Status -> [..]}
 */
public record UrlClick(
    Instant date,
    String userEmailAddress,
    String fromUserEmailAddress,
    String url,
    String ttpDefinition,
    String subject,
    String action,
    String actions,
    String adminOverride,
    String userOverride,
    String scanResult,
    String category,
    String sendingIp,
    String userAwarenessAction,
    String route,
    String creationMethod,
    List<String> emailPartsDescription,
    String messageId,
    Map<String, Map<String, List<String>>> tagMap) {

  /** Copies the collections; null becomes empty. */
  public UrlClick {
    emailPartsDescription =
        emailPartsDescription == null ? List.of() : List.copyOf(emailPartsDescription);
    tagMap = tagMap == null ? Map.of() : Map.copyOf(tagMap);
  }
}
