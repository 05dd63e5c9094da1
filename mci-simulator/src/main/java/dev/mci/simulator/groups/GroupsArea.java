package dev.mci.simulator.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiArea;
import dev.mci.simulator.core.ApiCall;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiFailure;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.Page;
import dev.mci.simulator.core.PageCursor;
import dev.mci.simulator.core.Routes;
import dev.mci.simulator.tenant.Group;
import dev.mci.simulator.tenant.Tenant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Registers the "groups" endpoints of reference 07: {@code POST /api/directory/find-groups} ({@link
 * #FIND_GROUPS}) and {@code POST /api/directory/get-group-members} ({@link GroupMembersHandler}),
 * both paged with the shared helper and served on both listeners.
 *
 * <p>find-groups: {@code query} matches the group name case-insensitively as a substring, and
 * without {@code source} groups of both sources are listed (both rules UNVERIFIED, chosen here).
 * Top-level groups carry the id of their source's account root folder as {@code parentId}, as the
 * real API does; that folder is not itself listed.
 */
public final class GroupsArea implements ApiArea {

  /** The find-groups path. */
  public static final String FIND_GROUPS = "/api/directory/find-groups";

  /** The get-group-members path. */
  public static final String GET_GROUP_MEMBERS = "/api/directory/get-group-members";

  private final Tenant tenant;

  /** The area over {@code tenant}. */
  public GroupsArea(Tenant tenant) {
    this.tenant = tenant;
  }

  @Override
  public void register(Routes routes) {
    routes.post(FIND_GROUPS, this::findGroups);
    routes.post(GET_GROUP_MEMBERS, new GroupMembersHandler(tenant));
  }

  private ApiReply findGroups(ApiCall call) {
    ObjectNode item = call.items().isEmpty() ? Json.object() : call.items().get(0);
    ObjectNode query = Json.object();
    Optional<String> text = Json.text(item, "query").map(String::strip).filter(t -> !t.isEmpty());
    text.ifPresent(t -> query.put("query", t));
    Optional<String> source =
        Json.text(item, "source").map(s -> s.strip().toLowerCase(Locale.ROOT));
    if (source.isPresent()) {
      if (!source.get().equals("cloud") && !source.get().equals("ldap")) {
        return failed(
            item,
            ApiError.onField(
                ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
                "Field must be one of [cloud, ldap]",
                "source"));
      }
      query.put("source", source.get());
    }
    PageCursor cursor;
    try {
      cursor = call.page(query);
    } catch (ItemFailure failure) {
      return ApiReply.ok(List.of(), List.of(ApiFailure.forItem(item, failure.errors())));
    }
    JsonNode effective = cursor.query();
    Optional<String> wantedText =
        Json.text(effective, "query").map(t -> t.toLowerCase(Locale.ROOT));
    Optional<String> wantedSource = Json.text(effective, "source");
    List<Group> matches =
        tenant.groups().stream()
            .filter(g -> wantedSource.map(s -> s.equals(g.source().wire())).orElse(true))
            .filter(
                g ->
                    wantedText
                        .map(t -> g.description().toLowerCase(Locale.ROOT).contains(t))
                        .orElse(true))
            .toList();
    Page<Group> page = cursor.slice(matches);
    ObjectNode wrapper = Json.object();
    wantedSource.ifPresent(s -> wrapper.put("source", s));
    Json.text(effective, "query").ifPresent(t -> wrapper.put("query", t));
    ArrayNode folders = wrapper.putArray("folders");
    page.items().forEach(group -> folders.add(GroupFolders.toJson(tenant, group)));
    return ApiReply.paged(List.of(wrapper), page.meta());
  }

  private static ApiReply failed(ObjectNode item, ApiError error) {
    return ApiReply.ok(List.of(), List.of(ApiFailure.forItem(item, List.of(error))));
  }
}
