package dev.mci.investigate.cases;

/**
 * A URL in the case.
 *
 * @param url the URL as the sender wrote it (the decoded form when it was rewritten)
 * @param rewritten the URL Protect form it was found as, null when not rewritten
 * @param decodeError why decoding failed, null when it did not fail
 * @param category the web category URL Protect reported, null when unknown
 * @param malicious whether URL Protect judged it malicious, null when unknown
 * @param foundBy the step that found it
 */
public record CaseUrl(
    String url,
    String rewritten,
    String decodeError,
    String category,
    Boolean malicious,
    String foundBy) {}
