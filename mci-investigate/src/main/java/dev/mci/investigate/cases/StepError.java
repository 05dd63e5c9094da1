package dev.mci.investigate.cases;

/**
 * Why a step failed, free of secrets.
 *
 * @param type the exception's simple class name, e.g. {@code PermissionDeniedException}
 * @param message the message (for API errors it names the endpoint and request id)
 * @param endpoint the API path that failed, null when not an API error
 * @param requestId the {@code x-mc-req-id} of the failing call, null when none was sent
 * @param httpStatus the HTTP status, null when no response arrived or not an API error
 */
public record StepError(
    String type, String message, String endpoint, String requestId, Integer httpStatus) {}
