package dev.mci.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.Json;
import dev.mci.client.internal.Operation;
import dev.mci.client.internal.Transport;
import java.util.List;

/** Account calls. Obtain it from {@code MimecastClient.account()}. Thread-safe. */
public final class AccountApi {

  /** {@code POST /api/account/get-account}: takes no input ({@code "data": []}). */
  static final Operation GET_ACCOUNT = Operation.read("/api/account/get-account");

  private final Transport transport;

  /** Used by the client; not for direct use. */
  public AccountApi(Transport transport) {
    this.transport = transport;
  }

  /** The account the credentials belong to. */
  public AccountInfo get() {
    Envelope envelope = transport.call(GET_ACCOUNT, List.of());
    JsonNode account =
        envelope
            .first()
            .orElseThrow(
                () ->
                    new InvalidResponseException(
                        envelope.endpoint(),
                        envelope.requestId(),
                        "get-account answered no account in data[]",
                        null));
    List<String> packages =
        Json.elements(account, "packages").stream()
            .filter(JsonNode::isValueNode)
            .map(JsonNode::asText)
            .toList();
    return new AccountInfo(
        Json.text(account, "accountCode"),
        Json.text(account, "accountName"),
        Json.text(account, "region"),
        packages);
  }
}
