package dev.mci.investigate.cases;

import java.util.List;

/**
 * What get-message-info reports about one recipient's copy: the route, the authentication verdicts,
 * the policies applied on delivery and the spam score.
 *
 * @param id the Message Finder id of the copy
 * @param route lower-case route, e.g. {@code inbound}
 * @param spf the SPF verdict, null when not reported
 * @param dkim the DKIM verdict, null when not reported
 * @param dmarc the DMARC verdict, null when not reported
 * @param policies the policies applied on delivery, as {@code type: name}
 * @param spamScore the spam score, null when not reported
 * @param foundBy the step that found it
 */
public record CaseMessageInfo(
    String id,
    String route,
    String spf,
    String dkim,
    String dmarc,
    List<String> policies,
    Integer spamScore,
    String foundBy) {

  /** Copies the policies; null becomes empty. */
  public CaseMessageInfo {
    policies = policies == null ? List.of() : List.copyOf(policies);
  }
}
