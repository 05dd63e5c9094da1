package dev.mci.simulator.urls;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiArea;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.Routes;
import dev.mci.simulator.tenant.MessageUrl;
import dev.mci.simulator.tenant.Tenant;
import java.util.Optional;

/**
 * Registers the "urls" endpoints: {@code POST /api/ttp/url/decode-url} (reference 03 §4). Each item
 * is decoded independently; URLs the tenant minted decode to {@code {"url":..,"success":true}},
 * anything else becomes a {@code fail[]} entry with code {@code err_url_decode_failed} and the item
 * as {@code key}.
 */
public final class UrlsArea implements ApiArea {

  /** The decode-url path. */
  public static final String DECODE_URL = "/api/ttp/url/decode-url";

  private final Tenant tenant;

  /** The area over {@code tenant}. */
  public UrlsArea(Tenant tenant) {
    this.tenant = tenant;
  }

  @Override
  public void register(Routes routes) {
    routes.post(DECODE_URL, call -> ApiReply.eachItem(call.items(), this::decode));
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
