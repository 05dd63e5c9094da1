package dev.mci.simulator.tenant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the tenant's people and groups: users (index 0 the CEO, 1 the CFO, 2 the IT administrator,
 * 3 the COO), and a small group tree with nesting, whole-domain entries and a "Permitted Senders"
 * group.
 */
final class Directory {

  private static final long SALT_USERS = 0x05E5L;

  private Directory() {}

  static List<User> users(long seed, int count) {
    Rng r = Rng.of(seed, SALT_USERS, 0);
    List<User> built = new ArrayList<>(count);
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < count; i++) {
      String first = r.pick(Names.FIRST_NAMES);
      String last = r.pick(Names.LAST_NAMES);
      String department;
      String title;
      switch (i) {
        case 0:
          department = "Executive";
          title = "Chief Executive Officer";
          break;
        case 1:
          department = "Finance";
          title = "Chief Financial Officer";
          break;
        case 2:
          department = "IT";
          title = "IT Administrator";
          break;
        case 3:
          department = "Executive";
          title = "Chief Operating Officer";
          break;
        default:
          department = r.pick(Names.DEPARTMENTS);
          title = r.pick(Names.TITLES);
      }
      String domain = department.equals("Research") ? Names.SECONDARY_DOMAIN : Names.PRIMARY_DOMAIN;
      String base = MessageFactory.localPart(first, last);
      String local = base;
      for (int n = 2; !taken.add(local + "@" + domain); n++) {
        local = base + n;
      }
      built.add(
          new User(
              i,
              new Mailbox(first + " " + last, local + "@" + domain),
              first,
              last,
              department,
              title));
    }
    return List.copyOf(built);
  }

  /**
   * The group tree.
   *
   * @param permittedImpostor a suspicious external sender an administrator added to Permitted
   *     Senders at someone's request (the planted scenario's sender)
   */
  static List<Group> groups(
      TenantIds ids, List<User> users, List<Domain> externals, Mailbox permittedImpostor) {
    List<GroupSpec> specs = new ArrayList<>();
    GroupSpec cloudRoot = add(specs, "Mimecast Groups", Group.Source.CLOUD, -1);
    GroupSpec permitted = add(specs, "Permitted Senders", Group.Source.CLOUD, cloudRoot.index);
    for (Domain d : externals) {
      if (d.name().startsWith("contoso-partners.")
          || d.name().startsWith("fabrikam-consulting.")
          || d.name().startsWith("payroll-express.")) {
        permitted.members.add(
            new GroupMember(
                "",
                d.name(),
                false,
                "created_manually",
                "",
                Optional.of("Trusted partner domain, approved by IT")));
      }
      if (d.name().startsWith("northwind-supply.") || d.name().startsWith("globex-logistics.")) {
        String address = (d.name().startsWith("northwind") ? "billing@" : "accounts@") + d.name();
        permitted.members.add(
            new GroupMember(
                address,
                d.name(),
                false,
                "created_manually",
                d.brand() + " billing",
                Optional.of("Approved by finance, ticket 8841")));
      }
    }
    permitted.members.add(
        new GroupMember(
            permittedImpostor.address(),
            permittedImpostor.domain(),
            false,
            "created_manually",
            permittedImpostor.displayName(),
            Optional.of(
                "Requested by "
                    + permittedImpostor.displayName()
                    + "'s office: new address for board papers")));
    GroupSpec blocked = add(specs, "Blocked Senders", Group.Source.CLOUD, cloudRoot.index);
    for (Domain d : externals) {
      if (d.kind() == Domain.Kind.SPAM) {
        blocked.members.add(
            new GroupMember("", d.name(), false, "created_manually", "", Optional.empty()));
      }
    }
    GroupSpec executives = add(specs, "Executives", Group.Source.CLOUD, cloudRoot.index);
    GroupSpec vip = add(specs, "VIP Protection", Group.Source.CLOUD, executives.index);
    int financeInVip = 0;
    for (User u : users) {
      boolean executive = u.department().equals("Executive") || u.index() == 1;
      if (executive) {
        executives.members.add(member(u, "created_manually"));
      }
      if (executive || (u.department().equals("Finance") && financeInVip++ < 3)) {
        vip.members.add(member(u, "created_manually"));
      }
    }
    GroupSpec allStaff = add(specs, "All Staff", Group.Source.CLOUD, cloudRoot.index);
    allStaff.members.add(
        new GroupMember("", Names.PRIMARY_DOMAIN, true, "created_manually", "", Optional.empty()));
    allStaff.members.add(
        new GroupMember(
            "", Names.SECONDARY_DOMAIN, true, "created_manually", "", Optional.empty()));
    GroupSpec ldapRoot = add(specs, "Directory", Group.Source.LDAP, -1);
    Map<String, GroupSpec> departments = new LinkedHashMap<>();
    for (User u : users) {
      departments
          .computeIfAbsent(
              u.department(), name -> add(specs, name, Group.Source.LDAP, ldapRoot.index))
          .members
          .add(member(u, "contact_from_ldap"));
    }
    List<Group> built = new ArrayList<>(specs.size());
    for (GroupSpec spec : specs) {
      built.add(
          new Group(
              spec.index,
              ids.encode(IdFamily.GROUP, spec.index, 0),
              spec.description,
              spec.source,
              spec.parent < 0
                  ? Optional.empty()
                  : Optional.of(ids.encode(IdFamily.GROUP, spec.parent, 0)),
              spec.members));
    }
    return List.copyOf(built);
  }

  private static GroupMember member(User user, String type) {
    return new GroupMember(
        user.address(), user.mailbox().domain(), true, type, user.displayName(), Optional.empty());
  }

  private static GroupSpec add(
      List<GroupSpec> specs, String description, Group.Source source, int parent) {
    GroupSpec spec = new GroupSpec(specs.size(), description, source, parent);
    specs.add(spec);
    return spec;
  }

  /** A group under construction. */
  private static final class GroupSpec {
    final int index;
    final String description;
    final Group.Source source;
    final int parent;
    final List<GroupMember> members = new ArrayList<>();

    GroupSpec(int index, String description, Group.Source source, int parent) {
      this.index = index;
      this.description = description;
      this.source = source;
      this.parent = parent;
    }
  }
}
