package dev.mci.simulator.events;

import dev.mci.simulator.ApiGeneration;
import dev.mci.simulator.core.ApiArea;
import dev.mci.simulator.core.Routes;
import dev.mci.simulator.tenant.Tenant;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers the "events" endpoints (reference 05): on the API 2.0 listener the SIEM batch listing
 * {@code GET /siem/v1/batch/events/cg}, the pre-signed batch files under {@code /siem-batches/} (no
 * authentication) and the streaming pages {@code GET /siem/v1/events/cg}; on the API 1.0 listener
 * {@code POST /api/audit/get-siem-logs}; on both, {@code POST /api/audit/get-audit-events} and
 * {@code /api/audit/get-categories}. All of them read one {@link SiemLog} derived from the tenant,
 * so every event agrees with Message Finder and the archive.
 */
public final class EventsArea implements ApiArea {

  private final SiemLog log;
  private final AuditLog audit;

  /** The area over {@code tenant}, shaped by {@code config}. */
  public EventsArea(Tenant tenant, EventStreamConfig config) {
    this(new SiemLog(tenant, config, List.of()));
  }

  /** The area over an existing log (which may carry feeds from other areas). */
  public EventsArea(SiemLog log) {
    this.log = log;
    this.audit = new AuditLog(log.tenant(), new EventIds(log.tenant().seed()));
  }

  /** The log this area serves. */
  public SiemLog log() {
    return log;
  }

  @Override
  public void register(Routes routes) {
    Cursors cursors = new Cursors(log.tenant().seed());
    DamagedFiles damaged = new DamagedFiles(log);
    SiemBatchEndpoint batch = new SiemBatchEndpoint(log, cursors, damaged);
    SiemStreamEndpoint stream = new SiemStreamEndpoint(log, cursors);
    EnumSet<ApiGeneration> v2 = EnumSet.of(ApiGeneration.V2);
    routes.raw("GET", SiemBatchEndpoint.PATH, v2, true, batch::list);
    routes.raw("GET", SiemBatchEndpoint.FILES + "*", v2, false, batch::download);
    routes.raw("GET", SiemStreamEndpoint.PATH, v2, true, stream::page);
    routes.post(
        SiemLogFileEndpoint.PATH,
        EnumSet.of(ApiGeneration.V1),
        new SiemLogFileEndpoint(log, cursors, damaged));
    AuditEndpoint auditEndpoint = new AuditEndpoint(audit);
    routes.post(AuditEndpoint.EVENTS, auditEndpoint::events);
    routes.post(AuditEndpoint.CATEGORIES, auditEndpoint::categories);
  }
}
