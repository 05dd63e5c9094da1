package dev.mci.simulator.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.tenant.Group;
import dev.mci.simulator.tenant.Tenant;
import java.util.Optional;

/**
 * The find-groups "folder" shape of a group (reference 07 §2), shared with the endpoints that embed
 * a group, such as Awareness Training campaigns (reference 06 §5.1).
 */
public final class GroupFolders {

  private GroupFolders() {}

  /** {@code {id, description, source, parentId, userCount, folderCount}} for {@code group}. */
  public static ObjectNode toJson(Tenant tenant, Group group) {
    ObjectNode folder = Json.object();
    folder.put("id", group.id());
    folder.put("description", group.description());
    folder.put("source", group.source().wire());
    folder.put("parentId", group.parentId().orElseGet(() -> GroupIds.rootOf(tenant, group)));
    folder.put("userCount", group.members().size());
    folder.put(
        "folderCount",
        tenant.groups().stream().filter(g -> g.parentId().equals(Optional.of(group.id()))).count());
    return folder;
  }
}
