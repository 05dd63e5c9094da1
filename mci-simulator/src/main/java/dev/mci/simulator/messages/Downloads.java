package dev.mci.simulator.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.ApiGeneration;
import dev.mci.simulator.core.ApiCall;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiFailure;
import dev.mci.simulator.core.ApiHandler;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorBodies;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.HttpReply;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.RawCall;
import dev.mci.simulator.tenant.ContentForm;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.Tenant;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The two archive download endpoints, get-message-part (reference 02 §3) and get-file (§4), and the
 * pre-signed URLs they hand out on API 2.0. API 1.0 answers the bytes themselves (or the JSON
 * envelope when the item fails); API 2.0 answers JSON holding a URL that serves the bytes to a
 * plain GET until it expires, then 403.
 */
final class Downloads {

  /** {@code type} values of get-message-part. */
  enum PartType {
    HTML("text/html; charset=utf-8", "html"),
    PLAIN("text/plain; charset=utf-8", "txt"),
    RFC822("message/rfc822", "eml"),
    TRANSMISSION_MESSAGE_BODY("message/rfc822", "eml");

    private final String contentType;
    private final String extension;

    PartType(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    static Optional<PartType> fromWire(String value) {
      for (PartType type : values()) {
        if (type.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
    }
  }

  /** Bytes to send, held or streamed. */
  private record Payload(
      String fileName,
      String contentType,
      Optional<byte[]> bytes,
      long length,
      HttpReply.BodyWriter writer) {

    HttpReply reply() {
      HttpReply reply =
          bytes.isPresent()
              ? HttpReply.bytes(200, contentType, bytes.get())
              : HttpReply.stream(200, contentType, length, writer);
      return reply.withHeader("Content-Disposition", contentDisposition(fileName));
    }

    static Payload of(String fileName, String contentType, byte[] bytes) {
      return new Payload(fileName, contentType, Optional.of(bytes), bytes.length, null);
    }
  }

  private final Tenant tenant;
  private final Rfc822Renderer renderer;
  private final ArchiveRefs refs;
  private final DownloadLinks links;

  Downloads(Tenant tenant, Rfc822Renderer renderer, DownloadLinks links) {
    this.tenant = tenant;
    this.renderer = renderer;
    this.refs = new ArchiveRefs(tenant);
    this.links = links;
  }

  /** {@code POST /api/archive/get-message-part}. */
  ApiHandler messagePart() {
    return new Endpoint(this::partRequest, true);
  }

  /** {@code POST /api/archive/get-file}. */
  ApiHandler file() {
    return new Endpoint(this::fileRequest, false);
  }

  /** {@code GET /download/messages/<token>}: the bytes, or 403 once the URL has expired. */
  HttpReply presigned(RawCall call) {
    String token = call.request().path().substring(DownloadLinks.PREFIX.length());
    DownloadLinks.Outcome outcome = links.read(token, call.now());
    if (outcome instanceof DownloadLinks.Expired expired) {
      return ErrorBodies.flat(
          403,
          "err_download_url_expired",
          "This download URL expired at " + expired.expiredAt() + "; request the file again");
    }
    if (!(outcome instanceof DownloadLinks.Valid valid)) {
      return ErrorBodies.flat(403, "err_download_url_invalid", "Invalid download URL");
    }
    try {
      return payload(valid.what()).reply();
    } catch (ItemFailure gone) {
      return ErrorBodies.flat(404, ErrorCodes.NOT_FOUND, "Nothing to download");
    }
  }

  /** Validates a get-message-part item; returns what to download. */
  private ObjectNode partRequest(ObjectNode item) {
    List<ApiError> errors = new ArrayList<>();
    String id = Items.required(item, "id", errors);
    Optional<PartType> type = Optional.empty();
    String typeText = Items.required(item, "type", errors);
    if (!typeText.isEmpty()) {
      type = PartType.fromWire(typeText);
      if (type.isEmpty()) {
        errors.add(
            ApiError.onField(
                ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
                "Field must be one of [HTML, PLAIN, RFC822, TRANSMISSION_MESSAGE_BODY]",
                "type"));
      }
    }
    Optional<ContentForm> form = Items.context(item, true, errors);
    // The mailbox is required for the delivered copy, optional for the received one (02 §3.2).
    if (form.orElse(null) == ContentForm.DELIVERED && Items.optional(item, "mailbox").isEmpty()) {
      errors.add(
          ApiError.onField(
              ErrorCodes.VALIDATION_NULL,
              "mailbox is required when context is DELIVERED",
              "mailbox"));
    }
    Items.check(errors);
    Message message = refs.archivedOrTracked(id).orElseThrow(Items::invalidId);
    ObjectNode what = Json.object();
    what.put("k", "part");
    what.put("id", message.archiveId().orElseThrow());
    what.put("t", type.orElseThrow().name());
    what.put("c", form.orElseThrow().wire());
    return what;
  }

  /** Validates a get-file item; returns what to download. */
  private ObjectNode fileRequest(ObjectNode item) {
    List<ApiError> errors = new ArrayList<>();
    String id = Items.required(item, "id", errors);
    Items.check(errors);
    if (refs.file(id).isEmpty() && refs.archived(id).isEmpty()) {
      throw Items.invalidId();
    }
    ObjectNode what = Json.object();
    what.put("k", "file");
    what.put("id", id);
    return what;
  }

  private Payload payload(JsonNode what) {
    String id = what.path("id").asText();
    if (what.path("k").asText().equals("part")) {
      Message message = refs.archived(id).orElseThrow(Items::invalidId);
      PartType type = PartType.valueOf(what.path("t").asText());
      ContentForm form = ContentForm.valueOf(what.path("c").asText());
      RenderedMessage rendered = renderer.render(message, form);
      byte[] bytes =
          switch (type) {
            case HTML -> rendered.html().getBytes(StandardCharsets.UTF_8);
            case PLAIN -> rendered.text().getBytes(StandardCharsets.UTF_8);
            case RFC822, TRANSMISSION_MESSAGE_BODY -> rendered.bytes();
          };
      return Payload.of(id + "." + type.extension, type.contentType, bytes);
    }
    Optional<ArchiveRefs.FileRef> file = refs.file(id);
    if (file.isPresent() && file.get() instanceof ArchiveRefs.Attached attached) {
      return Payload.of(
          attached.file().fileName(), attached.file().contentType(), attached.file().content());
    }
    if (file.isPresent() && file.get() instanceof ArchiveRefs.Synthetic synthetic) {
      long size = synthetic.size();
      long seed = tenant.seed();
      return new Payload(
          SyntheticFiles.fileName(size),
          "application/octet-stream",
          Optional.empty(),
          size,
          out -> SyntheticFiles.write(seed, size, out));
    }
    // An archive message id on get-file gives the whole message (02 §4.2), as delivered.
    Message message = refs.archived(id).orElseThrow(Items::invalidId);
    return Payload.of(
        id + ".eml", "message/rfc822", renderer.render(message, ContentForm.DELIVERED).bytes());
  }

  /** One download endpoint: bytes on API 1.0, pre-signed URLs on API 2.0. */
  private final class Endpoint implements ApiHandler {
    private final Function<ObjectNode, ObjectNode> request;
    private final boolean singleUrlKey;

    Endpoint(Function<ObjectNode, ObjectNode> request, boolean singleUrlKey) {
      this.request = request;
      this.singleUrlKey = singleUrlKey;
    }

    /** The envelope: URLs per item on 2.0; on 1.0 only failures reach it. */
    @Override
    public ApiReply handle(ApiCall call) {
      List<ObjectNode> items = call.items().isEmpty() ? List.of(Json.object()) : call.items();
      Instant now = call.now();
      return ApiReply.eachItem(
          items,
          item -> {
            ObjectNode what = request.apply(item);
            URI base =
                call.baseUrl()
                    .orElseThrow(() -> new IllegalStateException("request without Host header"));
            String url = links.url(base, what, now).toString();
            ObjectNode result = Json.object();
            if (singleUrlKey) {
              // get-message-part: one client reads "url", the reference also names "urls".
              result.put("url", url);
            }
            result.putArray("urls").add(url);
            return result;
          });
    }

    @Override
    public HttpReply reply(ApiCall call) {
      if (call.generation() == ApiGeneration.V2) {
        return ApiHandler.super.reply(call);
      }
      ObjectNode item = call.items().isEmpty() ? Json.object() : call.items().get(0);
      try {
        return payload(request.apply(item)).reply();
      } catch (ItemFailure failure) {
        ApiReply reply = ApiReply.error(200, ApiFailure.forItem(item, failure.errors()));
        return HttpReply.json(200, reply.toJson());
      }
    }
  }

  /** {@code attachment; filename="..."}, or the RFC 5987 form for names that are not plain. */
  static String contentDisposition(String fileName) {
    boolean plain = !fileName.isEmpty() && fileName.length() < 500;
    for (char c : fileName.toCharArray()) {
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\' || c == '%' || c == ';') {
        plain = false;
        break;
      }
    }
    if (plain) {
      return "attachment; filename=\"" + fileName + "\"";
    }
    StringBuilder encoded = new StringBuilder("attachment; filename*=UTF-8''");
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return encoded.toString();
  }
}
