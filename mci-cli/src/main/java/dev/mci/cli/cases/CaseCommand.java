package dev.mci.cli.cases;

import picocli.CommandLine.Command;

/** {@code mci case}: stored cases, read from their folders without any API call. */
@Command(
    name = "case",
    mixinStandardHelpOptions = true,
    description = "List, show and export stored cases (no API calls).",
    subcommands = {CaseListCommand.class, CaseShowCommand.class, CaseExportCommand.class})
public final class CaseCommand {}
