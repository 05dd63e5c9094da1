package dev.mci.client.urls;

/**
 * One entry of the account's URL Protect managed URL list: an administrator's block or permit
 * override. Fields the server did not send are null.
 *
 * @param id opaque id ({@code wOi3MC...})
 * @param scheme {@code http} or {@code https}
 * @param domain host
 * @param port {@code -1} when none
 * @param path {@code ""}, {@code /} or a path
 * @param queryString without {@code ?}
 * @param matchType {@code explicit} (this URL only) or {@code domain} (every URL on the domain)
 * @param action {@code block} or {@code permit}
 * @param comment the administrator's note
 * @param disableRewrite links are not rewritten (permit entries)
 * @param disableUserAwareness no awareness challenge (permit entries)
 * @param disableLogClick clicks are not logged
 */
public record ManagedUrl(
    String id,
    String scheme,
    String domain,
    Integer port,
    String path,
    String queryString,
    String matchType,
    String action,
    String comment,
    Boolean disableRewrite,
    Boolean disableUserAwareness,
    Boolean disableLogClick) {

  /**
   * The URL the entry stands for: scheme, host, the port when one is set, path and query (the
   * reference's reconstruction; adding the port is unverified).
   */
  public String url() {
    StringBuilder url = new StringBuilder();
    url.append(scheme == null ? "https" : scheme)
        .append("://")
        .append(domain == null ? "" : domain);
    if (port != null && port != -1) {
      url.append(':').append(port);
    }
    url.append(path == null ? "" : path);
    if (queryString != null && !queryString.isEmpty()) {
      url.append('?').append(queryString);
    }
    return url.toString();
  }
}
