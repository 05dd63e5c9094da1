package dev.mci.client.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.AutoPager;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastApiException;
import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.Json;
import dev.mci.client.internal.Operation;
import dev.mci.client.internal.Transport;
import dev.mci.client.internal.UnknownIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Directory groups (reference 07 §2-3). Obtain it from {@code MimecastClient.groups()}.
 * Thread-safe.
 *
 * <p>Both listings page explicitly to the end: Mimecast silently stops an unpaged directory call at
 * 999 records, so a group's membership is never read from one call.
 */
public final class GroupsApi {

  /** {@code POST /api/directory/find-groups}: paged; {@code data[0].folders[]}. */
  static final Operation FIND_GROUPS = Operation.readPaged("/api/directory/find-groups");

  /** {@code POST /api/directory/get-group-members}: paged; {@code data[0].groupMembers[]}. */
  static final Operation GET_GROUP_MEMBERS =
      Operation.readPaged("/api/directory/get-group-members");

  /** Records per page unless {@link #pageSize(int)} says otherwise. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** Largest page size Mimecast accepts on these calls (reference 00 §7). */
  public static final int MAX_PAGE_SIZE = 500;

  private final Transport transport;
  private final int pageSize;

  /** Used by the client; not for direct use. */
  public GroupsApi(Transport transport) {
    this(transport, DEFAULT_PAGE_SIZE);
  }

  private GroupsApi(Transport transport, int pageSize) {
    this.transport = transport;
    this.pageSize = pageSize;
  }

  /**
   * The same calls with another page size, e.g. to see paging at work; the default (100) suits
   * normal use.
   *
   * @throws InvalidRequestException unless {@code 1 <= size <= 500}
   */
  public GroupsApi pageSize(int size) {
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          FIND_GROUPS.path(), "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
    }
    return new GroupsApi(transport, size);
  }

  /** The groups matching {@code search}, every page, fetched lazily. */
  public AutoPager<DirectoryGroup> find(GroupSearch search) {
    if (search == null) {
      throw new InvalidRequestException(FIND_GROUPS.path(), "the search is missing");
    }
    ObjectNode item = Json.object();
    search.query().ifPresent(query -> item.put("query", query));
    search.source().ifPresent(source -> item.put("source", source.wireValue()));
    List<JsonNode> data = List.of(item);
    return AutoPager.of(
        token -> transport.page(FIND_GROUPS, data, pageSize, token, GroupsApi::folders));
  }

  /**
   * Every direct member of a group, every page, fetched lazily. Whole-domain entries come back as
   * members whose {@link GroupMember#emailAddress()} is empty.
   *
   * @param groupId the id from {@link #find}
   * @throws InvalidRequestException before any call if the id is blank
   * @throws dev.mci.client.NotFoundException (while iterating) when Mimecast does not know the id:
   *     it answers a malformed or truncated id with HTTP 400 and an empty body, an unknown one with
   *     "0007 Invalid token"
   */
  public AutoPager<GroupMember> members(String groupId) {
    if (groupId == null || groupId.isBlank()) {
      throw new InvalidRequestException(
          GET_GROUP_MEMBERS.path(), "the group id is blank; find it with find-groups");
    }
    String id = groupId.strip();
    ObjectNode item = Json.object();
    item.put("id", id);
    List<JsonNode> data = List.of(item);
    return AutoPager.of(
        token -> {
          try {
            return transport.page(GET_GROUP_MEMBERS, data, pageSize, token, GroupsApi::members);
          } catch (MimecastApiException e) {
            throw UnknownIds.translate(
                e, "group", id, "copy the id from find-groups (mci groups find)");
          }
        });
  }

  /**
   * Every group of both sources with all its direct members: one find-groups listing per source,
   * then one members listing per group. Costs a call per page of each, so take one snapshot per
   * investigation and reuse it.
   */
  public GroupDirectory snapshot() {
    Map<String, DirectoryGroup> groups = new LinkedHashMap<>();
    for (GroupSource source : GroupSource.values()) {
      for (DirectoryGroup group : find(GroupSearch.all().from(source))) {
        groups.putIfAbsent(group.id(), group);
      }
    }
    Map<String, List<GroupMember>> members = new LinkedHashMap<>();
    for (DirectoryGroup group : groups.values()) {
      List<GroupMember> list = new ArrayList<>();
      members(group.id()).forEach(list::add);
      members.put(group.id(), list);
    }
    return GroupDirectory.of(List.copyOf(groups.values()), members);
  }

  private static List<DirectoryGroup> folders(Envelope envelope) {
    List<DirectoryGroup> groups = new ArrayList<>();
    for (JsonNode item : envelope.data()) {
      for (JsonNode folder : Json.elements(item, "folders")) {
        groups.add(group(folder));
      }
    }
    return groups;
  }

  private static DirectoryGroup group(JsonNode folder) {
    OptionalInt users = Json.integer(folder, "userCount");
    OptionalInt folders = Json.integer(folder, "folderCount");
    return new DirectoryGroup(
        text(folder, "id"),
        text(folder, "description"),
        text(folder, "source"),
        Optional.ofNullable(Json.text(folder, "parentId")).filter(p -> !p.isBlank()),
        users.orElse(0),
        folders.orElse(0));
  }

  private static List<GroupMember> members(Envelope envelope) {
    List<GroupMember> members = new ArrayList<>();
    for (JsonNode item : envelope.data()) {
      for (JsonNode member : Json.elements(item, "groupMembers")) {
        Optional<String> address =
            Optional.ofNullable(Json.text(member, "emailAddress")).filter(a -> !a.isBlank());
        String domain = text(member, "domain");
        if (domain.isEmpty() && address.isPresent()) {
          domain = address.get().substring(address.get().lastIndexOf('@') + 1);
        }
        members.add(
            new GroupMember(
                address,
                domain,
                Boolean.TRUE.equals(Json.bool(member, "internal")),
                text(member, "type"),
                text(member, "name"),
                Optional.ofNullable(Json.text(member, "notes")).filter(n -> !n.isBlank())));
      }
    }
    return members;
  }

  private static String text(JsonNode node, String field) {
    String value = Json.text(node, field);
    return value == null ? "" : value;
  }
}
