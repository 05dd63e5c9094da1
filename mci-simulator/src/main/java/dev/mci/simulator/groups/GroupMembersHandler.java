package dev.mci.simulator.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiCall;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiFailure;
import dev.mci.simulator.core.ApiHandler;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.HttpReply;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.Page;
import dev.mci.simulator.core.PageCursor;
import dev.mci.simulator.tenant.Group;
import dev.mci.simulator.tenant.GroupMember;
import dev.mci.simulator.tenant.IdFamily;
import dev.mci.simulator.tenant.Tenant;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/directory/get-group-members} (reference 07 §3): {@code data[0].id} names the
 * group; the answer wraps one page of direct members in {@code data[0].groupMembers[]}. Ids follow
 * the single id rule of reference 01 §0.7: an id that does not decode at all (truncated, corrupted)
 * gets HTTP 400 with an empty body on this {@code /api/directory/*} call; a well-formed id of
 * another family, or of no group of this tenant, gets HTTP 200 with {@code xdk_failure} "0007
 * Invalid token" keyed by the request item.
 */
final class GroupMembersHandler implements ApiHandler {

  private final Tenant tenant;

  GroupMembersHandler(Tenant tenant) {
    this.tenant = tenant;
  }

  @Override
  public HttpReply reply(ApiCall call) {
    if (malformedId(call)) {
      return HttpReply.empty(400);
    }
    ApiReply reply = handle(call);
    return HttpReply.json(reply.status(), reply.toJson());
  }

  /** The envelope answer; a malformed id is reported here as an invalid token. */
  @Override
  public ApiReply handle(ApiCall call) {
    ObjectNode item = call.items().isEmpty() ? Json.object() : call.items().get(0);
    ObjectNode query = Json.object();
    Json.text(item, "id").ifPresent(id -> query.put("id", id.strip()));
    PageCursor cursor;
    try {
      cursor = call.page(query);
    } catch (ItemFailure failure) {
      return failed(item, failure.errors());
    }
    JsonNode effective = cursor.query();
    if (Json.field(effective, "id").isEmpty()) {
      return failed(
          item,
          List.of(ApiError.onField(ErrorCodes.VALIDATION_NULL, "This field is required", "id")));
    }
    String id = Json.text(effective, "id").orElse("");
    if (id.isEmpty()) {
      return failed(
          item,
          List.of(
              ApiError.onField(
                  ErrorCodes.VALIDATION_BLANK,
                  "This field, if present, cannot be blank or empty",
                  "id")));
    }
    Optional<Group> group =
        tenant.ids().decode(id, IdFamily.GROUP).flatMap(decoded -> tenant.group(id));
    if (group.isEmpty()) {
      return failed(item, List.of(ApiError.of(ErrorCodes.INVALID_TOKEN, "0007 Invalid token")));
    }
    Page<GroupMember> page = cursor.slice(group.get().members());
    ObjectNode wrapper = Json.object();
    ArrayNode members = wrapper.putArray("groupMembers");
    page.items().forEach(member -> members.add(member(member)));
    return ApiReply.paged(List.of(wrapper), page.meta());
  }

  /** Whether the id to look up (from data, when no page token is sent) does not decode at all. */
  private boolean malformedId(ApiCall call) {
    if (call.pageRequest().pageToken().isPresent() || call.items().isEmpty()) {
      return false;
    }
    Optional<String> id =
        Json.text(call.items().get(0), "id").map(String::strip).filter(v -> !v.isEmpty());
    return id.isPresent() && tenant.ids().decode(id.get()).isEmpty();
  }

  /** One {@code groupMembers[]} entry (reference 07 §3); domain entries have an empty address. */
  private static ObjectNode member(GroupMember member) {
    ObjectNode node = Json.object();
    node.put("emailAddress", member.emailAddress());
    node.put("domain", member.domain());
    node.put("internal", member.internal());
    node.put("type", member.type());
    node.put("name", member.name());
    member.notes().ifPresent(notes -> node.put("notes", notes));
    return node;
  }

  private static ApiReply failed(ObjectNode item, List<ApiError> errors) {
    return ApiReply.ok(List.of(), List.of(ApiFailure.forItem(item, errors)));
  }
}
