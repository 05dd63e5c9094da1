package dev.mci.investigate.cases;

import java.time.Instant;

/**
 * The time window searched.
 *
 * @param since start, UTC
 * @param until end, UTC
 */
public record CaseWindow(Instant since, Instant until) {}
