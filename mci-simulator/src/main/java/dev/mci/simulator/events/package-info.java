/**
 * SIEM event streaming, API 1.0 SIEM log files and audit events: the "events" API area (reference
 * 05). Events are derived from the tenant's messages (and feeds other areas supply), generated
 * lazily per batch window so any volume uses flat memory. The web security log is MCI's proposal
 * (UNVERIFIED, 05 §7).
 */
package dev.mci.simulator.events;
