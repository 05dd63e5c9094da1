package dev.mci.simulator.messages;

import dev.mci.simulator.ApiGeneration;
import dev.mci.simulator.core.ApiArea;
import dev.mci.simulator.core.Routes;
import dev.mci.simulator.tenant.Tenant;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;

/**
 * Registers the "messages" endpoints: Message Finder search and info, archive search, message list,
 * message detail, message part and file (reference 01 and 02), plus the pre-signed download URLs
 * that API 2.0 hands out for the last two.
 */
public final class MessagesArea implements ApiArea {

  /** Message Finder search (reference 01 §1). */
  public static final String SEARCH = "/api/message-finder/search";

  /** Message Finder get-message-info (02 §1). */
  public static final String MESSAGE_INFO = "/api/message-finder/get-message-info";

  /** Archive search (01 §2). */
  public static final String ARCHIVE_SEARCH = "/api/archive/search";

  /** Archive message list (01 §3). */
  public static final String MESSAGE_LIST = "/api/archive/get-message-list";

  /** Archive get-message-detail (02 §2). */
  public static final String MESSAGE_DETAIL = "/api/archive/get-message-detail";

  /** Archive get-message-part (02 §3). */
  public static final String MESSAGE_PART = "/api/archive/get-message-part";

  /** Archive get-file (02 §4). */
  public static final String GET_FILE = "/api/archive/get-file";

  /** How long a pre-signed download URL works by default. */
  public static final Duration DEFAULT_DOWNLOAD_LIFETIME = Duration.ofMinutes(15);

  private final Tenant tenant;
  private final Duration downloadLifetime;

  /** The area over {@code tenant}, with 15-minute download URLs. */
  public MessagesArea(Tenant tenant) {
    this(tenant, DEFAULT_DOWNLOAD_LIFETIME);
  }

  /** The area over {@code tenant}, with download URLs valid for {@code downloadLifetime}. */
  public MessagesArea(Tenant tenant, Duration downloadLifetime) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.downloadLifetime = Objects.requireNonNull(downloadLifetime, "downloadLifetime");
    if (downloadLifetime.isNegative() || downloadLifetime.isZero()) {
      throw new IllegalArgumentException(
          "downloadLifetime must be positive, was " + downloadLifetime);
    }
  }

  @Override
  public void register(Routes routes) {
    Rfc822Renderer renderer = new Rfc822Renderer(tenant);
    Downloads downloads =
        new Downloads(tenant, renderer, new DownloadLinks(tenant.seed(), downloadLifetime));
    routes.post(SEARCH, new MessageFinderSearch(tenant));
    routes.post(MESSAGE_INFO, new MessageFinderInfo(tenant, renderer));
    routes.post(ARCHIVE_SEARCH, new ArchiveSearch(tenant));
    routes.post(MESSAGE_LIST, new ArchiveMessageList(tenant));
    routes.post(MESSAGE_DETAIL, new ArchiveMessageDetail(tenant, renderer));
    routes.post(MESSAGE_PART, downloads.messagePart());
    routes.post(GET_FILE, downloads.file());
    routes.raw(
        "GET",
        DownloadLinks.PREFIX + "*",
        EnumSet.allOf(ApiGeneration.class),
        false,
        downloads::presigned);
  }
}
