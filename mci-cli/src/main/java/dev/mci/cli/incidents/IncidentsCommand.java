package dev.mci.cli.incidents;

import picocli.CommandLine.Command;

/** {@code mci incidents}: Threat Remediation incidents (read only). */
@Command(
    name = "incidents",
    mixinStandardHelpOptions = true,
    description = "Read Threat Remediation incidents: what was removed from mailboxes, and why.",
    subcommands = {IncidentsGetCommand.class, IncidentsFindCommand.class})
public final class IncidentsCommand {}
