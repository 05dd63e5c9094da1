package dev.mci.simulator.policies;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiArea;
import dev.mci.simulator.core.ApiCall;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.Routes;
import dev.mci.simulator.policies.BlockedSenderPolicy.Scope;
import dev.mci.simulator.tenant.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Registers the "policies" endpoints: {@code POST /api/policy/blockedsenders/get-policy} (reference
 * 07 §1.1). Without an {@code id} every policy is returned, unpaged (up to 500, no {@code next});
 * each item with an {@code id} gets that policy, and an id that is not one of this tenant's
 * policies gets {@code xdk_failure} "0007 Invalid token" keyed by the item (the single id rule of
 * reference 01 §0.7).
 */
public final class PoliciesArea implements ApiArea {

  /** The get-policy path. */
  public static final String GET_POLICY = "/api/policy/blockedsenders/get-policy";

  private static final String ETERNAL_START = "1900-01-01T00:00:00+0000";
  private static final String ETERNAL_END = "2100-01-01T23:59:59+0000";

  private final BlockedSenderPolicies policies;

  /** The area over {@code tenant}. */
  public PoliciesArea(Tenant tenant) {
    this.policies = BlockedSenderPolicies.of(tenant);
  }

  @Override
  public void register(Routes routes) {
    routes.post(GET_POLICY, this::getPolicy);
  }

  private ApiReply getPolicy(ApiCall call) {
    List<ObjectNode> lookups =
        call.nonEmptyItems().stream().filter(item -> Json.field(item, "id").isPresent()).toList();
    if (lookups.isEmpty()) {
      return ApiReply.ok(
          policies.all().stream().limit(call.unpagedLimit()).map(PoliciesArea::toJson).toList());
    }
    return ApiReply.eachItem(lookups, this::lookup);
  }

  private ObjectNode lookup(ObjectNode item) {
    String id = Json.text(item, "id").orElse("").strip();
    if (id.isEmpty()) {
      throw new ItemFailure(
          ApiError.onField(
              ErrorCodes.VALIDATION_BLANK,
              "This field, if present, cannot be blank or empty",
              "id"));
    }
    return policies
        .byId(id)
        .map(PoliciesArea::toJson)
        .orElseThrow(
            () -> new ItemFailure(ApiError.of(ErrorCodes.INVALID_TOKEN, "0007 Invalid token")));
  }

  /** The wire form, shaped like the recorded XSOAR and rapid7 policies. */
  static ObjectNode toJson(BlockedSenderPolicy p) {
    ObjectNode root = Json.object();
    root.put("id", p.id());
    root.put("option", p.option());
    ObjectNode policy = root.putObject("policy");
    policy.put("description", p.description());
    policy.put("fromPart", p.fromPart());
    policy.set("from", scope(p.from()));
    policy.set("to", scope(p.to()));
    policy.put("fromType", p.from().type());
    p.from().value().ifPresent(v -> policy.put("fromValue", v));
    policy.put("toType", p.to().type());
    p.to().value().ifPresent(v -> policy.put("toValue", v));
    policy.put("fromEternal", p.validFrom().isEmpty());
    policy.put("toEternal", p.validUntil().isEmpty());
    policy.put("fromDate", date(p.validFrom(), ETERNAL_START));
    policy.put("toDate", date(p.validUntil(), ETERNAL_END));
    policy.put("override", p.override());
    policy.put("bidirectional", p.bidirectional());
    ObjectNode conditions = policy.putObject("conditions");
    if (!p.sourceIps().isEmpty()) {
      p.sourceIps().forEach(conditions.putArray("sourceIPs")::add);
    }
    policy.put("enabled", p.enabled());
    policy.put("enforced", p.enforced());
    policy.put("createTime", ApiDates.format(p.created()));
    policy.put("lastUpdated", ApiDates.format(p.lastUpdated()));
    return root;
  }

  private static ObjectNode scope(Scope scope) {
    ObjectNode node = Json.object();
    node.put("type", scope.type());
    scope.value().ifPresent(v -> node.put(scope.valueKey(), v));
    return node;
  }

  private static String date(Optional<Instant> instant, String eternal) {
    return instant.map(ApiDates::format).orElse(eternal);
  }
}
