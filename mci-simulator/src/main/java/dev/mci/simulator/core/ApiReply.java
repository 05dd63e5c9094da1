package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A handler's answer on an {@code /api/...} endpoint, rendered as the standard envelope: {@code
 * meta.status} always equals the HTTP status and {@code fail} is always present.
 *
 * @param status HTTP status (also {@code meta.status})
 * @param data the {@code data[]} records
 * @param fail the {@code fail[]} entries
 * @param pagination {@code meta.pagination}, on paginated endpoints
 */
public record ApiReply(
    int status, List<JsonNode> data, List<ApiFailure> fail, Optional<PageMeta> pagination) {

  /** Copies the lists and checks nothing is null. */
  public ApiReply {
    data = List.copyOf(data);
    fail = List.copyOf(fail);
    Objects.requireNonNull(pagination, "pagination");
  }

  /** HTTP 200 with these records and no failures. */
  public static ApiReply ok(List<? extends JsonNode> data) {
    return new ApiReply(200, List.copyOf(data), List.of(), Optional.empty());
  }

  /** HTTP 200 with records and failures (partial success is normal for batches). */
  public static ApiReply ok(List<? extends JsonNode> data, List<ApiFailure> fail) {
    return new ApiReply(200, List.copyOf(data), fail, Optional.empty());
  }

  /** HTTP 200 with one page of records. */
  public static ApiReply paged(List<? extends JsonNode> data, PageMeta page) {
    return new ApiReply(200, List.copyOf(data), List.of(), Optional.of(page));
  }

  /** A non-200 (or function-level 200) failure with empty {@code data}. */
  public static ApiReply error(int status, ApiFailure failure) {
    return new ApiReply(status, List.of(), List.of(failure), Optional.empty());
  }

  /**
   * Runs {@code perItem} on each request item independently, as the API treats a batch: each result
   * goes to {@code data[]}, each {@link ItemFailure} to {@code fail[]} with the item as {@code
   * key}.
   */
  public static ApiReply eachItem(List<ObjectNode> items, Function<ObjectNode, JsonNode> perItem) {
    List<JsonNode> data = new ArrayList<>();
    List<ApiFailure> fail = new ArrayList<>();
    for (ObjectNode item : items) {
      try {
        data.add(perItem.apply(item));
      } catch (ItemFailure failure) {
        fail.add(ApiFailure.forItem(item, failure.errors()));
      }
    }
    return ok(data, fail);
  }

  /** The envelope: {@code {"meta":{"status":..},"data":[..],"fail":[..]}}. */
  public ObjectNode toJson() {
    ObjectNode root = Json.object();
    ObjectNode meta = root.putObject("meta");
    meta.put("status", status);
    pagination.ifPresent(p -> meta.set("pagination", p.toJson()));
    ArrayNode dataArray = root.putArray("data");
    data.forEach(dataArray::add);
    ArrayNode failArray = root.putArray("fail");
    fail.forEach(f -> failArray.add(f.toJson()));
    return root;
  }
}
