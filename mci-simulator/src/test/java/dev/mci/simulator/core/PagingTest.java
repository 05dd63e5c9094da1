package dev.mci.simulator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {

  private static final String ENDPOINT = "/api/directory/find-groups";
  private static final List<Integer> RECORDS = IntStream.range(0, 60).boxed().toList();

  private final Paging paging = new Paging(25, new PageTokens(42));

  @Test
  void usesTheDefaultPageSizeWhenOmittedOrBelowOne() {
    assertThat(paging.open(ENDPOINT, PageRequest.none(), query("a")).pageSize()).isEqualTo(25);
    assertThat(paging.open(ENDPOINT, request(0, null), query("a")).pageSize()).isEqualTo(25);
    assertThat(paging.open(ENDPOINT, request(-5, null), query("a")).pageSize()).isEqualTo(25);
  }

  @Test
  void clampsLargePageSizesTo500() {
    assertThat(paging.open(ENDPOINT, request(100_000, null), query("a")).pageSize()).isEqualTo(500);
    assertThat(paging.unpagedLimit(PageRequest.none())).isEqualTo(500);
    assertThat(paging.unpagedLimit(request(7, null))).isEqualTo(7);
  }

  @Test
  void walksAllRecordsWithNextAndStopsOnTheLastPage() {
    List<Integer> seen = new ArrayList<>();
    PageRequest request = request(25, null);
    List<PageMeta> metas = new ArrayList<>();
    while (true) {
      Page<Integer> page = paging.open(ENDPOINT, request, query("a")).slice(RECORDS);
      seen.addAll(page.items());
      metas.add(page.meta());
      if (page.meta().next().isEmpty()) {
        break;
      }
      request = request(25, page.meta().next().get());
    }

    assertThat(seen).isEqualTo(RECORDS);
    assertThat(metas).extracting(PageMeta::pageSize).containsExactly(25, 25, 10);
    assertThat(metas).allSatisfy(m -> assertThat(m.totalCount()).hasValue(60));
    assertThat(metas.get(0).previous()).isEmpty();
    assertThat(metas.get(1).previous()).isPresent();
    assertThat(metas.get(2).next()).isEmpty();
  }

  @Test
  void previousLeadsBackToTheEarlierPage() {
    Page<Integer> first = paging.open(ENDPOINT, request(10, null), query("a")).slice(RECORDS);
    Page<Integer> second =
        paging.open(ENDPOINT, request(10, first.meta().next().get()), query("a")).slice(RECORDS);
    Page<Integer> back =
        paging
            .open(ENDPOINT, request(10, second.meta().previous().get()), query("a"))
            .slice(RECORDS);

    assertThat(back.items()).isEqualTo(first.items());
  }

  @Test
  void tokenCarriesTheQuerySoItWorksWithoutData() {
    PageCursor first = paging.open(ENDPOINT, request(10, null), query("Blocked"));
    String next = first.slice(RECORDS).meta().next().get();

    PageCursor withoutData = paging.open(ENDPOINT, request(0, next), Json.object());
    PageCursor withOtherData = paging.open(ENDPOINT, request(0, next), query("Other"));

    assertThat(withoutData.query()).isEqualTo(query("Blocked"));
    assertThat(withoutData.offset()).isEqualTo(10);
    assertThat(withoutData.pageSize()).isEqualTo(10);
    assertThat(withOtherData.query()).isEqualTo(query("Blocked"));
  }

  @Test
  void emptyResultHasNoNextOrPrevious() {
    Page<Integer> page = paging.open(ENDPOINT, PageRequest.none(), query("a")).slice(List.of());

    assertThat(page.meta().pageSize()).isZero();
    assertThat(page.meta().next()).isEmpty();
    assertThat(page.meta().previous()).isEmpty();
    assertThat(page.meta().toJson().toString()).isEqualTo("{\"pageSize\":0,\"totalCount\":0}");
  }

  @Test
  void tokensLookLikeMimecastTokens() {
    String next =
        paging.open(ENDPOINT, request(5, null), query("a")).slice(RECORDS).meta().next().get();

    assertThat(next).startsWith("eN").matches("[A-Za-z0-9_-]+");
  }

  @Test
  void rejectsGarbledForeignAndOtherEndpointTokens() {
    String next =
        paging.open(ENDPOINT, request(5, null), query("a")).slice(RECORDS).meta().next().get();
    String foreign =
        new Paging(25, new PageTokens(7))
            .open(ENDPOINT, request(5, null), query("a"))
            .slice(RECORDS)
            .meta()
            .next()
            .get();

    for (String bad : new String[] {next.substring(0, next.length() - 3), "eNpXXXX", foreign}) {
      assertThatThrownBy(() -> paging.open(ENDPOINT, request(0, bad), query("a")))
          .isInstanceOfSatisfying(
              ItemFailure.class,
              f -> assertThat(f.errors().get(0).code()).isEqualTo("xdk_failure"));
    }
    assertThatThrownBy(() -> paging.open("/api/other", request(0, next), query("a")))
        .isInstanceOf(ItemFailure.class);
  }

  private static PageRequest request(int pageSize, String token) {
    return PageRequest.of(OptionalInt.of(pageSize), Optional.ofNullable(token));
  }

  private static JsonNode query(String text) {
    ObjectNode node = Json.object();
    node.put("query", text);
    return node;
  }
}
