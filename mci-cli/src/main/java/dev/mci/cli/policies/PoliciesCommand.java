package dev.mci.cli.policies;

import picocli.CommandLine.Command;

/** {@code mci policies}: Blocked Senders policies and why mail was or was not blocked. */
@Command(
    name = "policies",
    mixinStandardHelpOptions = true,
    description = "Read Blocked Senders policies and explain how they apply to a sender/recipient.",
    subcommands = {PoliciesBlockedSendersCommand.class, PoliciesExplainCommand.class})
public final class PoliciesCommand {}
