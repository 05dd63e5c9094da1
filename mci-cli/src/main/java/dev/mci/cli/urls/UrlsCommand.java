package dev.mci.cli.urls;

import picocli.CommandLine.Command;

/** {@code mci urls}: URL Protect rewritten links. */
@Command(
    name = "urls",
    mixinStandardHelpOptions = true,
    description = "URL Protect: decode rewritten links, list managed URL overrides.",
    subcommands = {UrlsDecodeCommand.class, UrlsManagedCommand.class})
public final class UrlsCommand {}
