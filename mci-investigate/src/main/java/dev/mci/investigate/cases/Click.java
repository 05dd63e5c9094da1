package dev.mci.investigate.cases;

import java.time.Instant;

/**
 * One click on a protected link, from the URL Protect logs.
 *
 * @param user who clicked, lower case
 * @param url the URL clicked (original form)
 * @param time when (UTC)
 * @param action what URL Protect did, e.g. {@code allow}, {@code block}, {@code warn}
 * @param scanResult the scan verdict, e.g. {@code clean}, {@code malicious}
 * @param userOverride whether the user went on past a warning
 * @param foundBy the step that found it
 */
public record Click(
    String user,
    String url,
    Instant time,
    String action,
    String scanResult,
    boolean userOverride,
    String foundBy) {}
