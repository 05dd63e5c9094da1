package dev.mci.store.testing;

import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.events.EventType;
import dev.mci.store.EventStore;
import dev.mci.store.StoreLocation;
import dev.mci.store.pull.EventPuller;
import dev.mci.store.pull.PullListener;
import dev.mci.store.pull.PullOptions;
import dev.mci.store.pull.PullReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pull in its own JVM, for tests that kill it: {@code PullProcess BASE_URL STORE FOLDER SINCE
 * TYPES} with the API 2.0 client id and secret in {@code MIMECAST_CLIENT_ID} / {@code
 * MIMECAST_CLIENT_SECRET}. Prints one {@code progress N} line per committed file and exits 0 when
 * caught up, 3 when a stream stopped early.
 */
public final class PullProcess {

  private PullProcess() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    StoreLocation location = StoreLocation.parse(args[1]);
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (String name : args[4].split(",")) {
      types.add(EventType.parse(name).orElseThrow());
    }
    PullOptions options =
        PullOptions.builder(Path.of(args[2]))
            .since(Instant.parse(args[3]))
            .types(types)
            .audit(false)
            .pageSize(100)
            .commitEvery(2_000)
            .build();
    try (MimecastClient client =
            MimecastClient.builder()
                .baseUrl(args[0])
                .credentials(
                    new OAuth2Credentials(
                        env.get("MIMECAST_CLIENT_ID"), env.get("MIMECAST_CLIENT_SECRET")))
                .build();
        EventStore store = EventStore.open(location)) {
      List<String> warnings = new ArrayList<>();
      PullReport report =
          new EventPuller(
                  client,
                  store,
                  options,
                  new PullListener() {
                    @Override
                    public void progress(dev.mci.store.pull.PullProgress progress) {
                      System.out.println("progress " + progress.stored());
                    }

                    @Override
                    public void warning(String stream, String message) {
                      warnings.add(stream + ": " + message);
                    }
                  })
              .run();
      System.out.println("done " + report.stored() + " " + report.duplicates());
      warnings.forEach(System.err::println);
      System.exit(report.complete() ? 0 : 3);
    }
  }
}
