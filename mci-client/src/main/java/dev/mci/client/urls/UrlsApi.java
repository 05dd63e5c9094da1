package dev.mci.client.urls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.ApiError;
import dev.mci.client.AutoPager;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.InvalidResponseException;
import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.FailurePolicy;
import dev.mci.client.internal.Json;
import dev.mci.client.internal.Operation;
import dev.mci.client.internal.Transport;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * URL Protect calls: decode rewritten links and list the managed URL overrides. Obtain it from
 * {@code MimecastClient.urls()}. Thread-safe; only reads.
 */
public final class UrlsApi {

  /** {@code POST /api/ttp/url/decode-url}: one {@code {"url": ...}} item per URL. */
  static final Operation DECODE_URL = Operation.read("/api/ttp/url/decode-url");

  /** {@code POST /api/ttp/url/get-all-managed-urls}: paged. */
  static final Operation MANAGED_URLS = Operation.readPaged("/api/ttp/url/get-all-managed-urls");

  /** URLs sent per call. */
  static final int BATCH_SIZE = 100;

  private static final int MAX_SHOWN_INPUT = 200;

  private final Transport transport;

  /** Used by the client; not for direct use. */
  public UrlsApi(Transport transport) {
    this.transport = transport;
  }

  /**
   * Decodes URLs rewritten by URL Protect, in batches of 100. Returns exactly one result per input,
   * in input order; a URL Mimecast could not decode is a result with {@code success == false} (and
   * the error when Mimecast gave one), not an exception.
   *
   * @throws InvalidRequestException before any call if an input is not an absolute http(s) URL
   */
  public List<DecodedUrl> decode(List<String> urls) {
    validate(urls);
    List<DecodedUrl> results = new ArrayList<>(urls.size());
    for (int from = 0; from < urls.size(); from += BATCH_SIZE) {
      results.addAll(decodeBatch(urls.subList(from, Math.min(urls.size(), from + BATCH_SIZE))));
    }
    return results;
  }

  /**
   * The account's managed URL list (block and permit overrides), optionally filtered, as a lazy
   * pager.
   *
   * @throws InvalidRequestException before any call for an exact match without a value or a page
   *     size outside 1 to 500
   */
  public AutoPager<ManagedUrl> managedUrls(ManagedUrlQuery query) {
    String endpoint = MANAGED_URLS.path();
    if (query == null) {
      throw new InvalidRequestException(endpoint, "the query is missing");
    }
    if (query.pageSize() < 1 || query.pageSize() > 500) {
      throw new InvalidRequestException(
          endpoint, "pageSize must be between 1 and 500, got " + query.pageSize());
    }
    boolean filtered = query.domainOrUrl() != null && !query.domainOrUrl().isBlank();
    if (query.exactMatch() && !filtered) {
      throw new InvalidRequestException(
          endpoint, "an exact match needs the domain or URL to match (--filter)");
    }
    List<ObjectNode> data = new ArrayList<>();
    if (filtered) {
      ObjectNode item = Json.object();
      item.put("domainOrUrl", query.domainOrUrl().strip());
      item.put("exactMatch", query.exactMatch());
      data.add(item);
    }
    return transport.pager(
        MANAGED_URLS,
        data,
        query.pageSize(),
        envelope -> {
          List<ManagedUrl> entries = new ArrayList<>();
          for (JsonNode node : envelope.data()) {
            OptionalInt port = Json.integer(node, "port");
            entries.add(
                new ManagedUrl(
                    Json.text(node, "id"),
                    Json.text(node, "scheme"),
                    Json.text(node, "domain"),
                    port.isPresent() ? port.getAsInt() : null,
                    Json.text(node, "path"),
                    Json.text(node, "queryString"),
                    Json.text(node, "matchType"),
                    Json.text(node, "action"),
                    Json.text(node, "comment"),
                    Json.bool(node, "disableRewrite"),
                    Json.bool(node, "disableUserAwareness"),
                    Json.bool(node, "disableLogClick")));
          }
          return entries;
        });
  }

  private List<DecodedUrl> decodeBatch(List<String> batch) {
    List<ObjectNode> items = new ArrayList<>();
    for (String url : batch) {
      ObjectNode item = Json.object();
      item.put("url", url.strip());
      items.add(item);
    }
    Envelope envelope =
        transport.call(
            DECODE_URL, items, OptionalInt.empty(), Optional.empty(), FailurePolicy.PER_ITEM);

    // Successes come back in data[] in input order without echoing the input; failures come back
    // in fail[] with the input as key.url. So: failures are matched by key, the rest by order.
    Map<String, List<ApiError>> failedErrors = new HashMap<>();
    Map<String, Integer> failedCount = new HashMap<>();
    for (Envelope.FailItem failure : envelope.failures()) {
      String key = failure.key().map(node -> Json.text(node, "url")).orElse(null);
      if (key == null) {
        throw new InvalidResponseException(
            envelope.endpoint(),
            envelope.requestId(),
            "a fail[] entry does not name its URL (key.url), so it cannot be matched to an input",
            null);
      }
      failedCount.merge(key.strip(), 1, Integer::sum);
      failedErrors.putIfAbsent(key.strip(), failure.errors());
    }
    Iterator<JsonNode> decoded = envelope.data().iterator();
    List<DecodedUrl> results = new ArrayList<>(batch.size());
    for (String input : batch) {
      String key = input.strip();
      Integer failures = failedCount.get(key);
      if (failures != null && failures > 0) {
        failedCount.put(key, failures - 1);
        List<ApiError> errors = failedErrors.get(key);
        results.add(
            new DecodedUrl(
                input,
                Optional.empty(),
                false,
                errors.isEmpty() ? Optional.empty() : Optional.of(errors.get(0))));
        continue;
      }
      if (!decoded.hasNext()) {
        throw mismatch(envelope, batch.size());
      }
      JsonNode item = decoded.next();
      Optional<String> url = Optional.ofNullable(Json.text(item, "url")).filter(u -> !u.isBlank());
      boolean success = !Boolean.FALSE.equals(Json.bool(item, "success")) && url.isPresent();
      results.add(new DecodedUrl(input, url, success, Optional.empty()));
    }
    if (decoded.hasNext() || failedCount.values().stream().anyMatch(count -> count > 0)) {
      throw mismatch(envelope, batch.size());
    }
    return results;
  }

  private static InvalidResponseException mismatch(Envelope envelope, int inputs) {
    return new InvalidResponseException(
        envelope.endpoint(),
        envelope.requestId(),
        "decode-url answered "
            + envelope.data().size()
            + " results and "
            + envelope.failures().size()
            + " failures for "
            + inputs
            + " URLs; they cannot be matched to the inputs",
        null);
  }

  private static void validate(List<String> urls) {
    String endpoint = DECODE_URL.path();
    if (urls == null) {
      throw new InvalidRequestException(endpoint, "the list of URLs is missing");
    }
    for (int index = 0; index < urls.size(); index++) {
      String input = urls.get(index);
      if (!isHttpUrl(input)) {
        throw new InvalidRequestException(
            endpoint,
            "urls["
                + index
                + "] "
                + shown(input)
                + " is not an absolute http(s) URL; pass the rewritten link as it appears in the"
                + " message, e.g. https://protect-us.mimecast.com/s/...");
      }
    }
  }

  private static boolean isHttpUrl(String input) {
    if (input == null || input.isBlank()) {
      return false;
    }
    try {
      URI uri = new URI(input.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String shown(String input) {
    if (input == null) {
      return "(null)";
    }
    String text =
        input.length() > MAX_SHOWN_INPUT ? input.substring(0, MAX_SHOWN_INPUT) + "..." : input;
    return "'" + text + "'";
  }
}
