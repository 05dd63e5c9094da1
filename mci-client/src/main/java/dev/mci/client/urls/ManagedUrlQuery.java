package dev.mci.client.urls;

/**
 * Which managed URLs to list.
 *
 * @param domainOrUrl only entries matching this domain or URL; null for all
 * @param exactMatch {@code domainOrUrl} must match exactly (default: partial matches)
 * @param pageSize rows per call, 1 to 500
 */
public record ManagedUrlQuery(String domainOrUrl, boolean exactMatch, int pageSize) {

  private static final int DEFAULT_PAGE_SIZE = 500;

  /** Every entry. */
  public static ManagedUrlQuery all() {
    return new ManagedUrlQuery(null, false, DEFAULT_PAGE_SIZE);
  }

  /** Entries whose domain or URL contains {@code text}. */
  public static ManagedUrlQuery matching(String text) {
    return new ManagedUrlQuery(text, false, DEFAULT_PAGE_SIZE);
  }

  /** Entries whose domain or URL is exactly {@code text}. */
  public static ManagedUrlQuery exactly(String text) {
    return new ManagedUrlQuery(text, true, DEFAULT_PAGE_SIZE);
  }

  /** This query with another page size. */
  public ManagedUrlQuery withPageSize(int size) {
    return new ManagedUrlQuery(domainOrUrl, exactMatch, size);
  }
}
