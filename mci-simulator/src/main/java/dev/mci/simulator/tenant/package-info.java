/**
 * The simulated tenant: one deterministic world (account, domains, users, groups, messages, URLs,
 * attachments and a planted phishing scenario) generated from a seed and a size, read by every
 * endpoint so the same fact shows up the same way everywhere.
 *
 * <p>Messages are never stored: message {@code i} is a pure function of the seed and {@code i}, and
 * messages are ordered by time, so a time window maps to an index range.
 */
package dev.mci.simulator.tenant;
