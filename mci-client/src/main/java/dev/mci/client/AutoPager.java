package dev.mci.client;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy listing over all pages: the next page is fetched only when iteration needs it. Iterating
 * again starts again from the starting token.
 *
 * <p>Iteration stops when a page has no next token or holds no records (see {@link
 * Page#hasNext()}). To resume a long pull later, save {@link #lastPageToken()} (re-reads the page
 * being processed, so nothing is skipped) or {@link #nextPageToken()} (continues after the last
 * fetched page), and pass it to {@link #startingAt(String)}.
 *
 * <p>An instance is meant to be iterated by one thread at a time; the token accessors report the
 * most recent iteration.
 *
 * @param <T> the record type
 */
public final class AutoPager<T> implements Iterable<T> {

  /** Fetches one page given the token to start from (empty for the first page). */
  @FunctionalInterface
  public interface PageFetcher<T> {
    /** Fetches the page that {@code pageToken} points at. */
    Page<T> fetch(Optional<String> pageToken);
  }

  private final PageFetcher<T> fetcher;
  private final Optional<String> startToken;
  private volatile Optional<String> lastPageToken = Optional.empty();
  private volatile Optional<String> nextPageToken = Optional.empty();

  private AutoPager(PageFetcher<T> fetcher, Optional<String> startToken) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.startToken = startToken;
    this.lastPageToken = startToken;
  }

  /** A pager that starts at the first page. */
  public static <T> AutoPager<T> of(PageFetcher<T> fetcher) {
    return new AutoPager<>(fetcher, Optional.empty());
  }

  /** A pager over the same listing that starts at a saved token. */
  public AutoPager<T> startingAt(String pageToken) {
    if (pageToken == null || pageToken.isBlank()) {
      throw new IllegalArgumentException("pageToken must not be blank");
    }
    return new AutoPager<>(fetcher, Optional.of(pageToken));
  }

  /** The pages, fetched lazily; empty pages are never returned. */
  public Iterable<Page<T>> pages() {
    return PageIterator::new;
  }

  @Override
  public Iterator<T> iterator() {
    PageIterator pages = new PageIterator();
    return new Iterator<>() {
      private Iterator<T> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pages.hasNext()) {
          current = pages.next().items().iterator();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** The records as a sequential, lazy stream. */
  public Stream<T> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  /**
   * The token that fetched the most recent page (empty if that was the first page). Resuming from
   * it re-reads that page, so a pull interrupted half-way through a page loses nothing.
   */
  public Optional<String> lastPageToken() {
    return lastPageToken;
  }

  /**
   * The next token of the most recent page: resuming from it continues after that page. Empty
   * before the first fetch and once the listing is complete.
   */
  public Optional<String> nextPageToken() {
    return nextPageToken;
  }

  private final class PageIterator implements Iterator<Page<T>> {
    private Optional<String> token = startToken;
    private Page<T> buffered;
    private boolean finished;

    @Override
    public boolean hasNext() {
      if (buffered != null) {
        return true;
      }
      if (finished) {
        return false;
      }
      Page<T> page = fetcher.fetch(token);
      lastPageToken = token;
      if (page.items().isEmpty()) {
        finished = true;
        nextPageToken = Optional.empty();
        return false;
      }
      if (page.hasNext()) {
        token = page.nextPageToken();
        nextPageToken = token;
      } else {
        finished = true;
        nextPageToken = Optional.empty();
      }
      buffered = page;
      return true;
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Page<T> page = buffered;
      buffered = null;
      return page;
    }
  }
}
