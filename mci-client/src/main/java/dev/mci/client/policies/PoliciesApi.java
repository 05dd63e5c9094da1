package dev.mci.client.policies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.InvalidResponseException;
import dev.mci.client.MimecastApiException;
import dev.mci.client.MimecastTime;
import dev.mci.client.NotFoundException;
import dev.mci.client.groups.GroupsApi;
import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.Json;
import dev.mci.client.internal.Operation;
import dev.mci.client.internal.Transport;
import dev.mci.client.internal.UnknownIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blocked Senders policies (reference 07 §1). Obtain it from {@code MimecastClient.policies()}.
 * Thread-safe.
 */
public final class PoliciesApi {

  /**
   * {@code POST /api/policy/blockedsenders/get-policy}: documented without pagination, so every
   * policy comes in one answer (the simulator returns up to 500).
   */
  static final Operation GET_POLICY = Operation.read("/api/policy/blockedsenders/get-policy");

  private final Transport transport;
  private final GroupsApi groups;

  /** Used by the client; not for direct use. */
  public PoliciesApi(Transport transport, GroupsApi groups) {
    this.transport = transport;
    this.groups = groups;
  }

  /** Every Blocked Senders policy, in the order Mimecast lists them. */
  public List<BlockedSenderPolicy> blockedSenders() {
    return policies(transport.call(GET_POLICY, List.of()));
  }

  /**
   * One policy.
   *
   * @throws InvalidRequestException before any call if the id is blank
   * @throws NotFoundException when Mimecast does not know the id
   */
  public BlockedSenderPolicy blockedSender(String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidRequestException(GET_POLICY.path(), "the policy id is blank");
    }
    ObjectNode item = Json.object();
    item.put("id", id.strip());
    List<BlockedSenderPolicy> found;
    try {
      found = policies(transport.call(GET_POLICY, List.of(item)));
    } catch (MimecastApiException e) {
      throw UnknownIds.translate(
          e, "blocked-sender policy", id.strip(), "list the policies to see their ids");
    }
    return found.stream()
        .filter(p -> p.id().equals(id.strip()))
        .findFirst()
        .or(() -> found.stream().findFirst())
        .orElseThrow(
            () ->
                new InvalidResponseException(
                    GET_POLICY.path(), null, "get-policy answered no policy for id " + id, null));
  }

  /**
   * Fetches every policy and a snapshot of every group with its members, and returns an explainer
   * over them. One call for the policies plus one per page of groups and of each group's members:
   * take one per investigation and reuse it.
   */
  public PolicyExplainer explainer() {
    return PolicyExplainer.of(blockedSenders(), groups.snapshot());
  }

  private static List<BlockedSenderPolicy> policies(Envelope envelope) {
    List<BlockedSenderPolicy> policies = new ArrayList<>();
    for (JsonNode item : envelope.data()) {
      policies.add(policy(item, envelope));
    }
    return policies;
  }

  /** One {@code data[]} item: {@code {id, option, policy{...}}}. */
  static BlockedSenderPolicy policy(JsonNode item, Envelope envelope) {
    JsonNode policy = item.path("policy");
    boolean fromEternal = !Boolean.FALSE.equals(Json.bool(policy, "fromEternal"));
    boolean toEternal = !Boolean.FALSE.equals(Json.bool(policy, "toEternal"));
    List<String> sourceIps = new ArrayList<>();
    for (JsonNode range : Json.elements(policy.path("conditions"), "sourceIPs")) {
      if (range.isValueNode() && !range.asText().isBlank()) {
        sourceIps.add(range.asText().strip());
      }
    }
    return new BlockedSenderPolicy(
        text(item, "id"),
        text(item, "option"),
        text(policy, "description"),
        Optional.ofNullable(Json.text(policy, "fromPart")).orElse("both"),
        scope(policy, "from", envelope),
        scope(policy, "to", envelope),
        fromEternal ? Optional.empty() : date(policy, "fromDate", envelope),
        toEternal ? Optional.empty() : date(policy, "toDate", envelope),
        Boolean.TRUE.equals(Json.bool(policy, "override")),
        Boolean.TRUE.equals(Json.bool(policy, "bidirectional")),
        sourceIps,
        !Boolean.FALSE.equals(Json.bool(policy, "enabled")),
        Boolean.TRUE.equals(Json.bool(policy, "enforced")),
        date(policy, "createTime", envelope),
        date(policy, "lastUpdated", envelope));
  }

  /**
   * The {@code from}/{@code to} object, falling back to the flattened {@code fromType}/{@code
   * fromValue} copies; the value sits in {@code emailDomain}, {@code emailAddress}, {@code groupId}
   * (or {@code domain}, which one XSOAR version reads).
   */
  private static PolicyScope scope(JsonNode policy, String side, Envelope envelope) {
    JsonNode node = policy.path(side);
    String type = Json.text(node, "type");
    if (type == null) {
      type = Json.text(policy, side + "Type");
    }
    if (type == null || type.isBlank()) {
      throw new InvalidResponseException(
          envelope.endpoint(),
          envelope.requestId(),
          "a policy has no " + side + " type (policy." + side + ".type or " + side + "Type)",
          null);
    }
    String value = null;
    for (String key : List.of("emailDomain", "emailAddress", "groupId", "domain", "value")) {
      value = Json.text(node, key);
      if (value != null && !value.isBlank()) {
        break;
      }
    }
    if (value == null || value.isBlank()) {
      value = Json.text(policy, side + "Value");
    }
    return new PolicyScope(
        type.strip(), Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty()));
  }

  private static Optional<Instant> date(JsonNode node, String field, Envelope envelope) {
    String text = Json.text(node, field);
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MimecastTime.parse(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException(
          envelope.endpoint(),
          envelope.requestId(),
          "policy." + field + " is not a date: " + e.getMessage(),
          e);
    }
  }

  private static String text(JsonNode node, String field) {
    String value = Json.text(node, field);
    return value == null ? "" : value;
  }
}
