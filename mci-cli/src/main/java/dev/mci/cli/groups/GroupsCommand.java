package dev.mci.cli.groups;

import picocli.CommandLine.Command;

/** {@code mci groups}: directory groups and their members. */
@Command(
    name = "groups",
    mixinStandardHelpOptions = true,
    description =
        "Find directory groups (e.g. Blocked Senders, Permitted Senders) and list members.",
    subcommands = {GroupsFindCommand.class, GroupsMembersCommand.class})
public final class GroupsCommand {}
