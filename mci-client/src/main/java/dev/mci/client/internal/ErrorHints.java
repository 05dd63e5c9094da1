package dev.mci.client.internal;

import dev.mci.client.ApiError;
import dev.mci.client.ApiGeneration;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Plain-words explanations for errors whose cause is usually a setup mistake. */
final class ErrorHints {

  private static final Map<String, String> BY_CODE =
      Map.of(
          "err_track_and_trace_invalid_start_date",
          "Message Finder only covers about the last 30 days: use a later start, or archive"
              + " search for older messages.",
          "xdk_failure",
          "The id is not a valid id of the expected kind: ids from different endpoints (Message"
              + " Finder, archive, held messages, attachments) are not interchangeable.",
          "err_validation_at_least_one_not_null",
          "At least one of the alternative search fields must be given.");

  private ErrorHints() {}

  static String bindingExpired() {
    return "The API 1.0 key binding has expired: create new API 1.0 keys for the user in the"
        + " Administration Console (and set the user's authentication cache TTL to never"
        + " expire), or move to API 2.0, which replaces API 1.0.";
  }

  static String authentication(
      ApiGeneration generation, URI baseUrl, String endpoint, List<ApiError> errors) {
    String host = baseUrl.getHost();
    if (has(errors, "err_developer_key")) {
      return "The Application ID is not known to "
          + host
          + ". API 1.0 keys only work on the host of the account's region (e.g. eu-api,"
          + " us-api or usb-api.mimecast.com): check the region, and that these are API 1.0"
          + " keys.";
    }
    if (has(errors, "err_xdk_invalid_signature")) {
      return "The request signature was refused: check that the Application Key and Secret Key"
          + " are copied whole and unchanged and belong to this access key, and that this"
          + " computer's clock is correct.";
    }
    if (mentions(errors, "not supported") || has(errors, "err_xdk_auth_type_not_supported")) {
      return host
          + " does not accept "
          + describe(generation)
          + " credentials: API 1.0 keys need a regional *-api.mimecast.com host, API 2.0"
          + " credentials a *.services.mimecast.com host.";
    }
    if (generation == ApiGeneration.V2_OAUTH && endpoint.equals(Transport.TOKEN.path())) {
      return "The API 2.0 client id or client secret was refused by "
          + host
          + ": check that both come from the same API 2.0 application and were copied whole."
          + " API 2.0 uses api.services.mimecast.com or a regional *.services gateway; API 1.0"
          + " keys cannot be used here.";
    }
    if (generation == ApiGeneration.V2_OAUTH) {
      return "The API 2.0 access token was refused by "
          + host
          + " even after fetching a new one: the application may be disabled, or the host"
          + " may belong to another region.";
    }
    return "The API 1.0 credentials were refused by "
        + host
        + ": check the four keys, and that the host is the account's region.";
  }

  static String permission(ApiGeneration generation, String endpoint, List<ApiError> errors) {
    if (has(errors, "app_forbidden")) {
      return "The API 2.0 application has no API product that includes "
          + endpoint
          + ": add the product to the application in the Integrations Hub.";
    }
    return generation == ApiGeneration.V2_OAUTH
        ? "The API 2.0 application's role lacks the permission for " + endpoint + "."
        : "The API 1.0 user's administrator role lacks the permission for " + endpoint + ".";
  }

  static String notFound(URI baseUrl, String endpoint) {
    return endpoint
        + " or the requested item does not exist on "
        + baseUrl.getHost()
        + ": check the base URL (region and API generation) and the id.";
  }

  static String byCode(List<ApiError> errors) {
    for (ApiError error : errors) {
      String hint = BY_CODE.get(error.code());
      if (hint != null) {
        return hint;
      }
    }
    return "";
  }

  private static String describe(ApiGeneration generation) {
    return generation == ApiGeneration.V2_OAUTH ? "API 2.0 (Bearer)" : "API 1.0 (signed)";
  }

  private static boolean has(List<ApiError> errors, String code) {
    return errors.stream().anyMatch(error -> error.code().equalsIgnoreCase(code));
  }

  private static boolean mentions(List<ApiError> errors, String text) {
    return errors.stream().anyMatch(error -> error.message().contains(text));
  }
}
