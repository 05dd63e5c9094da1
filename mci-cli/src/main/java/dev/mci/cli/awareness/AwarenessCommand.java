package dev.mci.cli.awareness;

import picocli.CommandLine.Command;

/** {@code mci awareness}: Awareness Training. */
@Command(
    name = "awareness",
    mixinStandardHelpOptions = true,
    description = {
      "Awareness Training: phishing-simulation results, SAFE scores, training progress and the"
          + " watchlist.",
      "--user takes an address or a display name."
    },
    subcommands = {
      AwarenessPhishingCommand.class,
      AwarenessCampaignsCommand.class,
      AwarenessSafeScoresCommand.class,
      AwarenessPerformanceCommand.class,
      AwarenessTrainingCommand.class,
      AwarenessWatchlistCommand.class
    })
public final class AwarenessCommand {}
