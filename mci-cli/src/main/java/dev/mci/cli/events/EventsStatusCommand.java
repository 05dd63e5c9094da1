package dev.mci.cli.events;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.store.Checkpoint;
import dev.mci.store.EventStore;
import dev.mci.store.StoreException;
import dev.mci.store.StoreLocation;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mci events status}: what the store holds and where each stream stopped. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show each stream's checkpoint, the number of stored events and quarantined files.")
public final class EventsStatusCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin StoreOption storeOption;

  public EventsStatusCommand(CliContext context) {
    this.context = context;
  }

  /** One row of the status table. */
  public record StreamStatus(String stream, long events, Instant updated, boolean positioned) {}

  @Override
  public Integer call() {
    StoreLocation location = storeOption.location(context.environment());
    try (EventStore store = EventStore.openReadOnly(location)) {
      List<StreamStatus> rows =
          store.checkpoints().stream()
              .map(
                  (Checkpoint c) ->
                      new StreamStatus(c.stream(), c.events(), c.updated(), c.cursor().isPresent()))
              .toList();
      context.output().rows(COLUMNS, rows);
      context
          .err()
          .printf(
              "mci: %,d events stored, %d files quarantined, store %s%n",
              store.count(), store.quarantined().size(), location);
      context.err().flush();
      return ExitCode.OK;
    } catch (StoreException e) {
      throw StoreOption.problem(e);
    }
  }

  static final List<Column<StreamStatus>> COLUMNS =
      List.of(
          Column.of("stream", StreamStatus::stream),
          Column.of("events", StreamStatus::events),
          Column.of("updated", StreamStatus::updated),
          Column.of("positioned", StreamStatus::positioned));
}
