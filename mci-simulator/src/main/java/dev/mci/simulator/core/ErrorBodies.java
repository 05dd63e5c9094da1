package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Error answers in the two documented shapes: the envelope on {@code /api/...} and the flat {@code
 * {"fail":[{"code":..,"message":..}]}} on {@code /oauth/token} and the REST-style resources
 * (reference 00 §3.2, §5.4).
 */
public final class ErrorBodies {

  /** Which error body shape a path uses. */
  public enum Style {
    /** {@code meta}/{@code data}/{@code fail} envelope. */
    ENVELOPE,
    /** Flat {@code {"fail":[{"code","message"}]}}. */
    FLAT;

    /** The style of {@code path}: the envelope under {@code /api/}, flat elsewhere. */
    public static Style forPath(String path) {
      return path.startsWith("/api/") ? ENVELOPE : FLAT;
    }
  }

  private ErrorBodies() {}

  /** An error answer in {@code style}. */
  public static HttpReply error(Style style, int status, ApiError error) {
    return style == Style.ENVELOPE
        ? envelope(status, ApiFailure.of(error))
        : flat(status, error.code(), error.message());
  }

  /** An envelope error answer. */
  public static HttpReply envelope(int status, ApiFailure failure) {
    return HttpReply.json(status, ApiReply.error(status, failure).toJson());
  }

  /** A flat error answer. */
  public static HttpReply flat(int status, String code, String message) {
    ObjectNode root = Json.object();
    ObjectNode item = root.putArray("fail").addObject();
    item.put("code", code);
    item.put("message", message);
    return HttpReply.json(status, root);
  }

  /**
   * The API 2.0 token failure (401): on {@code /api/...} the envelope with code and message copied
   * onto the fail item; elsewhere the flat form.
   */
  public static HttpReply tokenFailure(Style style, String code, String message) {
    return style == Style.ENVELOPE
        ? envelope(401, ApiFailure.withCodeOnItem(ApiError.of(code, message)))
        : flat(401, code, message);
  }
}
