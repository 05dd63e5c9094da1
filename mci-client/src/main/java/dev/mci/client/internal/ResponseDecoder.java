package dev.mci.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.client.ApiError;
import dev.mci.client.ApiFunctionException;
import dev.mci.client.ApiGeneration;
import dev.mci.client.AuthenticationException;
import dev.mci.client.BindingExpiredException;
import dev.mci.client.InvalidResponseException;
import dev.mci.client.MimecastApiException;
import dev.mci.client.NotFoundException;
import dev.mci.client.PermissionDeniedException;
import dev.mci.client.RateLimitedException;
import dev.mci.client.ServerException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns status, headers and body into an {@link Envelope} or the right {@link
 * MimecastApiException}. The only place that knows Mimecast's error shapes.
 */
final class ResponseDecoder {

  /** Codes that mean "these credentials were refused", wherever they appear. */
  private static final Set<String> AUTH_CODES =
      Set.of(
          "err_developer_key",
          "err_xdk_invalid_signature",
          "err_xdk_auth_type_not_supported",
          "err_xdk_credentials_missing",
          "token_expired",
          "unauthorized",
          "invalid_client");

  private static final Set<String> PERMISSION_CODES = Set.of("app_forbidden", "err_xdk_forbidden");
  private static final Set<String> BINDING_CODES = Set.of("err_xdk_binding_expired");

  private final ApiGeneration generation;
  private final URI baseUrl;
  private final Redactor redactor;

  ResponseDecoder(ApiGeneration generation, URI baseUrl, Redactor redactor) {
    this.generation = generation;
    this.baseUrl = baseUrl;
    this.redactor = redactor;
  }

  /** Decodes an {@code /api/...} body or throws the error it carries. */
  Envelope envelope(
      String endpoint,
      String requestId,
      int attempt,
      int httpStatus,
      RateLimitHeaders limits,
      byte[] body,
      FailurePolicy policy) {
    if (httpStatus / 100 != 2) {
      throw error(endpoint, requestId, attempt, httpStatus, httpStatus, limits, body);
    }
    JsonNode json = object(endpoint, requestId, httpStatus, body);
    OptionalInt metaStatus = Json.integer(json.path("meta"), "status");
    if (metaStatus.isPresent() && metaStatus.getAsInt() != 200) {
      // Hand-made fixtures carry 403/404/500 inside an HTTP 200 body; the reference says to treat
      // any meta.status other than 200 as a failure.
      throw error(endpoint, requestId, attempt, httpStatus, metaStatus.getAsInt(), limits, json);
    }
    List<Envelope.FailItem> failures = failItems(json);
    boolean throwNow =
        switch (policy) {
          case ANY_FAILURE_THROWS -> !failures.isEmpty();
          case PER_ITEM -> failures.stream().anyMatch(ResponseDecoder::isRequestLevel);
        };
    if (throwNow) {
      throw error(endpoint, requestId, attempt, httpStatus, 200, limits, json);
    }
    JsonNode pagination = json.path("meta").path("pagination");
    Optional<String> next =
        Optional.ofNullable(Json.text(pagination, "next")).filter(token -> !token.isBlank());
    JsonNode total = pagination.get("totalCount");
    OptionalLong totalCount =
        total != null && total.canConvertToLong()
            ? OptionalLong.of(total.longValue())
            : OptionalLong.empty();
    return new Envelope(
        endpoint, requestId, Json.elements(json, "data"), failures, next, totalCount);
  }

  /** Parses a body that must be a JSON object, or throws {@link InvalidResponseException}. */
  JsonNode object(String endpoint, String requestId, int httpStatus, byte[] body) {
    Optional<JsonNode> root;
    try {
      root = Json.parse(body);
    } catch (IOException e) {
      throw new InvalidResponseException(
          endpoint,
          requestId,
          "HTTP " + httpStatus + " with a body that is not JSON (" + e.getMessage() + ")",
          e);
    }
    if (root.isEmpty()) {
      throw new InvalidResponseException(
          endpoint, requestId, "HTTP " + httpStatus + " with an empty body", null);
    }
    if (!root.get().isObject()) {
      throw new InvalidResponseException(
          endpoint,
          requestId,
          "HTTP "
              + httpStatus
              + " with a JSON "
              + root.get().getNodeType()
              + " instead of an object",
          null);
    }
    return root.get();
  }

  /**
   * The exception for a failed call, from its raw body.
   *
   * @param httpStatus the HTTP status received
   * @param status the effective status: the HTTP status, or {@code meta.status} inside a 200 body
   * @param body the raw body, possibly empty or not JSON
   */
  MimecastApiException error(
      String endpoint,
      String requestId,
      int attempt,
      int httpStatus,
      int status,
      RateLimitHeaders limits,
      byte[] body) {
    StringBuilder detail = statusText(httpStatus, status);
    if (Json.isBlank(body)) {
      detail.append(" and an empty body");
    }
    Optional<JsonNode> root = parseLeniently(body);
    return failure(endpoint, requestId, attempt, status, limits, root, detail);
  }

  /** The exception for a failed call whose body was already parsed. */
  private MimecastApiException error(
      String endpoint,
      String requestId,
      int attempt,
      int httpStatus,
      int status,
      RateLimitHeaders limits,
      JsonNode root) {
    return failure(
        endpoint,
        requestId,
        attempt,
        status,
        limits,
        Optional.of(root),
        statusText(httpStatus, status));
  }

  private static StringBuilder statusText(int httpStatus, int status) {
    StringBuilder detail = new StringBuilder("HTTP ").append(httpStatus);
    if (status != httpStatus) {
      detail.append(" with meta.status ").append(status).append(" in the body");
    }
    return detail;
  }

  private MimecastApiException failure(
      String endpoint,
      String requestId,
      int attempt,
      int status,
      RateLimitHeaders limits,
      Optional<JsonNode> root,
      StringBuilder detail) {
    List<ApiError> errors =
        root.map(ResponseDecoder::errors).orElseGet(List::of).stream().map(this::redacted).toList();
    if (!errors.isEmpty()) {
      detail
          .append(" (")
          .append(errors.stream().map(ApiError::describe).collect(Collectors.joining("; ")))
          .append(')');
    }
    if (attempt > 1) {
      detail.append(", after ").append(attempt).append(" attempts");
    }
    detail.append('.');
    return classify(endpoint, requestId, status, errors, detail, limits);
  }

  private MimecastApiException classify(
      String endpoint,
      String requestId,
      int status,
      List<ApiError> errors,
      StringBuilder detail,
      RateLimitHeaders limits) {
    if (status == 418 || hasCode(errors, BINDING_CODES)) {
      return new BindingExpiredException(
          endpoint, requestId, status, errors, withHint(detail, ErrorHints.bindingExpired()));
    }
    if (status == 401
        || hasCode(errors, AUTH_CODES)
        || (status == 400 && credentialsMissing(errors))) {
      return new AuthenticationException(
          endpoint,
          requestId,
          status,
          errors,
          withHint(detail, ErrorHints.authentication(generation, baseUrl, endpoint, errors)));
    }
    if (status == 403 || hasCode(errors, PERMISSION_CODES)) {
      return new PermissionDeniedException(
          endpoint,
          requestId,
          status,
          errors,
          withHint(detail, ErrorHints.permission(generation, endpoint, errors)));
    }
    if (status == 404) {
      return new NotFoundException(
          endpoint,
          requestId,
          status,
          errors,
          withHint(detail, ErrorHints.notFound(baseUrl, endpoint)));
    }
    if (status == 429) {
      Optional<Duration> wait = limits.serverWait();
      String hint =
          wait.map(d -> "Rate limit exceeded; Mimecast asked to wait " + d.toMillis() + " ms.")
              .orElse("Rate limit exceeded; wait before trying again.");
      return new RateLimitedException(
          endpoint, requestId, status, errors, withHint(detail, hint), wait.orElse(null));
    }
    if (status >= 500) {
      return new ServerException(
          endpoint,
          requestId,
          status,
          errors,
          withHint(detail, "Mimecast reported a server error; try again later."));
    }
    String hint = ErrorHints.byCode(errors);
    if (status == 200) {
      return new ApiFunctionException(endpoint, requestId, status, errors, withHint(detail, hint));
    }
    if (status / 100 == 3) {
      hint = "Unexpected redirect; check the base URL. " + hint;
    }
    return new MimecastApiException(endpoint, requestId, status, errors, withHint(detail, hint));
  }

  private ApiError redacted(ApiError error) {
    return new ApiError(
        redactor.redact(error.code()),
        redactor.redact(error.message()),
        error.field().map(redactor::redact),
        error.retryable());
  }

  /** The {@code fail[]} items; the flat form ({@code code}/{@code message} on the item) counts. */
  static List<Envelope.FailItem> failItems(JsonNode root) {
    List<Envelope.FailItem> items = new ArrayList<>();
    for (JsonNode item : Json.elements(root, "fail")) {
      List<ApiError> errors = new ArrayList<>();
      for (JsonNode error : Json.elements(item, "errors")) {
        errors.add(apiError(error));
      }
      if (errors.isEmpty() && (item.has("code") || item.has("message"))) {
        errors.add(apiError(item));
      }
      JsonNode key = item.get("key");
      items.add(
          new Envelope.FailItem(
              key == null || key.isNull() ? Optional.empty() : Optional.of(key), errors));
    }
    return items;
  }

  /**
   * Every error in a body: nested {@code fail[].errors[]}, flat {@code fail[].code}, and the
   * top-level {@code error} some REST-style 2.0 resources use.
   */
  static List<ApiError> errors(JsonNode root) {
    List<ApiError> errors = new ArrayList<>();
    for (Envelope.FailItem item : failItems(root)) {
      errors.addAll(item.errors());
    }
    JsonNode error = root.get("error");
    if (error != null && !error.isNull()) {
      errors.add(
          error.isObject()
              ? apiError(error)
              : new ApiError(
                  error.asText(), Json.text(root, "error_description"), Optional.empty(), false));
    }
    return errors;
  }

  private static ApiError apiError(JsonNode node) {
    Boolean retryable = Json.bool(node, "retryable");
    return new ApiError(
        Json.text(node, "code"),
        Json.text(node, "message"),
        Optional.ofNullable(Json.text(node, "field")),
        Boolean.TRUE.equals(retryable));
  }

  private static boolean isRequestLevel(Envelope.FailItem item) {
    return item.key().isEmpty()
        || hasCode(item.errors(), AUTH_CODES)
        || hasCode(item.errors(), PERMISSION_CODES)
        || hasCode(item.errors(), BINDING_CODES);
  }

  private static boolean hasCode(List<ApiError> errors, Set<String> codes) {
    return errors.stream().anyMatch(error -> codes.contains(error.code().toLowerCase(Locale.ROOT)));
  }

  /** API 1.0 answers a request without credentials with 400 "0001 Credentials missing". */
  private static boolean credentialsMissing(List<ApiError> errors) {
    return errors.stream()
        .anyMatch(error -> error.message().startsWith("0001") || error.code().equals("0001"));
  }

  private static Optional<JsonNode> parseLeniently(byte[] body) {
    try {
      return Json.parse(body);
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  private static String withHint(StringBuilder detail, String hint) {
    return hint.isEmpty() ? detail.toString() : detail + " " + hint;
  }
}
