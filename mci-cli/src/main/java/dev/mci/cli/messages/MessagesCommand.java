package dev.mci.cli.messages;

import picocli.CommandLine.Command;

/** {@code mci messages}: find and read messages. */
@Command(
    name = "messages",
    mixinStandardHelpOptions = true,
    description = "Find messages (Message Finder) and read what Mimecast knows about them.",
    subcommands = {MessagesSearchCommand.class})
public final class MessagesCommand {}
