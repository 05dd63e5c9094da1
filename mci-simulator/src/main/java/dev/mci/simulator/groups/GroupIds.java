package dev.mci.simulator.groups;

import dev.mci.simulator.tenant.Group;
import dev.mci.simulator.tenant.IdFamily;
import dev.mci.simulator.tenant.Tenant;

/** The ids of the hidden account root folders that top-level groups name as their parent. */
final class GroupIds {

  /** Far beyond any real group index, so a root id never resolves to a listed group. */
  private static final long ROOT_INDEX = 1L << 40;

  private GroupIds() {}

  static String rootOf(Tenant tenant, Group group) {
    return tenant.ids().encode(IdFamily.GROUP, ROOT_INDEX + group.source().ordinal(), 0);
  }
}
