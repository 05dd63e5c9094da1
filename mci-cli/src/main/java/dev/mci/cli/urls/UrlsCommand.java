package dev.mci.cli.urls;

import picocli.CommandLine.Command;

/** {@code mci urls}: URL Protect rewritten links. */
@Command(
    name = "urls",
    mixinStandardHelpOptions = true,
    description = "Work with URLs rewritten by Mimecast URL Protect.",
    subcommands = {UrlsDecodeCommand.class})
public final class UrlsCommand {}
