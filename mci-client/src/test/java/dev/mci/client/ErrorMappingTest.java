package dev.mci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mci.client.internal.Operation;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {

  private static final Operation READ = Operation.read("/api/test/read");

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2025-03-31T12:00:00Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static String failing(int metaStatus, String code, String message) {
    return "{\"meta\":{\"status\":"
        + metaStatus
        + "},\"data\":[],\"fail\":[{\"errors\":[{\"code\":\""
        + code
        + "\",\"message\":\""
        + message
        + "\",\"retryable\":false}]}]}";
  }

  static Stream<Arguments> responses() {
    return Stream.of(
        Arguments.of(
            "1.0 bad signature",
            Reply.json(401, failing(401, "err_xdk_invalid_signature", "0004 Invalid Signature")),
            AuthenticationException.class,
            "signature was refused"),
        Arguments.of(
            "1.0 credentials missing",
            Reply.json(
                400, failing(400, "err_xdk_credentials_missing", "0001 Credentials missing")),
            AuthenticationException.class,
            "0001 Credentials missing"),
        Arguments.of(
            "1.0 credentials missing, code only in the message",
            Reply.json(400, failing(400, "", "0001 Credentials missing")),
            AuthenticationException.class,
            "HTTP 400"),
        Arguments.of(
            "bad application id inside HTTP 200",
            Reply.json(200, failing(200, "err_developer_key", "App ID is invalid: INVALID")),
            AuthenticationException.class,
            "Application ID is not known"),
        Arguments.of(
            "2.0 flat fail[0].code",
            Reply.json(401, "{\"fail\":[{\"code\":\"unauthorized\"}]}"),
            AuthenticationException.class,
            "unauthorized"),
        Arguments.of(
            "binding expired by status",
            Reply.json(418, failing(418, "err_xdk_binding_expired", "")),
            BindingExpiredException.class,
            "create new API 1.0 keys"),
        Arguments.of(
            "binding expired inside HTTP 200",
            Reply.json(200, failing(200, "err_xdk_binding_expired", "AccessKey has expired")),
            BindingExpiredException.class,
            "move to API 2.0"),
        Arguments.of(
            "2.0 product missing",
            Reply.json(
                403, failing(403, "app_forbidden", "Resource or method requested does not exist")),
            PermissionDeniedException.class,
            "add the product"),
        Arguments.of(
            "role lacks permission, empty body",
            Reply.empty(403),
            PermissionDeniedException.class,
            "HTTP 403 and an empty body"),
        Arguments.of(
            "unknown endpoint", Reply.empty(404), NotFoundException.class, "does not exist"),
        Arguments.of(
            "validation failure inside HTTP 200",
            Reply.json(200, failing(200, "err_validation_blank", "cannot be blank")),
            ApiFunctionException.class,
            "err_validation_blank: cannot be blank"),
        Arguments.of(
            "track-and-trace start too old",
            Reply.json(
                200, failing(200, "err_track_and_trace_invalid_start_date", "Invalid start date")),
            ApiFunctionException.class,
            "archive search"),
        Arguments.of(
            "meta.status 404 inside HTTP 200",
            Reply.json(200, "{\"meta\":{\"status\":404},\"data\":[],\"fail\":[]}"),
            NotFoundException.class,
            "HTTP 200 with meta.status 404 in the body"),
        Arguments.of("conflict", Reply.empty(409), MimecastApiException.class, "HTTP 409"),
        Arguments.of(
            "unexpected redirect",
            Reply.empty(302).withHeader("Location", "https://elsewhere.example/"),
            MimecastApiException.class,
            "Unexpected redirect"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void mapsEachErrorShapeToItsException(
      String name, Reply reply, Class<? extends MimecastException> type, String text) {
    server.on(READ.path(), request -> reply);
    try (MimecastClient client = TestClients.hmac(server, time).maxRetries(0).build()) {
      MimecastException error =
          catchThrowableOfType(
              MimecastException.class, () -> client.transport().call(READ, List.of()));
      assertThat(error).isExactlyInstanceOf(type);
      String requestId = server.requests(READ.path()).get(0).header("x-mc-req-id");
      assertThat(error.requestId()).contains(requestId);
      assertThat(error.endpoint()).isEqualTo(READ.path());
      assertThat(error.getMessage())
          .startsWith(READ.path() + ": ")
          .contains(text)
          .endsWith("[request id: " + requestId + "]");
    }
  }

  @Test
  void apiErrorsKeepCodeMessageFieldAndRetryable() {
    server.on(
        READ.path(),
        request ->
            Reply.json(
                200,
                "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[{\"key\":{\"sender\":\"x\"},"
                    + "\"errors\":[{\"code\":\"err_validation_invalid_email_address\",\"message\":"
                    + "\"Email address is not valid\",\"field\":\"sender\",\"retryable\":false}]}]}"));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      ApiFunctionException error =
          catchThrowableOfType(
              ApiFunctionException.class, () -> client.transport().call(READ, List.of()));
      assertThat(error.httpStatus()).isEqualTo(200);
      assertThat(error.errors())
          .containsExactly(
              new ApiError(
                  "err_validation_invalid_email_address",
                  "Email address is not valid",
                  Optional.of("sender"),
                  false));
    }
  }

  @Test
  void nestedAuthCodeInsideTheFailItemIsFound() {
    server.on(
        READ.path(),
        request ->
            Reply.json(
                401,
                "{\"meta\":{\"status\":401},\"data\":[],\"fail\":[{\"errors\":[{\"code\":"
                    + "\"token_expired\",\"message\":\"Token expired\",\"retryable\":false}]}]}"));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      AuthenticationException error =
          catchThrowableOfType(
              AuthenticationException.class, () -> client.transport().call(READ, List.of()));
      assertThat(error.errors()).extracting(ApiError::code).containsExactly("token_expired");
    }
  }

  @Test
  void unparseableSuccessBodyIsAnInvalidResponse() {
    server.on(
        READ.path(),
        request -> new Reply(200, Map.of("Content-Type", "text/html"), "<html>".getBytes()));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      InvalidResponseException error =
          catchThrowableOfType(
              InvalidResponseException.class, () -> client.transport().call(READ, List.of()));
      assertThat(error.getMessage()).contains("not JSON").contains("request id");
      assertThat(error.requestId()).isPresent();
    }
  }

  @Test
  void emptySuccessBodyIsAnInvalidResponse() {
    server.on(READ.path(), request -> Reply.empty(200));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThat(
              catchThrowableOfType(
                  InvalidResponseException.class, () -> client.transport().call(READ, List.of())))
          .hasMessageContaining("HTTP 200 with an empty body");
    }
  }
}
