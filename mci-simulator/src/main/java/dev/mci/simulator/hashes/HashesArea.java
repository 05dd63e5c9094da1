package dev.mci.simulator.hashes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiArea;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.Routes;
import dev.mci.simulator.tenant.AttachmentFile;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.TenantActivity;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Registers {@code POST /api/ttp/remediation/search-hash} (reference 03 §2): each item's {@code
 * hashes} (at most 100) are checked against the attachments that travelled in the tenant's
 * messages. Every well-formed SHA-256 gets a {@code hashStatus} entry with {@code detected} true or
 * false; malformed values, other hash types and hashes of image files (not supported by Mimecast)
 * go to {@code failedHashes}.
 */
public final class HashesArea implements ApiArea {

  /** The search-hash path. */
  public static final String SEARCH_HASH = "/api/ttp/remediation/search-hash";

  /** Most hashes one request item may carry (reference 03 §2.2). */
  static final int MAX_HASHES = 100;

  /** Over-limit code; a simulator invention (reference 03 §2.3). */
  static final String MAX_SIZE = "err_validation_max_size";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final TenantActivity activity;

  /** The area over {@code tenant}. */
  public HashesArea(Tenant tenant) {
    this.activity = tenant.activity();
  }

  @Override
  public void register(Routes routes) {
    routes.post(SEARCH_HASH, call -> ApiReply.eachItem(call.items(), this::search));
  }

  private JsonNode search(ObjectNode item) {
    Optional<JsonNode> hashes = Json.field(item, "hashes");
    if (hashes.isEmpty() || !hashes.get().isArray()) {
      throw new ItemFailure(
          ApiError.onField(ErrorCodes.VALIDATION_NULL, "This field is required", "hashes"));
    }
    if (hashes.get().size() > MAX_HASHES) {
      throw new ItemFailure(
          ApiError.onField(
              MAX_SIZE, "A maximum of " + MAX_HASHES + " hashes can be submitted", "hashes"));
    }
    ObjectNode result = Json.object();
    ArrayNode status = result.putArray("hashStatus");
    ArrayNode failed = result.putArray("failedHashes");
    for (JsonNode value : hashes.get()) {
      String hash = value.isValueNode() ? value.asText().strip() : value.toString();
      String normalized = hash.toLowerCase(Locale.ROOT);
      if (!SHA256.matcher(normalized).matches()) {
        failed.add(hash);
        continue;
      }
      Optional<AttachmentFile> file = activity.attachmentBySha256(normalized);
      if (file.isPresent() && file.get().contentType().startsWith("image/")) {
        // "this endpoint does not support image file hashes" (seed, reference 03 §2.2)
        failed.add(hash);
        continue;
      }
      ObjectNode entry = status.addObject();
      entry.put("hash", hash);
      entry.put("detected", file.map(activity::seenInMessages).orElse(false));
    }
    return result;
  }
}
