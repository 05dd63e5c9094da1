package dev.mci.client.policies;

import dev.mci.client.InvalidRequestException;
import dev.mci.client.groups.DirectoryGroup;
import dev.mci.client.groups.GroupDirectory;
import dev.mci.client.groups.GroupMembership;
import dev.mci.client.policies.PolicyExplanation.Verdict;
import dev.mci.client.policies.PolicyMatch.Applicability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Works out which Blocked Senders policies apply to a {@link MailFlow}, and which one decides, from
 * policies and group memberships already fetched: no API calls, so an investigation can explain
 * many flows from one snapshot. Immutable and thread-safe.
 *
 * <pre>{@code
 * PolicyExplainer explainer = client.policies().explainer();
 * PolicyExplanation why = explainer.explain(MailFlow.of(sender, recipient, received).fromIp(ip));
 * System.out.println(why.summary());
 * }</pre>
 *
 * <p>Matching follows the fields of reference 07 §1: the policy must be enabled and in force at the
 * flow's time; its sender scope must match the envelope and/or header sender as {@code fromPart}
 * says ({@code both}: either) and its recipient scope the recipient, or the other way round when it
 * is bidirectional; and with {@code conditions.sourceIPs} the sending IP must be in one of the
 * ranges. Scopes: {@code everyone}; {@code internal_addresses} and {@code external_addresses} by
 * the account's domains; {@code email_domain} by exact domain (subdomains are not matched); {@code
 * individual_email_address} by exact address; {@code profile_group} by membership, nested groups
 * included. Other scope types cannot be evaluated from the API and make a policy {@link
 * Applicability#APPLIES_IF}.
 *
 * <p>Precedence among the policies that apply (Mimecast's documented order, as far as the reference
 * goes): an {@code override} policy first; then the most specific sender scope (address, domain,
 * group, internal/external, everyone); then the most specific recipient scope; at a complete tie a
 * block wins and a caveat says the order is ambiguous.
 */
public final class PolicyExplainer {

  private static final String WHAT = "policy explain";

  private final List<BlockedSenderPolicy> policies;
  private final GroupDirectory directory;
  private final Set<String> internalDomains;

  private PolicyExplainer(
      List<BlockedSenderPolicy> policies, GroupDirectory directory, Set<String> internalDomains) {
    this.policies = List.copyOf(policies);
    this.directory = Objects.requireNonNull(directory, "directory");
    this.internalDomains = Set.copyOf(internalDomains);
  }

  /**
   * An explainer over these policies and groups. The account's own domains (for {@code
   * internal_addresses} and {@code external_addresses}) are taken from the group entries Mimecast
   * marks internal; see {@link #withInternalDomains}.
   */
  public static PolicyExplainer of(List<BlockedSenderPolicy> policies, GroupDirectory directory) {
    return new PolicyExplainer(policies, directory, directory.internalDomains());
  }

  /** The same explainer, also treating {@code domains} as the account's own. */
  public PolicyExplainer withInternalDomains(Set<String> domains) {
    Set<String> all = new LinkedHashSet<>(internalDomains);
    domains.forEach(d -> all.add(d.strip().toLowerCase(Locale.ROOT)));
    return new PolicyExplainer(policies, directory, all);
  }

  /** The policies this explainer knows. */
  public List<BlockedSenderPolicy> policies() {
    return policies;
  }

  /** The group snapshot this explainer uses. */
  public GroupDirectory directory() {
    return directory;
  }

  /**
   * Explains one flow.
   *
   * @throws InvalidRequestException if an address or the IP is malformed
   */
  public PolicyExplanation explain(MailFlow flow) {
    validate(flow);
    List<PolicyMatch> matches = new ArrayList<>();
    for (BlockedSenderPolicy policy : policies) {
      matches.add(match(policy, flow));
    }
    List<PolicyMatch> applying = matches.stream().filter(PolicyMatch::applies).toList();
    List<String> caveats = new ArrayList<>();
    Optional<PolicyMatch> deciding = applying.stream().min(PRECEDENCE);
    if (deciding.isPresent()) {
      PolicyMatch first = deciding.get();
      applying.stream()
          .filter(m -> m != first && PRECEDENCE.compare(m, first) == 0)
          .filter(m -> m.policy().blocks() != first.policy().blocks())
          .findFirst()
          .ifPresent(
              tie ->
                  caveats.add(
                      "'"
                          + first.policy().description()
                          + "' and '"
                          + tie.policy().description()
                          + "' are equally specific; which one Mimecast applies first is not"
                          + " documented"));
    }
    for (PolicyMatch match : matches) {
      if (match.applicability() == Applicability.APPLIES_IF) {
        caveats.add(
            "'"
                + match.policy().description()
                + "' ("
                + match.policy().option()
                + ") would also apply "
                + String.join("; ", match.reasons()));
      }
    }
    Verdict verdict =
        deciding
            .map(m -> m.policy().blocks() ? Verdict.BLOCKED : Verdict.EXEMPT)
            .orElse(Verdict.NOT_BLOCKED);
    Set<GroupMembership> senderGroups =
        new LinkedHashSet<>(directory.membershipsOf(flow.envelopeFrom()));
    senderGroups.addAll(directory.membershipsOf(flow.headerFrom()));
    return new PolicyExplanation(
        flow,
        verdict,
        deciding,
        matches,
        List.copyOf(senderGroups),
        directory.membershipsOf(flow.recipient()),
        caveats);
  }

  /** Lower sorts first: override, then sender specificity, then recipient, then blocks. */
  private static final Comparator<PolicyMatch> PRECEDENCE =
      Comparator.comparing((PolicyMatch m) -> !m.policy().override())
          .thenComparing(m -> -specificity(m.policy().from()))
          .thenComparing(m -> -specificity(m.policy().to()))
          .thenComparing(m -> !m.policy().blocks());

  private static int specificity(PolicyScope scope) {
    switch (scope.type().toLowerCase(Locale.ROOT)) {
      case "individual_email_address":
        return 5;
      case "email_domain":
        return 4;
      case "profile_group":
        return 3;
      case "internal_addresses":
      case "external_addresses":
        return 2;
      case "everyone":
        return 1;
      default:
        return 0;
    }
  }

  private PolicyMatch match(BlockedSenderPolicy policy, MailFlow flow) {
    List<String> blockers = new ArrayList<>();
    if (!policy.enabled()) {
      blockers.add("switched off (enabled: false)");
    }
    policy
        .validFrom()
        .filter(start -> flow.at().isBefore(start))
        .ifPresent(start -> blockers.add("not in force until " + start));
    policy
        .validUntil()
        .filter(end -> flow.at().isAfter(end))
        .ifPresent(end -> blockers.add("expired on " + end));

    Direction forward =
        direction(policy, sender(policy, flow), scope(policy.to(), "recipient", flow.recipient()));
    Direction chosen = forward;
    boolean reversed = false;
    if (forward.outcome() == Outcome.NO && policy.bidirectional()) {
      Direction backward =
          direction(
              policy,
              scope(policy.from(), "recipient", flow.recipient()),
              senderAsRecipient(policy, flow));
      if (backward.outcome() != Outcome.NO) {
        chosen = backward;
        reversed = true;
      }
    }
    List<String> reasons = new ArrayList<>(chosen.reasons());
    if (reversed) {
      reasons.add(0, "bidirectional: matches with sender and recipient swapped");
    }
    Outcome ip = Outcome.YES;
    if (!policy.sourceIps().isEmpty() && chosen.outcome() != Outcome.NO) {
      String ranges = String.join(", ", policy.sourceIps());
      if (flow.senderIp().isEmpty()) {
        ip = Outcome.UNKNOWN;
        reasons.add("if the sending IP is in " + ranges + " (no sending IP given)");
      } else {
        String senderIp = flow.senderIp().get();
        List<Optional<Boolean>> inside =
            policy.sourceIps().stream().map(range -> Cidr.contains(range, senderIp)).toList();
        if (inside.stream().anyMatch(r -> r.orElse(false))) {
          reasons.add("sending IP " + senderIp + " is in " + ranges);
        } else if (inside.stream().anyMatch(Optional::isEmpty)) {
          ip = Outcome.UNKNOWN;
          reasons.add(
              "if sending IP " + senderIp + " is in " + ranges + " (a range is unreadable)");
        } else {
          ip = Outcome.NO;
          reasons.add("sending IP " + senderIp + " is outside " + ranges);
        }
      }
    }
    Applicability applicability;
    if (!blockers.isEmpty()) {
      applicability = Applicability.DOES_NOT_APPLY;
      List<String> why = new ArrayList<>(blockers);
      if (chosen.outcome() == Outcome.YES && ip == Outcome.YES) {
        why.add("it would otherwise apply: " + String.join("; ", reasons));
      }
      reasons = why;
    } else if (chosen.outcome() == Outcome.NO || ip == Outcome.NO) {
      applicability = Applicability.DOES_NOT_APPLY;
    } else if (chosen.outcome() == Outcome.UNKNOWN || ip == Outcome.UNKNOWN) {
      applicability = Applicability.APPLIES_IF;
    } else {
      applicability = Applicability.APPLIES;
    }
    return new PolicyMatch(policy, applicability, reversed, reasons, chosen.memberships());
  }

  private enum Outcome {
    YES,
    NO,
    UNKNOWN
  }

  /** One side's result: outcome, the sentence saying why, and any group membership used. */
  private record Side(Outcome outcome, String reason, Optional<GroupMembership> membership) {}

  /** Both sides combined. */
  private record Direction(
      Outcome outcome, List<String> reasons, List<GroupMembership> memberships) {}

  private static Direction direction(BlockedSenderPolicy policy, Side from, Side to) {
    Outcome outcome;
    List<String> reasons = new ArrayList<>();
    if (from.outcome() == Outcome.NO || to.outcome() == Outcome.NO) {
      outcome = Outcome.NO;
      // Only the side that fails explains a miss.
      if (from.outcome() == Outcome.NO) {
        reasons.add(from.reason());
      }
      if (to.outcome() == Outcome.NO) {
        reasons.add(to.reason());
      }
    } else {
      outcome =
          from.outcome() == Outcome.UNKNOWN || to.outcome() == Outcome.UNKNOWN
              ? Outcome.UNKNOWN
              : Outcome.YES;
      reasons.add(from.reason());
      reasons.add(to.reason());
    }
    List<GroupMembership> memberships = new ArrayList<>();
    from.membership().ifPresent(memberships::add);
    to.membership().ifPresent(memberships::add);
    return new Direction(outcome, reasons, memberships);
  }

  /** The sender side, reading the envelope and/or header sender as {@code fromPart} says. */
  private Side sender(BlockedSenderPolicy policy, MailFlow flow) {
    if (flow.envelopeFrom().equalsIgnoreCase(flow.headerFrom())) {
      return scope(policy.from(), "sender", flow.envelopeFrom());
    }
    switch (policy.fromPart().toLowerCase(Locale.ROOT)) {
      case "envelope_from":
        return scope(policy.from(), "envelope sender", flow.envelopeFrom());
      case "header_from":
        return scope(policy.from(), "header sender", flow.headerFrom());
      default:
        Side envelope = scope(policy.from(), "envelope sender", flow.envelopeFrom());
        Side header = scope(policy.from(), "header sender", flow.headerFrom());
        if (envelope.outcome() == Outcome.YES) {
          return envelope;
        }
        if (header.outcome() == Outcome.YES) {
          return header;
        }
        if (envelope.outcome() == Outcome.UNKNOWN) {
          return envelope;
        }
        if (header.outcome() == Outcome.UNKNOWN) {
          return header;
        }
        return no(envelope.reason() + "; " + header.reason());
    }
  }

  /** The recipient scope checked against the sender, for the reversed direction. */
  private Side senderAsRecipient(BlockedSenderPolicy policy, MailFlow flow) {
    Side envelope = scope(policy.to(), "sender", flow.envelopeFrom());
    if (envelope.outcome() != Outcome.NO
        || flow.envelopeFrom().equalsIgnoreCase(flow.headerFrom())) {
      return envelope;
    }
    return scope(policy.to(), "header sender", flow.headerFrom());
  }

  /** Whether {@code address} (the {@code role}, for the sentence) is inside {@code scope}. */
  private Side scope(PolicyScope scope, String role, String address) {
    String type = scope.type().toLowerCase(Locale.ROOT);
    String domain = domainOf(address);
    String value = scope.value().orElse("");
    switch (type) {
      case "everyone":
        return yes(role + " " + address + " is covered by everyone");
      case "internal_addresses":
      case "external_addresses":
        if (internalDomains.isEmpty()) {
          return new Side(
              Outcome.UNKNOWN,
              "if "
                  + role
                  + " "
                  + address
                  + " is "
                  + (type.startsWith("internal") ? "internal" : "external")
                  + " (the account's domains are unknown)",
              Optional.empty());
        }
        boolean internal = internalDomains.contains(domain);
        boolean wanted = type.startsWith("internal");
        String where = internal ? "internal" : "external";
        return internal == wanted
            ? yes(role + " " + address + " is " + where)
            : no(role + " " + address + " is " + where + ", the policy covers " + type);
      case "email_domain":
        return value.equalsIgnoreCase(domain)
            ? yes(role + " domain " + domain + " matches email_domain " + value)
            : no(role + " domain " + domain + " is not " + value);
      case "individual_email_address":
        return value.equalsIgnoreCase(address)
            ? yes(role + " " + address + " is the policy's address")
            : no(role + " " + address + " is not " + value);
      case "profile_group":
        return group(value, role, address);
      default:
        return new Side(
            Outcome.UNKNOWN,
            "if "
                + role
                + " "
                + address
                + " falls in scope "
                + scope
                + " (not readable through the API)",
            Optional.empty());
    }
  }

  private Side group(String groupId, String role, String address) {
    Optional<DirectoryGroup> group = directory.group(groupId);
    if (group.isEmpty()) {
      return new Side(
          Outcome.UNKNOWN,
          "if " + role + " " + address + " is in group " + groupId + " (not in the group snapshot)",
          Optional.empty());
    }
    Optional<GroupMembership> membership = directory.membership(groupId, address);
    return membership
        .map(
            m ->
                new Side(
                    Outcome.YES, role + " " + address + " is in group " + m.describe(), membership))
        .orElseGet(() -> no(role + " " + address + " is not in group " + group.get().name()));
  }

  private static Side yes(String reason) {
    return new Side(Outcome.YES, reason, Optional.empty());
  }

  private static Side no(String reason) {
    return new Side(Outcome.NO, reason, Optional.empty());
  }

  private static String domainOf(String address) {
    return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
  }

  private static void validate(MailFlow flow) {
    if (flow == null) {
      throw new InvalidRequestException(WHAT, "the mail flow is missing");
    }
    requireAddress(flow.envelopeFrom(), "sender");
    requireAddress(flow.headerFrom(), "header sender");
    requireAddress(flow.recipient(), "recipient");
    flow.senderIp()
        .filter(ip -> Cidr.literal(ip).isEmpty())
        .ifPresent(
            ip -> {
              throw new InvalidRequestException(
                  WHAT, "sender IP '" + ip + "' is not an IPv4 or IPv6 address, e.g. 203.0.113.7");
            });
  }

  private static void requireAddress(String address, String role) {
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1 || address.contains(" ")) {
      throw new InvalidRequestException(
          WHAT, role + " '" + address + "' is not an e-mail address, e.g. name@example.com");
    }
  }
}
