package dev.mci.cli.policies;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.OutputFormat;
import dev.mci.cli.support.TimeWindow;
import dev.mci.client.MimecastClient;
import dev.mci.client.groups.GroupMembership;
import dev.mci.client.policies.MailFlow;
import dev.mci.client.policies.PolicyExplainer;
import dev.mci.client.policies.PolicyExplanation;
import dev.mci.client.policies.PolicyMatch;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mci policies explain}: which Blocked Senders policies and groups apply to one sender and
 * recipient, and which decides. The logic is the library's {@link PolicyExplainer}.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain why mail from SENDER to RECIPIENT was or was not blocked: every Blocked Senders"
          + " policy with whether it applies and why, the deciding one, and the groups both"
          + " addresses belong to (nested groups included).",
      "Reads all policies, all groups and their members (one call per page)."
    })
public final class PoliciesExplainCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--sender",
      required = true,
      paramLabel = "ADDRESS",
      description = "Sender address (envelope sender, and header From unless --header-from).")
  String sender;

  @Option(
      names = "--recipient",
      required = true,
      paramLabel = "ADDRESS",
      description = "Recipient.")
  String recipient;

  @Option(
      names = "--header-from",
      paramLabel = "ADDRESS",
      description = "Header From address, when it differs from the envelope sender.")
  String headerFrom;

  @Option(
      names = "--sender-ip",
      paramLabel = "IP",
      description =
          "Connecting IP; without it IP-conditioned policies are reported as 'applies-if'.")
  String senderIp;

  @Option(
      names = "--at",
      paramLabel = "WHEN",
      description = "When the mail arrived: ISO-8601 or relative (2d). Default: now.")
  String at;

  public PoliciesExplainCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Instant now = context.environment().clock().instant();
    Instant when =
        (at == null ? now : TimeWindow.parse("--at", at, now)).truncatedTo(ChronoUnit.SECONDS);
    MailFlow flow =
        MailFlow.of(require(sender, "--sender"), require(recipient, "--recipient"), when);
    if (headerFrom != null) {
      flow = flow.withHeaderFrom(require(headerFrom, "--header-from"));
    }
    if (senderIp != null) {
      flow = flow.fromIp(senderIp);
    }
    PolicyExplanation explanation;
    try (MimecastClient client = context.client()) {
      PolicyExplainer explainer = client.policies().explainer();
      explanation = explainer.explain(flow);
    }
    if (context.format() == OutputFormat.TABLE) {
      printReport(explanation, context.out());
    } else {
      context.output().single(SUMMARY_COLUMNS, ExplainOutput.of(explanation));
    }
    return ExitCode.OK;
  }

  private static String require(String address, String option) {
    if (address.isBlank() || address.indexOf('@') <= 0) {
      throw new UserInputException(
          option + " '" + address + "' is not an e-mail address, e.g. name@example.com");
    }
    return address.strip();
  }

  /** The machine-readable form: the explanation plus its one-line verdict and summary. */
  record ExplainOutput(
      PolicyExplanation.Verdict verdict,
      String summary,
      MailFlow flow,
      Optional<String> decidingPolicyId,
      List<PolicyMatch> policies,
      List<GroupMembership> senderGroups,
      List<GroupMembership> recipientGroups,
      List<String> caveats) {

    static ExplainOutput of(PolicyExplanation e) {
      return new ExplainOutput(
          e.verdict(),
          e.summary(),
          e.flow(),
          e.deciding().map(m -> m.policy().id()),
          e.policies(),
          e.senderGroups(),
          e.recipientGroups(),
          e.caveats());
    }
  }

  private static final List<Column<ExplainOutput>> SUMMARY_COLUMNS =
      List.of(
          Column.of("verdict", ExplainOutput::verdict),
          Column.of("summary", ExplainOutput::summary),
          Column.of("decidingPolicyId", ExplainOutput::decidingPolicyId));

  private static void printReport(PolicyExplanation e, PrintWriter out) {
    MailFlow flow = e.flow();
    out.println("Verdict: " + e.verdict());
    out.println(e.summary());
    out.println();
    out.println(
        "Mail: "
            + flow.envelopeFrom()
            + (flow.headerFrom().equalsIgnoreCase(flow.envelopeFrom())
                ? ""
                : " (header From " + flow.headerFrom() + ")")
            + " -> "
            + flow.recipient()
            + flow.senderIp().map(ip -> " from " + ip).orElse("")
            + " at "
            + flow.at());
    out.println();
    out.println("Policies:");
    for (PolicyMatch match : e.policies()) {
      boolean decides = e.deciding().map(d -> d == match).orElse(false);
      out.println(
          "  "
              + (decides ? "* " : "  ")
              + label(match)
              + "  "
              + clean(match.policy().description())
              + " ["
              + match.policy().option()
              + (match.policy().override() ? ", override" : "")
              + (match.policy().bidirectional() ? ", bidirectional" : "")
              + "]");
      for (String reason : match.reasons()) {
        out.println("        - " + clean(reason));
      }
    }
    out.println();
    printGroups(out, "Sender groups", e.senderGroups());
    printGroups(out, "Recipient groups", e.recipientGroups());
    if (!e.caveats().isEmpty()) {
      out.println("Caveats:");
      e.caveats().forEach(c -> out.println("  - " + clean(c)));
    }
    out.flush();
  }

  private static void printGroups(PrintWriter out, String title, List<GroupMembership> groups) {
    out.println(title + ":" + (groups.isEmpty() ? " (none)" : ""));
    groups.forEach(g -> out.println("  - " + clean(g.describe())));
  }

  private static String label(PolicyMatch match) {
    return switch (match.applicability()) {
      case APPLIES -> "applies     ";
      case APPLIES_IF -> "applies-if  ";
      case DOES_NOT_APPLY -> "no          ";
    };
  }

  /** Policy and group text comes from the tenant: keep it to one line of printable text. */
  static String clean(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              boolean bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
              if (Character.isISOControl(cp) || bidi || cp == 0x200E || cp == 0x200F) {
                clean.append(Character.isWhitespace(cp) ? ' ' : '?');
              } else {
                clean.appendCodePoint(cp);
              }
            });
    return clean.toString();
  }
}
