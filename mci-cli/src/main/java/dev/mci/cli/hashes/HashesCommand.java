package dev.mci.cli.hashes;

import picocli.CommandLine.Command;

/** {@code mci hashes}: file hashes. */
@Command(
    name = "hashes",
    mixinStandardHelpOptions = true,
    description = "Ask whether the account has seen files, by SHA-256.",
    subcommands = {HashesSearchCommand.class})
public final class HashesCommand {}
