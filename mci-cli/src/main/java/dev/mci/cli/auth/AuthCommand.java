package dev.mci.cli.auth;

import picocli.CommandLine.Command;

/** {@code mci auth}: check the configured credentials. */
@Command(
    name = "auth",
    mixinStandardHelpOptions = true,
    description = "Check Mimecast credentials.",
    subcommands = {AuthCheckCommand.class})
public final class AuthCommand {}
