package dev.mci.client.urls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.ApiError;
import dev.mci.client.AuthenticationException;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.InvalidResponseException;
import dev.mci.client.MimecastClient;
import dev.mci.client.internal.Json;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UrlsApiTest {

  private static final String DECODE = "/api/ttp/url/decode-url";
  private static final String BAD = "https://protect-us.mimecast.com/s/garbled";

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2025-03-31T12:00:00Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static JsonNode parse(String body) {
    try {
      return Json.parse(body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String rewritten(int index) {
    return "https://protect-us.mimecast.com/s/token" + index + "?domain=site" + index + ".example";
  }

  /** Decodes every URL to https://site<n>.example/, except {@link #BAD}, which fails. */
  private void serveDecoder() {
    server.on(
        DECODE,
        request -> {
          ObjectNode body = Json.object();
          body.putObject("meta").put("status", 200);
          ArrayNode data = body.putArray("data");
          ArrayNode fail = body.putArray("fail");
          for (JsonNode item : parse(request.body()).path("data")) {
            String url = item.path("url").asText();
            if (url.equals(BAD)) {
              ObjectNode failure = fail.addObject();
              failure.putObject("key").put("url", url);
              failure
                  .putArray("errors")
                  .addObject()
                  .put("code", "err_url_decode_failed")
                  .put("message", "URL could not be decoded")
                  .put("retryable", false);
            } else {
              String domain = url.substring(url.indexOf("domain=") + 7);
              data.addObject().put("url", "https://" + domain + "/").put("success", true);
            }
          }
          return Reply.json(200, body.toString());
        });
  }

  @Test
  void batchesByHundredKeepingInputOrder() {
    serveDecoder();
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      inputs.add(rewritten(i));
    }
    List<DecodedUrl> decoded;
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      decoded = client.urls().decode(inputs);
    }
    assertThat(decoded).hasSize(250);
    for (int i = 0; i < 250; i++) {
      assertThat(decoded.get(i))
          .isEqualTo(
              new DecodedUrl(
                  inputs.get(i),
                  Optional.of("https://site" + i + ".example/"),
                  true,
                  Optional.empty()));
    }
    assertThat(server.requests(DECODE))
        .extracting(request -> parse(request.body()).path("data").size())
        .containsExactly(100, 100, 50);
  }

  @Test
  void returnsPerItemFailuresInsteadOfThrowing() {
    serveDecoder();
    List<String> inputs = List.of(rewritten(1), BAD, rewritten(2), BAD);
    List<DecodedUrl> decoded;
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      decoded = client.urls().decode(inputs);
    }
    ApiError error =
        new ApiError("err_url_decode_failed", "URL could not be decoded", Optional.empty(), false);
    assertThat(decoded)
        .containsExactly(
            new DecodedUrl(
                rewritten(1), Optional.of("https://site1.example/"), true, Optional.empty()),
            new DecodedUrl(BAD, Optional.empty(), false, Optional.of(error)),
            new DecodedUrl(
                rewritten(2), Optional.of("https://site2.example/"), true, Optional.empty()),
            new DecodedUrl(BAD, Optional.empty(), false, Optional.of(error)));
  }

  @Test
  void aResultWithSuccessFalseIsAFailedResult() {
    server.onSequence(
        DECODE,
        Reply.json(
            200,
            "{\"meta\":{\"status\":200},\"data\":[{\"url\":\"\",\"success\":false}],\"fail\":[]}"));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThat(client.urls().decode(List.of(rewritten(1))))
          .containsExactly(new DecodedUrl(rewritten(1), Optional.empty(), false, Optional.empty()));
    }
  }

  @Test
  void rejectsAnInputThatIsNotAnHttpUrlBeforeAnyCall() {
    serveDecoder();
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThatThrownBy(
              () -> client.urls().decode(List.of(rewritten(1), "protect-us.mimecast.com/s/x")))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining(
              "urls[1] 'protect-us.mimecast.com/s/x' is not an absolute http(s) URL");
      assertThatThrownBy(() -> client.urls().decode(List.of("mailto:a@b.example")))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("urls[0]");
      assertThatThrownBy(() -> client.urls().decode(null))
          .isInstanceOf(InvalidRequestException.class);
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void anEmptyListMakesNoCall() {
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThat(client.urls().decode(List.of())).isEmpty();
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aRequestLevelFailureStillThrows() {
    server.onSequence(
        DECODE,
        Reply.json(
            200,
            "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[{\"errors\":[{\"code\":"
                + "\"err_developer_key\",\"message\":\"App ID is invalid\",\"retryable\":false}]}]}"));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThatThrownBy(() -> client.urls().decode(List.of(rewritten(1))))
          .isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void resultsThatCannotBeMatchedToInputsAreAnInvalidResponse() {
    server.onSequence(
        DECODE,
        Reply.json(
            200,
            "{\"meta\":{\"status\":200},\"data\":[{\"url\":\"https://a.example/\",\"success\":true}],\"fail\":[]}"));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThatThrownBy(() -> client.urls().decode(List.of(rewritten(1), rewritten(2))))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("1 results and 0 failures for 2 URLs");
    }
  }
}
