package dev.mci.simulator.core;

/**
 * Error codes the simulator emits. Codes marked "simulator invention" are not documented by
 * Mimecast; the reference asked the simulator to choose one (see the reference file named).
 */
public final class ErrorCodes {

  /** Undecodable or wrong-family id or page token, "0007 Invalid token" (01 §0.7). */
  public static final String INVALID_TOKEN = "xdk_failure";

  /** Unknown {@code x-mc-app-id}, HTTP 200 (00 §5.3). */
  public static final String DEVELOPER_KEY = "err_developer_key";

  /** API 1.0 signature mismatch, HTTP 401 (00 §5.3). */
  public static final String INVALID_SIGNATURE = "err_xdk_invalid_signature";

  /** API 1.0 request without credentials, HTTP 400 (simulator invention, 00 §11). */
  public static final String CREDENTIALS_MISSING = "err_xdk_credentials_missing";

  /** Non-{@code MC} scheme on the API 1.0 base, HTTP 401 (simulator invention, 00 §3.3). */
  public static final String AUTH_TYPE_NOT_SUPPORTED = "err_xdk_auth_type_not_supported";

  /** Expired API 1.0 binding, HTTP 418 (00 §2.6). */
  public static final String BINDING_EXPIRED = "err_xdk_binding_expired";

  /**
   * {@code x-mc-date} unparseable or outside the allowed clock skew, HTTP 401 (simulator invention;
   * the skew rule is UNVERIFIED in 00 §2.3).
   */
  public static final String INVALID_DATE = "err_xdk_invalid_date";

  /** Expired API 2.0 token, HTTP 401 (00 §3.2). */
  public static final String TOKEN_EXPIRED = "token_expired";

  /** Missing, unknown or wrong-scheme API 2.0 credentials, HTTP 401 (00 §3.2). */
  public static final String UNAUTHORIZED = "unauthorized";

  /** Endpoint outside the API 2.0 application's products, HTTP 403 (00 §3.2). */
  public static final String APP_FORBIDDEN = "app_forbidden";

  /** Unknown path, HTTP 404 (simulator invention). */
  public static final String NOT_FOUND = "err_resource_not_found";

  /** Wrong HTTP method, HTTP 405 (simulator invention). */
  public static final String METHOD_NOT_ALLOWED = "err_method_not_allowed";

  /** Body is not a JSON object with a {@code data} array, HTTP 400 (simulator invention). */
  public static final String INVALID_REQUEST_BODY = "err_invalid_request_body";

  /** Quota exhausted, HTTP 429 (simulator invention). */
  public static final String RATE_LIMITED = "err_rate_limit_exceeded";

  /** Required field missing (00 §9). */
  public static final String VALIDATION_NULL = "err_validation_null";

  /** Field present but blank (00 §9). */
  public static final String VALIDATION_BLANK = "err_validation_blank";

  /** None of several alternative fields given (01 §0.6). */
  public static final String VALIDATION_AT_LEAST_ONE = "err_validation_at_least_one_not_null";

  /** Field value outside the allowed set (01 §0.6). */
  public static final String VALIDATION_VALUE_NOT_ALLOWED = "err_validation_value_not_allowed";

  /** Mutually exclusive fields both given (simulator invention, 01 §1.2). */
  public static final String VALIDATION_MUTUALLY_EXCLUSIVE = "err_validation_mutually_exclusive";

  /** Date field that does not parse (simulator invention). */
  public static final String VALIDATION_INVALID_DATE = "err_validation_invalid_date";

  /** Message Finder start older than the 30-day history (01 §1.1). */
  public static final String TRACK_AND_TRACE_INVALID_START_DATE =
      "err_track_and_trace_invalid_start_date";

  /** decode-url given a URL the tenant did not mint (simulator invention, 03 §4.3). */
  public static final String URL_DECODE_FAILED = "err_url_decode_failed";

  /** OAuth token request without the required form fields (simulator choice, OAuth 2.0 code). */
  public static final String OAUTH_INVALID_REQUEST = "invalid_request";

  /** OAuth token request with a grant type other than client_credentials. */
  public static final String OAUTH_UNSUPPORTED_GRANT = "unsupported_grant_type";

  private ErrorCodes() {}

  /** A code for a scripted or random HTTP error status (simulator invention). */
  public static String forStatus(int status) {
    switch (status) {
      case 400:
        return "err_bad_request";
      case 401:
        return UNAUTHORIZED;
      case 403:
        return "err_xdk_forbidden";
      case 404:
        return NOT_FOUND;
      case 405:
        return METHOD_NOT_ALLOWED;
      case 409:
        return "err_conflict";
      case 418:
        return BINDING_EXPIRED;
      case 429:
        return RATE_LIMITED;
      case 500:
        return "err_internal_server_error";
      case 502:
        return "err_bad_gateway";
      case 503:
        return "err_service_unavailable";
      case 504:
        return "err_gateway_timeout";
      default:
        return "err_http_" + status;
    }
  }
}
