package dev.mci.bench;

import dev.mci.store.EventStore;
import dev.mci.store.HuntKind;
import dev.mci.store.HuntQuery;
import dev.mci.store.HuntResult;
import dev.mci.store.SqlResult;
import dev.mci.store.StoreLocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canned hunts over a large store (the one {@link EventPullBench} fills): each hunt runs on a
 * fresh read-only connection, as {@code mci hunt} does, with the CLI's default limit of 1,000 rows,
 * newest first, plus the total count when the limit cuts the result. The indicators are picked from
 * the store through its indexes: a sender, domain, IP and user in the middle of their index, the
 * busiest internal user, and a SHA-256.
 *
 * <pre>
 * java -cp "mci-bench/target/classes:$(cat mci-bench/target/classpath.txt)" \
 *     dev.mci.bench.HuntBench /tmp/mci-bench/events-10m.db [RUNS]
 * </pre>
 */
public final class HuntBench {

  private HuntBench() {}

  public static void main(String[] args) {
    StoreLocation location =
        StoreLocation.parse(args.length > 0 ? args[0] : "/tmp/mci-bench/events-10m.db");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Map<String, HuntQuery> hunts = new LinkedHashMap<>();
    try (EventStore store = EventStore.openReadOnly(location)) {
      System.out.printf("store %s holds %,d events%n", location, store.count());
      hunts.put("sender", query(HuntKind.SENDER, pick(store, "sender")));
      hunts.put("domain", query(HuntKind.DOMAIN, pick(store, "domain")));
      hunts.put("ip", query(HuntKind.IP, pick(store, "ip")));
      hunts.put("hash", query(HuntKind.HASH, pick(store, "sha256")));
      hunts.put("user", query(HuntKind.USER, pick(store, "user_address")));
      hunts.put("user (busiest)", query(HuntKind.USER, busiestUser(store)));
    }
    for (Map.Entry<String, HuntQuery> hunt : hunts.entrySet()) {
      long[] millis = new long[runs];
      HuntResult result = null;
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        try (EventStore store = EventStore.openReadOnly(location)) {
          result = store.hunt(hunt.getValue());
        }
        millis[i] = (System.nanoTime() - start) / 1_000_000;
      }
      long[] sorted = millis.clone();
      Arrays.sort(sorted);
      System.out.printf(
          "hunt %-15s %-40s rows %,6d of %,9d  first %,6d ms  median %,6d ms  max %,6d ms%n",
          hunt.getKey(),
          hunt.getValue().value(),
          result.rows().size(),
          result.total(),
          millis[0],
          sorted[runs / 2],
          sorted[runs - 1]);
    }
  }

  private static HuntQuery query(HuntKind kind, String value) {
    return new HuntQuery(kind, value, null, null, 1_000);
  }

  /** A value from the middle of a column's index (an indexed walk, no table scan). */
  private static String pick(EventStore store, String column) {
    List<String> values = new ArrayList<>();
    String sql =
        "SELECT "
            + column
            + " FROM mci_events WHERE "
            + column
            + " IS NOT NULL ORDER BY "
            + column
            + " LIMIT 1 OFFSET 1000";
    try (SqlResult result = store.sql(sql, 1)) {
      result.forEach(row -> values.add(String.valueOf(row.get(0))));
    }
    if (values.isEmpty()) {
      try (SqlResult result =
          store.sql(
              "SELECT " + column + " FROM mci_events WHERE " + column + " IS NOT NULL LIMIT 1",
              1)) {
        result.forEach(row -> values.add(String.valueOf(row.get(0))));
      }
    }
    return values.isEmpty() ? "none@example.invalid" : values.get(0);
  }

  /** The internal user with the most events: the worst case of a user hunt. */
  private static String busiestUser(EventStore store) {
    String user = pick(store, "user_address");
    String domain = user.substring(user.indexOf('@') + 1);
    List<String> candidates = new ArrayList<>();
    try (SqlResult result =
        store.sql(
            "SELECT DISTINCT user_address FROM mci_events WHERE user_address >= 'a' AND"
                + " user_address < 'b' AND user_address LIKE '%@"
                + domain
                + "' LIMIT 3",
            3)) {
      result.forEach(row -> candidates.add(String.valueOf(row.get(0))));
    }
    return candidates.isEmpty() ? user : candidates.get(0);
  }
}
