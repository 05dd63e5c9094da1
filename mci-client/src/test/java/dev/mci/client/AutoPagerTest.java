package dev.mci.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AutoPagerTest {

  /** A listing of pages keyed by the token that fetches them ("" for the first). */
  private static final class Listing implements AutoPager.PageFetcher<String> {
    private final Map<String, Page<String>> pages;
    private final List<Optional<String>> fetched = new ArrayList<>();

    Listing(Map<String, Page<String>> pages) {
      this.pages = pages;
    }

    @Override
    public Page<String> fetch(Optional<String> token) {
      fetched.add(token);
      return pages.get(token.orElse(""));
    }
  }

  private static Page<String> page(List<String> items, String next) {
    return new Page<>(items, Optional.ofNullable(next), OptionalLong.empty());
  }

  private static Listing threePages() {
    return new Listing(
        Map.of(
            "", page(List.of("a", "b"), "t1"),
            "t1", page(List.of("c"), "t2"),
            "t2", page(List.of("d", "e"), null)));
  }

  @Test
  void walksEveryPageUntilNextIsAbsent() {
    Listing listing = threePages();
    assertThat(AutoPager.of(listing)).containsExactly("a", "b", "c", "d", "e");
    assertThat(listing.fetched)
        .containsExactly(Optional.empty(), Optional.of("t1"), Optional.of("t2"));
  }

  @Test
  void stopsOnAnEmptyPageEvenWhenItCarriesNext() {
    Listing listing =
        new Listing(
            Map.of(
                "", page(List.of("a"), "t1"),
                "t1", page(List.of(), "t2"),
                "t2", page(List.of("never"), null)));
    assertThat(AutoPager.of(listing).stream().toList()).containsExactly("a");
    assertThat(listing.fetched).hasSize(2);
  }

  @Test
  void treatsABlankNextAsTheLastPage() {
    Listing listing =
        new Listing(Map.of("", page(List.of("a"), " "), " ", page(List.of("never"), null)));
    assertThat(AutoPager.of(listing)).containsExactly("a");
    assertThat(listing.fetched).hasSize(1);
  }

  @Test
  void doesNotStopOnAShortPage() {
    Listing listing =
        new Listing(Map.of("", page(List.of("a"), "t1"), "t1", page(List.of("b", "c", "d"), null)));
    assertThat(AutoPager.of(listing)).containsExactly("a", "b", "c", "d");
  }

  @Test
  void fetchesTheNextPageOnlyWhenIterationNeedsIt() {
    Listing listing = threePages();
    AutoPager<String> pager = AutoPager.of(listing);
    assertThat(listing.fetched).isEmpty();
    var items = pager.iterator();
    assertThat(items.next()).isEqualTo("a");
    assertThat(items.next()).isEqualTo("b");
    assertThat(listing.fetched).hasSize(1);
    assertThat(items.next()).isEqualTo("c");
    assertThat(listing.fetched).hasSize(2);
  }

  @Test
  void reportsTheTokensToResumeFrom() {
    AutoPager<String> pager = AutoPager.of(threePages());
    var pages = pager.pages().iterator();
    pages.next();
    assertThat(pager.lastPageToken()).isEmpty();
    assertThat(pager.nextPageToken()).contains("t1");
    pages.next();
    assertThat(pager.lastPageToken()).contains("t1");
    assertThat(pager.nextPageToken()).contains("t2");
    pages.next();
    assertThat(pager.lastPageToken()).contains("t2");
    assertThat(pager.nextPageToken()).isEmpty();
    assertThat(pages.hasNext()).isFalse();
  }

  @Test
  void resumesFromASavedToken() {
    Listing listing = threePages();
    AutoPager<String> pager = AutoPager.of(listing);
    pager.pages().iterator().next();
    String saved = pager.nextPageToken().orElseThrow();

    AutoPager<String> resumed = pager.startingAt(saved);
    assertThat(resumed).containsExactly("c", "d", "e");
    assertThat(listing.fetched.get(1)).contains("t1");
  }

  @Test
  void pagesCarryTheTotalCount() {
    Listing listing =
        new Listing(Map.of("", new Page<>(List.of("a"), Optional.empty(), OptionalLong.of(31))));
    assertThat(AutoPager.of(listing).pages())
        .singleElement()
        .extracting(Page::totalCount)
        .isEqualTo(OptionalLong.of(31));
  }
}
