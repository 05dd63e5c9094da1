package dev.mci.client.events;

import java.time.Instant;

/**
 * One audit event of {@code /api/audit/get-audit-events} (reference 05 §6.2).
 *
 * @param id opaque event id (unique; used for de-duplication)
 * @param auditType human label, e.g. {@code User Logged On}
 * @param user the acting user's address
 * @param eventTime when it happened; null when unreadable
 * @param eventInfo free text (a whole policy definition for policy changes)
 * @param category category code, e.g. {@code authentication_logs}
 */
public record AuditEvent(
    String id,
    String auditType,
    String user,
    Instant eventTime,
    String eventInfo,
    String category) {}
