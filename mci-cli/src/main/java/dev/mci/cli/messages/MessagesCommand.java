package dev.mci.cli.messages;

import picocli.CommandLine.Command;

/** {@code mci messages}: find and read messages. */
@Command(
    name = "messages",
    mixinStandardHelpOptions = true,
    description =
        "Find messages (Message Finder, the archive) and read what Mimecast knows about them.",
    subcommands = {
      MessagesSearchCommand.class,
      MessagesHeldCommand.class,
      MessagesArchiveSearchCommand.class,
      MessagesListCommand.class,
      MessagesInfoCommand.class,
      MessagesDetailCommand.class,
      MessagesPartCommand.class,
      MessagesShowCommand.class,
      MessagesDiffCommand.class
    })
public final class MessagesCommand {}
