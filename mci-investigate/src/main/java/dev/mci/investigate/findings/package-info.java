/**
 * Findings: small {@link dev.mci.investigate.findings.FindingRule}s that read only the case data
 * and state what it shows in plain words, ranked by {@link dev.mci.investigate.findings.Findings};
 * and the UTC timeline of every dated event.
 */
package dev.mci.investigate.findings;
