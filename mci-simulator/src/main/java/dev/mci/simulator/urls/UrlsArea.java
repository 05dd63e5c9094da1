package dev.mci.simulator.urls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiArea;
import dev.mci.simulator.core.ApiCall;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiFailure;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.Page;
import dev.mci.simulator.core.PageCursor;
import dev.mci.simulator.core.Routes;
import dev.mci.simulator.tenant.ManagedUrl;
import dev.mci.simulator.tenant.MessageUrl;
import dev.mci.simulator.tenant.Tenant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Registers the "urls" endpoints: {@code POST /api/ttp/url/decode-url} (reference 03 §4). Each item
 * is decoded independently; URLs the tenant minted decode to {@code {"url":..,"success":true}},
 * anything else becomes a {@code fail[]} entry with code {@code err_url_decode_failed} and the item
 * as {@code key}. {@code POST /api/ttp/url/get-all-managed-urls} (reference 03 §1.1) lists the
 * account's managed URLs, paged, optionally filtered by {@code domainOrUrl} (partial match unless
 * {@code exactMatch}).
 */
public final class UrlsArea implements ApiArea {

  /** The decode-url path. */
  public static final String DECODE_URL = "/api/ttp/url/decode-url";

  /** The managed URL list path. */
  public static final String MANAGED_URLS = "/api/ttp/url/get-all-managed-urls";

  private final Tenant tenant;

  /** The area over {@code tenant}. */
  public UrlsArea(Tenant tenant) {
    this.tenant = tenant;
  }

  @Override
  public void register(Routes routes) {
    routes.post(DECODE_URL, call -> ApiReply.eachItem(call.items(), this::decode));
    routes.post(MANAGED_URLS, this::managedUrls);
  }

  private ApiReply managedUrls(ApiCall call) {
    // data may be [] (list everything) or [{domainOrUrl, exactMatch}].
    ObjectNode item = call.items().isEmpty() ? Json.object() : call.items().get(0);
    try {
      PageCursor cursor = call.page(item);
      JsonNode query = cursor.query();
      Optional<String> filter =
          Json.text(query, "domainOrUrl")
              .map(v -> v.strip().toLowerCase(Locale.ROOT))
              .filter(v -> !v.isEmpty());
      boolean exact = Json.field(query, "exactMatch").map(JsonNode::asBoolean).orElse(false);
      List<ManagedUrl> matching =
          tenant.activity().managedUrls().stream()
              .filter(m -> filter.map(f -> matches(m, f, exact)).orElse(true))
              .toList();
      Page<ManagedUrl> page = cursor.slice(matching);
      return ApiReply.paged(page.items().stream().map(UrlsArea::render).toList(), page.meta());
    } catch (ItemFailure failure) {
      return ApiReply.ok(List.of(), List.of(ApiFailure.forItem(item, failure.errors())));
    }
  }

  private static boolean matches(ManagedUrl entry, String filter, boolean exact) {
    String url = entry.url().toLowerCase(Locale.ROOT);
    return exact
        ? url.equals(filter) || entry.domain().equals(filter)
        : url.contains(filter) || entry.domain().contains(filter);
  }

  private static ObjectNode render(ManagedUrl entry) {
    ObjectNode node = Json.object();
    node.put("id", entry.id());
    node.put("scheme", entry.scheme());
    node.put("domain", entry.domain());
    node.put("port", entry.port());
    node.put("path", entry.path());
    node.put("queryString", entry.queryString());
    node.put("matchType", entry.matchType());
    node.put("action", entry.action());
    node.put("comment", entry.comment());
    node.put("disableRewrite", entry.disableRewrite());
    node.put("disableUserAwareness", entry.disableUserAwareness());
    node.put("disableLogClick", entry.disableLogClick());
    return node;
  }

  private ObjectNode decode(ObjectNode item) {
    if (Json.field(item, "url").isEmpty()) {
      throw new ItemFailure(
          ApiError.onField(ErrorCodes.VALIDATION_NULL, "This field is required", "url"));
    }
    String url = Json.text(item, "url").orElse("").strip();
    if (url.isEmpty()) {
      throw new ItemFailure(
          ApiError.onField(
              ErrorCodes.VALIDATION_BLANK,
              "This field, if present, cannot be blank or empty",
              "url"));
    }
    Optional<MessageUrl> decoded = tenant.decodeUrl(url);
    if (decoded.isEmpty()) {
      throw new ItemFailure(
          ApiError.of(ErrorCodes.URL_DECODE_FAILED, "The URL could not be decoded"));
    }
    ObjectNode result = Json.object();
    result.put("url", decoded.get().original());
    result.put("success", true);
    return result;
  }
}
