package dev.mci.simulator.logs;

import dev.mci.simulator.core.ApiArea;
import dev.mci.simulator.core.Routes;
import dev.mci.simulator.tenant.BackgroundClicks;
import dev.mci.simulator.tenant.Tenant;

/**
 * Registers the "logs" endpoints (reference 04): the three TTP logs, held-message release logs,
 * rejection logs and the held-message list.
 *
 * <p>The URL Protect log can carry a volume of synthetic background clicks for load and benchmark
 * runs ({@code SimulatorConfig.urlLogBackground}, a count over the 90-day history; default 0, i.e.
 * only the tenant's real clicks).
 */
public final class LogsArea implements ApiArea {

  /** URL Protect click logs. */
  public static final String URL_LOGS = "/api/ttp/url/get-logs";

  /** Impersonation Protect logs. */
  public static final String IMPERSONATION_LOGS = "/api/ttp/impersonation/get-logs";

  /** Attachment Protect logs. */
  public static final String ATTACHMENT_LOGS = "/api/ttp/attachment/get-logs";

  /** Held-message release logs. */
  public static final String RELEASE_LOGS = "/api/gateway/get-held-release-logs";

  /** Rejection logs. */
  public static final String REJECTIONS = "/api/gateway/get-rejections";

  /** The held-message list. */
  public static final String HELD_MESSAGES = "/api/gateway/get-hold-message-list";

  private final Tenant tenant;
  private final long backgroundClicks;

  /** The area over {@code tenant} with {@code backgroundClicks} synthetic URL Protect clicks. */
  public LogsArea(Tenant tenant, long backgroundClicks) {
    this.tenant = tenant;
    this.backgroundClicks = backgroundClicks;
  }

  @Override
  public void register(Routes routes) {
    routes.post(URL_LOGS, new UrlLogs(tenant, new BackgroundClicks(tenant, backgroundClicks)));
    routes.post(IMPERSONATION_LOGS, new ImpersonationLogs(tenant));
    routes.post(ATTACHMENT_LOGS, new AttachmentLogs(tenant));
    routes.post(RELEASE_LOGS, new ReleaseLogs(tenant));
    routes.post(REJECTIONS, new RejectionLogs(tenant));
    routes.post(HELD_MESSAGES, new HeldMessages(tenant));
  }
}
