/**
 * The case reports: {@code report.html} (self-contained, every value escaped, inline SVG, no
 * scripts, no links) and {@code report.md}.
 */
package dev.mci.investigate.report;
