package dev.mci.cli.logs;

import picocli.CommandLine.Command;

/** {@code mci logs}: what each protection layer and the gateway saw. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Pull protection and gateway logs: URL Protect clicks, Impersonation and Attachment Protect,",
      "held-message releases and rejections, and gateway rejections. Rows stream as they arrive",
      "(use --format ndjson for large pulls)."
    },
    subcommands = {
      LogsUrlsCommand.class,
      LogsImpersonationCommand.class,
      LogsAttachmentsCommand.class,
      LogsReleasesCommand.class,
      LogsRejectionsCommand.class
    })
public final class LogsCommand {}
