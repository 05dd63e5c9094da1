package dev.mci.simulator.policies;

import dev.mci.simulator.policies.BlockedSenderPolicy.Scope;
import dev.mci.simulator.tenant.Domain;
import dev.mci.simulator.tenant.Group;
import dev.mci.simulator.tenant.IdFamily;
import dev.mci.simulator.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's Blocked Senders policies, derived from the tenant so they agree with its groups,
 * domains and planted scenario. The set covers every matching rule an analyst meets: a group-scoped
 * block, a block on the scenario's lookalike domain that was in force when the phish arrived, the
 * Permitted Senders exception (an override) that let it through anyway, an IP-conditioned block, a
 * bidirectional block, an expired block, a disabled one, a block on one address, and one aimed at a
 * group whose members include a nested group.
 */
public final class BlockedSenderPolicies {

  /** The narrative of the override that exempts members of the Permitted Senders group. */
  public static final String PERMITTED_SENDERS_EXCEPTION = "Permitted Senders exception";

  /** A domain that sends the tenant no mail; only the bidirectional ethical wall names it. */
  public static final String WALLED_OFF_DOMAIN = "rival-labs.example";

  /** A fraudster's address blocked individually. */
  public static final String BLOCKED_ADDRESS = "payroll.update@webpost-mail.example";

  /** A voucher-spam domain blocked for the Executives group only. */
  public static final String VOUCHER_DOMAIN = "gift-voucher-rewards.example";

  private final List<BlockedSenderPolicy> policies;

  private BlockedSenderPolicies(List<BlockedSenderPolicy> policies) {
    this.policies = List.copyOf(policies);
  }

  /** The policies of {@code tenant}; the same tenant always gives the same policies. */
  public static BlockedSenderPolicies of(Tenant tenant) {
    Instant now = tenant.now();
    Builder b = new Builder(tenant);
    String spamRange = spamRelayRange(tenant);
    b.add(
        "block_sender",
        "Block senders in the Blocked Senders group",
        "both",
        Scope.of("profile_group", group(tenant, "Blocked Senders").id()),
        Scope.of("everyone"),
        Optional.empty(),
        Optional.empty(),
        false,
        false,
        List.of(),
        true,
        now.minus(Duration.ofDays(410)));
    b.add(
        "block_sender",
        "Block lookalike domain " + tenant.scenario().senderDomain(),
        "both",
        Scope.of("email_domain", tenant.scenario().senderDomain()),
        Scope.of("everyone"),
        Optional.of(
            tenant.scenario().received().minus(Duration.ofDays(11)).truncatedTo(ChronoUnit.DAYS)),
        Optional.empty(),
        false,
        false,
        List.of(),
        true,
        tenant.scenario().received().minus(Duration.ofDays(11)));
    b.add(
        "no_action",
        PERMITTED_SENDERS_EXCEPTION,
        "both",
        Scope.of("profile_group", group(tenant, "Permitted Senders").id()),
        Scope.of("everyone"),
        Optional.empty(),
        Optional.empty(),
        true,
        false,
        List.of(),
        true,
        now.minus(Duration.ofDays(380)));
    b.add(
        "block_sender",
        "Block external mail from the spam relay range " + spamRange,
        "envelope_from",
        Scope.of("external_addresses"),
        Scope.of("everyone"),
        Optional.empty(),
        Optional.empty(),
        false,
        false,
        List.of(spamRange),
        true,
        now.minus(Duration.ofDays(200)));
    b.add(
        "block_sender",
        "Ethical wall: " + WALLED_OFF_DOMAIN + " and Acme Labs, both ways",
        "both",
        Scope.of("email_domain", WALLED_OFF_DOMAIN),
        Scope.of("email_domain", tenant.internalDomains().get(1).name()),
        Optional.empty(),
        Optional.empty(),
        false,
        true,
        List.of(),
        true,
        now.minus(Duration.ofDays(95)));
    b.add(
        "block_sender",
        "Block Umbrella Office Supplies during the contract dispute",
        "both",
        Scope.of("email_domain", external(tenant, "umbrella-office.").name()),
        Scope.of("everyone"),
        Optional.of(now.minus(Duration.ofDays(220)).truncatedTo(ChronoUnit.DAYS)),
        Optional.of(now.minus(Duration.ofDays(120)).truncatedTo(ChronoUnit.DAYS)),
        false,
        false,
        List.of(),
        true,
        now.minus(Duration.ofDays(221)));
    b.add(
        "block_sender",
        "Block newsletters (draft, switched off)",
        "header_from",
        Scope.of("email_domain", external(tenant, "daily-markets-news.").name()),
        Scope.of("everyone"),
        Optional.empty(),
        Optional.empty(),
        false,
        false,
        List.of(),
        false,
        now.minus(Duration.ofDays(30)));
    b.add(
        "block_sender",
        "Block payroll-change fraudster",
        "both",
        Scope.of("individual_email_address", BLOCKED_ADDRESS),
        Scope.of("internal_addresses"),
        Optional.empty(),
        Optional.empty(),
        false,
        false,
        List.of(),
        true,
        now.minus(Duration.ofDays(60)));
    b.add(
        "block_sender",
        "Block voucher spam to Executives",
        "both",
        Scope.of("email_domain", VOUCHER_DOMAIN),
        Scope.of("profile_group", group(tenant, "Executives").id()),
        Optional.empty(),
        Optional.empty(),
        false,
        false,
        List.of(),
        true,
        now.minus(Duration.ofDays(45)));
    return new BlockedSenderPolicies(b.policies);
  }

  /** All policies, in a stable order. */
  public List<BlockedSenderPolicy> all() {
    return policies;
  }

  /** The policy with this id. */
  public Optional<BlockedSenderPolicy> byId(String id) {
    return policies.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /**
   * The /30 around the sending IP of the last spam domain: several spam senders share it, the
   * tenant's other correspondents do not.
   */
  private static String spamRelayRange(Tenant tenant) {
    Domain last =
        tenant.domains().stream()
            .filter(d -> d.kind() == Domain.Kind.SPAM)
            .reduce((a, b) -> b)
            .orElseThrow();
    String[] octets = last.sendingIp().split("\\.");
    int base = Integer.parseInt(octets[3]) & ~3;
    return octets[0] + "." + octets[1] + "." + octets[2] + "." + base + "/30";
  }

  private static Group group(Tenant tenant, String name) {
    return tenant.groups().stream()
        .filter(g -> g.description().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the tenant has no group " + name));
  }

  private static Domain external(Tenant tenant, String prefix) {
    return tenant.domains().stream()
        .filter(d -> d.name().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the tenant has no domain " + prefix));
  }

  /** Mints ids in order. */
  private static final class Builder {
    private final Tenant tenant;
    private final List<BlockedSenderPolicy> policies = new ArrayList<>();

    Builder(Tenant tenant) {
      this.tenant = tenant;
    }

    void add(
        String option,
        String description,
        String fromPart,
        Scope from,
        Scope to,
        Optional<Instant> validFrom,
        Optional<Instant> validUntil,
        boolean override,
        boolean bidirectional,
        List<String> sourceIps,
        boolean enabled,
        Instant created) {
      Instant createdAt = created.truncatedTo(ChronoUnit.SECONDS);
      policies.add(
          new BlockedSenderPolicy(
              tenant.ids().encode(IdFamily.BLOCKED_SENDER_POLICY, policies.size(), 0),
              option,
              description,
              fromPart,
              from,
              to,
              validFrom,
              validUntil,
              override,
              bidirectional,
              sourceIps,
              enabled,
              option.equals("block_sender"),
              createdAt,
              createdAt.plus(Duration.ofHours(2))));
    }
  }
}
