package dev.mci.simulator.tenant;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the account's URL Protect managed URL list: an administrator's block or permit
 * override. The list is {@link TenantActivity#managedUrls()}; clicks it applied to show it as their
 * {@code adminOverride}.
 *
 * @param id opaque id ({@code wOi3MC...})
 * @param scheme {@code http} or {@code https}
 * @param domain host
 * @param port {@code -1} when none
 * @param path {@code ""} or a path
 * @param queryString without {@code ?}
 * @param matchType {@code explicit} (this URL only) or {@code domain} (every URL on the domain)
 * @param action {@code block} or {@code permit}
 * @param comment the administrator's note
 * @param disableRewrite permit entries only: links are not rewritten
 * @param disableUserAwareness permit entries only: no awareness challenge
 * @param disableLogClick clicks are not logged
 */
public record ManagedUrl(
    String id,
    String scheme,
    String domain,
    int port,
    String path,
    String queryString,
    String matchType,
    String action,
    String comment,
    boolean disableRewrite,
    boolean disableUserAwareness,
    boolean disableLogClick) {

  /** Checks nothing is null. */
  public ManagedUrl {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(queryString, "queryString");
    Objects.requireNonNull(matchType, "matchType");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(comment, "comment");
  }

  /** The URL as the reference rebuilds it: scheme, host, optional port, path, optional query. */
  public String url() {
    return scheme
        + "://"
        + domain
        + (port == -1 ? "" : ":" + port)
        + path
        + (queryString.isEmpty() ? "" : "?" + queryString);
  }

  /** Whether this entry covers {@code url} (a domain entry covers its subdomains too). */
  public boolean covers(MessageUrl url) {
    URI uri = URI.create(url.original());
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (matchType.equals("domain")) {
      return host.equals(domain) || host.endsWith("." + domain);
    }
    return url.original().equalsIgnoreCase(url());
  }
}
