package dev.mci.cli.hunt;

import picocli.CommandLine.Command;

/** {@code mci hunt}: search the event store. */
@Command(
    name = "hunt",
    mixinStandardHelpOptions = true,
    description = {
      "Search the events pulled with 'mci events pull', across every stored log type.",
      "Canned hunts look an indicator up in every column that can hold it; 'hunt sql' runs your own"
          + " SELECT on a read-only connection (table mci_events)."
    },
    subcommands = {
      HuntSqlCommand.class,
      HuntSenderCommand.class,
      HuntDomainCommand.class,
      HuntIpCommand.class,
      HuntHashCommand.class,
      HuntUserCommand.class
    })
public final class HuntCommand {}
