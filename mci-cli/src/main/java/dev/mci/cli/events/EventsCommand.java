package dev.mci.cli.events;

import picocli.CommandLine.Command;

/** {@code mci events}: pull SIEM and audit events into the local store. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Pull SIEM events (receipt, process, delivery, protect logs ...) and audit events into the"
          + " local event store, where 'mci hunt' searches them.",
      "Web security logs have no verified Mimecast API: the 'web-security' type is MCI's proposal"
          + " and works against the MCI simulator only."
    },
    subcommands = {EventsPullCommand.class, EventsStatusCommand.class})
public final class EventsCommand {}
