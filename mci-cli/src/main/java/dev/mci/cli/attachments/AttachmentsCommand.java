package dev.mci.cli.attachments;

import picocli.CommandLine.Command;

/** {@code mci attachments}: take attachments as evidence. */
@Command(
    name = "attachments",
    mixinStandardHelpOptions = true,
    description = "Download attachments of archived messages as evidence.",
    subcommands = {AttachmentsGetCommand.class})
public final class AttachmentsCommand {}
