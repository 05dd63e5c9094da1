package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.ApiGeneration;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code /api/...} request as a handler sees it: the authenticated caller, the {@code
 * data[]} items (each a JSON object; {@code null} fields should be read as absent through {@link
 * Json}) and the normalised pagination input.
 */
public final class ApiCall {

  private final ApiGeneration generation;
  private final String path;
  private final Instant now;
  private final String callerId;
  private final List<ObjectNode> items;
  private final PageRequest pageRequest;
  private final Paging paging;
  private final Optional<String> host;

  ApiCall(
      ApiGeneration generation,
      String path,
      Instant now,
      String callerId,
      List<ObjectNode> items,
      PageRequest pageRequest,
      Paging paging) {
    this(generation, path, now, callerId, items, pageRequest, paging, Optional.empty());
  }

  ApiCall(
      ApiGeneration generation,
      String path,
      Instant now,
      String callerId,
      List<ObjectNode> items,
      PageRequest pageRequest,
      Paging paging,
      Optional<String> host) {
    this.generation = Objects.requireNonNull(generation, "generation");
    this.path = Objects.requireNonNull(path, "path");
    this.now = Objects.requireNonNull(now, "now");
    this.callerId = Objects.requireNonNull(callerId, "callerId");
    this.items = List.copyOf(items);
    this.pageRequest = Objects.requireNonNull(pageRequest, "pageRequest");
    this.paging = Objects.requireNonNull(paging, "paging");
    this.host = Objects.requireNonNull(host, "host");
  }

  /** Which listener received the call. */
  public ApiGeneration generation() {
    return generation;
  }

  /** The endpoint path. */
  public String path() {
    return path;
  }

  /** The simulator's clock when the call arrived. */
  public Instant now() {
    return now;
  }

  /** The API 2.0 client id or API 1.0 access key of the caller. */
  public String callerId() {
    return callerId;
  }

  /**
   * How the caller reached this listener: {@code http://} plus the request's {@code Host} header.
   * For answers that point back at the simulator, such as pre-signed download URLs; empty when the
   * request carried no usable {@code Host}.
   */
  public Optional<URI> baseUrl() {
    return host.flatMap(
        value -> {
          try {
            URI uri = new URI("http://" + value.strip());
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
          } catch (URISyntaxException e) {
            return Optional.empty();
          }
        });
  }

  /** The {@code data[]} items in request order; empty when {@code data} was missing. */
  public List<ObjectNode> items() {
    return items;
  }

  /**
   * The items that carry at least one non-null field: {@code data} missing, {@code []} and {@code
   * [{}]} all give an empty list (reference 00 §5.1).
   */
  public List<ObjectNode> nonEmptyItems() {
    return items.stream().filter(ApiCall::hasValue).toList();
  }

  /** The request's pagination input. */
  public PageRequest pageRequest() {
    return pageRequest;
  }

  /**
   * Opens the page this call asks for; tokens are bound to this endpoint.
   *
   * @param dataQuery the query built from the request's {@code data}, used when no token was sent
   * @throws ItemFailure when the page token is not valid
   */
  public PageCursor page(JsonNode dataQuery) {
    return paging.open(path, pageRequest, dataQuery);
  }

  /** Row limit of an endpoint documented without pagination: page size clamped to 500, else 500. */
  public int unpagedLimit() {
    return paging.unpagedLimit(pageRequest);
  }

  private static boolean hasValue(ObjectNode item) {
    for (JsonNode value : (Iterable<JsonNode>) item::elements) {
      if (!value.isNull()) {
        return true;
      }
    }
    return false;
  }
}
