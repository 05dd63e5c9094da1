package dev.mci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.internal.Json;
import dev.mci.client.internal.Operation;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DownloadTest {

  private static final Operation GET_FILE = Operation.read("/api/archive/get-file");
  private static final byte[] CONTENT =
      "From: a@example.com\r\n\r\nhello\r\n".getBytes(StandardCharsets.UTF_8);

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2025-03-31T12:00:00Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static List<ObjectNode> item() {
    ObjectNode item = Json.object();
    item.put("id", "eNpVUNFOxCAQ_BdetSewpeVOY6w0kX8");
    return List.of(item);
  }

  private String envelopeWithUrl(String field, String url) {
    String value = field.equals("urls") ? "[\"" + url + "\"]" : "\"" + url + "\"";
    return "{\"meta\":{\"status\":200},\"data\":[{\"" + field + "\":" + value + "}],\"fail\":[]}";
  }

  @Test
  void streamsApi1BytesWithTheirHeaders() throws Exception {
    server.on(
        GET_FILE.path(),
        request ->
            new Reply(
                200,
                Map.of(
                    "Content-Type", "message/rfc822",
                    "Content-Disposition", "attachment; filename=\"../../etc/evil.eml\""),
                CONTENT));
    try (MimecastClient client = TestClients.hmac(server, time).build();
        Download download = client.transport().download(GET_FILE, item())) {
      assertThat(download.body().readAllBytes()).isEqualTo(CONTENT);
      assertThat(download.contentType()).isEqualTo("message/rfc822");
      assertThat(download.contentLength()).hasValue(CONTENT.length);
      assertThat(download.suggestedFileName()).contains("evil.eml");
      assertThat(download.endpoint()).isEqualTo(GET_FILE.path());
      assertThat(download.requestId())
          .isEqualTo(server.requests(GET_FILE.path()).get(0).header("x-mc-req-id"));
    }
  }

  @Test
  void handsTheBodyOverBeforeItHasFullyArrived() throws Exception {
    byte[] first = new byte[1024];
    byte[] second = new byte[2048];
    Arrays.fill(first, (byte) 'a');
    Arrays.fill(second, (byte) 'b');
    CountDownLatch firstPartRead = new CountDownLatch(1);
    AtomicBoolean readBeforeServerFinished = new AtomicBoolean();
    server.onRaw(
        GET_FILE.path(),
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(first);
            out.flush();
            try {
              readBeforeServerFinished.set(firstPartRead.await(5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            out.write(second);
          }
        });
    try (MimecastClient client = TestClients.hmac(server, time).build();
        Download download = client.transport().download(GET_FILE, item())) {
      assertThat(download.body().readNBytes(first.length)).isEqualTo(first);
      firstPartRead.countDown();
      assertThat(download.body().readAllBytes()).isEqualTo(second);
      assertThat(download.contentLength()).isEmpty();
    }
    assertThat(readBeforeServerFinished).isTrue();
  }

  @Test
  void api2FetchesThePresignedUrlWithoutOurHeaders() throws Exception {
    String url = server.baseUrl() + "/files/abc?context=eyJ0IjoiZXhhbXBsZSJ9&expires=1714643647";
    server
        .tokens("token-A")
        .on(GET_FILE.path(), request -> Reply.json(200, envelopeWithUrl("urls", url)))
        .on(
            "/files/abc",
            request ->
                new Reply(
                    200,
                    Map.of(
                        "Content-Type", "application/vnd.ms-excel.sheet.macroEnabled.12",
                        "Content-Disposition", "attachment; filename*=UTF-8''invoice%2088231.xlsm"),
                    CONTENT));
    List<CallRecord> records = new ArrayList<>();
    try (MimecastClient client =
            TestClients.oauth(server, time).callListener(records::add).build();
        Download download = client.transport().download(GET_FILE, item())) {
      assertThat(download.body().readAllBytes()).isEqualTo(CONTENT);
      assertThat(download.suggestedFileName()).contains("invoice 88231.xlsm");
      assertThat(download.requestId())
          .isEqualTo(server.requests(GET_FILE.path()).get(0).header("x-mc-req-id"));
    }
    ScriptedServer.Recorded fetch = server.requests("/files/abc").get(0);
    assertThat(fetch.method()).isEqualTo("GET");
    assertThat(fetch.query()).isEqualTo("context=eyJ0IjoiZXhhbXBsZSJ9&expires=1714643647");
    assertThat(fetch.header("authorization")).isNull();
    assertThat(fetch.header("x-mc-req-id")).isNull();
    assertThat(records)
        .extracting(CallRecord::endpoint)
        .containsExactly("/oauth/token", GET_FILE.path(), GET_FILE.path() + " (download URL)");
    assertThat(records.toString()).doesNotContain("context=");
  }

  @Test
  void acceptsTheSingularUrlFieldOfGetMessagePart() throws Exception {
    server
        .on(
            GET_FILE.path(),
            request -> Reply.json(200, envelopeWithUrl("url", server.baseUrl() + "/files/part")))
        .on(
            "/files/part",
            request -> new Reply(200, Map.of("Content-Type", "text/plain"), CONTENT));
    try (MimecastClient client = TestClients.oauth(server.tokens("token-A"), time).build();
        Download download = client.transport().download(GET_FILE, item())) {
      assertThat(download.body().readAllBytes()).isEqualTo(CONTENT);
    }
  }

  @Test
  void expiredPresignedUrlIsItsOwnError() {
    server
        .tokens("token-A")
        .on(
            GET_FILE.path(),
            request -> Reply.json(200, envelopeWithUrl("urls", server.baseUrl() + "/files/old")))
        .on("/files/old", request -> Reply.empty(403));
    try (MimecastClient client = TestClients.oauth(server, time).build()) {
      DownloadUrlExpiredException error =
          catchThrowableOfType(
              DownloadUrlExpiredException.class,
              () -> client.transport().download(GET_FILE, item()));
      assertThat(error.httpStatus()).isEqualTo(403);
      assertThat(error.getMessage()).contains("expired").contains("Request the download again");
      assertThat(error.requestId())
          .contains(server.requests(GET_FILE.path()).get(0).header("x-mc-req-id"));
    }
  }

  @Test
  void failEnvelopeInsteadOfBytesThrows() {
    server.on(
        GET_FILE.path(),
        request ->
            Reply.json(
                200,
                "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[{\"key\":{\"id\":\"bogus\"},"
                    + "\"errors\":[{\"code\":\"xdk_failure\",\"message\":\"0007 Invalid token\","
                    + "\"retryable\":false}]}]}"));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      ApiFunctionException error =
          catchThrowableOfType(
              ApiFunctionException.class, () -> client.transport().download(GET_FILE, item()));
      assertThat(error.getMessage()).contains("xdk_failure").contains("not interchangeable");
    }
  }

  @Test
  void anAttachmentThatIsItselfJsonIsStillContent() throws Exception {
    byte[] json = "[{\"not\":\"an envelope\"}]".getBytes(StandardCharsets.UTF_8);
    server.on(
        GET_FILE.path(),
        request -> new Reply(200, Map.of("Content-Type", "application/json"), json));
    try (MimecastClient client = TestClients.hmac(server, time).build();
        Download download = client.transport().download(GET_FILE, item())) {
      assertThat(download.body().readAllBytes()).isEqualTo(json);
    }
  }

  @Test
  void refusesAPresignedUrlThatIsNotHttps() {
    server
        .tokens("token-A")
        .on(
            GET_FILE.path(),
            request -> Reply.json(200, envelopeWithUrl("urls", "http://files.example.com/x")));
    try (MimecastClient client = TestClients.oauth(server, time).build()) {
      InvalidResponseException error =
          catchThrowableOfType(
              InvalidResponseException.class, () -> client.transport().download(GET_FILE, item()));
      assertThat(error.getMessage()).contains("download URL was refused").contains("use https");
    }
    assertThat(server.requests())
        .extracting(ScriptedServer.Recorded::path)
        .containsExactly("/oauth/token", GET_FILE.path());
  }
}
