package dev.mci.client.internal;

import dev.mci.client.ApiError;
import dev.mci.client.ApiFunctionException;
import dev.mci.client.MimecastApiException;
import dev.mci.client.NotFoundException;
import java.util.Locale;

/**
 * Recognises the three ways Mimecast says "no such id" (reference 01 §0.7): HTTP 200 with {@code
 * xdk_failure} "0007 Invalid token" in {@code fail[]}, HTTP 400 with an empty body (malformed or
 * truncated directory ids), and a {@code meta.status} of 404. Areas use it to turn each into one
 * {@link NotFoundException} that names the id.
 */
public final class UnknownIds {

  private static final String INVALID_TOKEN = "xdk_failure";

  private UnknownIds() {}

  /**
   * The error to throw for a failed lookup of {@code id}: a {@link NotFoundException} naming it
   * when {@code failure} is one of the "no such id" shapes, otherwise {@code failure} itself.
   *
   * @param what what the id names, e.g. "group" or "blocked-sender policy"
   * @param hint how to find a valid id, e.g. "list groups with find-groups"
   */
  public static MimecastApiException translate(
      MimecastApiException failure, String what, String id, String hint) {
    if (!isUnknownId(failure)) {
      return failure;
    }
    return new NotFoundException(
        failure.endpoint(),
        failure.requestId().orElse(null),
        failure.httpStatus(),
        failure.errors(),
        "no "
            + what
            + " has the id '"
            + shown(id)
            + "' ("
            + evidence(failure)
            + "); "
            + hint
            + ".");
  }

  /** Whether a failure is one of the documented "no such id" shapes. */
  public static boolean isUnknownId(MimecastApiException failure) {
    if (failure instanceof NotFoundException) {
      return true;
    }
    if (failure.httpStatus() == 400 && failure.errors().isEmpty()) {
      return true;
    }
    return failure instanceof ApiFunctionException
        && failure.errors().stream()
            .map(ApiError::code)
            .anyMatch(code -> code != null && code.toLowerCase(Locale.ROOT).equals(INVALID_TOKEN));
  }

  private static String evidence(MimecastApiException failure) {
    if (!failure.errors().isEmpty()) {
      return "HTTP " + failure.httpStatus() + ", " + failure.errors().get(0).describe();
    }
    return failure.httpStatus() == 400
        ? "HTTP 400 with an empty body"
        : "status " + failure.httpStatus() + " without an error code";
  }

  private static String shown(String id) {
    return id.length() > 60 ? id.substring(0, 57) + "..." : id;
  }
}
