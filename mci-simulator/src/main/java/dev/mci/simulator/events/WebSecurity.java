package dev.mci.simulator.events;

import dev.mci.simulator.tenant.Mailbox;
import dev.mci.simulator.tenant.MessageUrl;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.User;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The MCI-proposed web security (DNS / proxy) log of reference 05 §7: {@code timestamp}, {@code
 * user}, {@code deviceName}, {@code publicIp}, {@code localIp}, {@code request}, {@code category},
 * {@code action}, {@code policy}. No Mimecast contract for it is known (UNVERIFIED); the field
 * names are MCI's. Users browse the hosts of the tenant's URL catalogue and common sites; risky
 * users who received the planted phish also try its malicious link and are blocked, consistent with
 * the URL Protect story.
 */
final class WebSecurity {

  private static final long SALT = 0x3EB5L;
  private static final String PUBLIC_IP = "198.51.100.7";
  private static final String DEFAULT_POLICY = "Default Web Security Policy";
  private static final String[][] COMMON = {
    {"docs.example", "Business"},
    {"news.example", "News"},
    {"video.example", "Streaming Media"},
    {"social.example", "Social Networking"},
    {"search.example", "Search Engines"},
    {"cdn.example", "Content Delivery Networks"},
    {"weather.example", "News"},
    {"shop.example", "Shopping"}
  };

  private final Tenant tenant;
  private final EventIds ids;
  private final String accountId;
  private final List<String[]> destinations;

  WebSecurity(Tenant tenant, EventIds ids) {
    this.tenant = tenant;
    this.ids = ids;
    this.accountId = tenant.account().accountCode();
    List<String[]> hosts = new ArrayList<>();
    for (String[] common : COMMON) {
      hosts.add(new String[] {common[0], common[1], "false"});
    }
    Set<String> seen = new java.util.HashSet<>();
    for (MessageUrl url : tenant.urls()) {
      String host = URI.create(url.original()).getHost();
      if (host != null && !url.malicious() && seen.add(host)) {
        hosts.add(new String[] {host, url.category(), "false"});
      }
    }
    this.destinations = List.copyOf(hosts);
  }

  /** Everyday browsing, spread evenly in time. */
  EventFeed requests(RateTimeline timeline) {
    List<User> users = tenant.users();
    return new EventFeed() {
      @Override
      public SiemType type() {
        return SiemType.WEB_SECURITY;
      }

      @Override
      public long firstAtOrAfter(long epochMillis) {
        return timeline.firstAtOrAfter(epochMillis);
      }

      @Override
      public SiemEvent event(long index) {
        User user = users.get(ids.draw(SALT, index, 0, users.size()));
        String[] destination = destinations.get(ids.draw(SALT, index, 1, destinations.size()));
        int roll = ids.draw(SALT, index, 2, 100);
        String action = roll < 2 ? "Warning" : roll < 4 ? "Inspect" : "Allow";
        return request(timeline.timeOf(index), user, destination[0], destination[1], action);
      }
    };
  }

  /** Risky recipients of the planted phish following its link minutes later: blocked. */
  EventFeed scenarioVisits() {
    PhishingScenario scenario = tenant.scenario();
    Set<String> risky = tenant.riskyUsers().stream().map(User::address).collect(Collectors.toSet());
    String host = URI.create(scenario.maliciousUrl().original()).getHost();
    List<SiemEvent> visits = new ArrayList<>();
    long received = scenario.received().toEpochMilli();
    int k = 0;
    for (Mailbox recipient : scenario.recipients()) {
      if (!risky.contains(recipient.address())) {
        continue;
      }
      User user = tenant.user(recipient.address()).orElse(null);
      if (user == null) {
        continue;
      }
      long at = received + 300_000L + 180_000L * k++;
      SiemEvent event = request(at, user, host, scenario.maliciousUrl().category(), "Block");
      Map<String, Object> fields = new LinkedHashMap<>(event.fields());
      fields.put("policy", "Block Malicious Sites");
      visits.add(SiemEvent.of(SiemType.WEB_SECURITY, at, fields));
    }
    return new ListFeed(SiemType.WEB_SECURITY, visits);
  }

  private SiemEvent request(long at, User user, String host, String category, String action) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("accountId", accountId);
    f.put("action", action);
    f.put("category", category);
    f.put("deviceName", "LT-" + (1000 + user.index()));
    f.put("localIp", "10.1." + (user.index() / 250) + "." + (user.index() % 250 + 2));
    f.put("policy", DEFAULT_POLICY);
    f.put("publicIp", PUBLIC_IP);
    f.put("request", host);
    f.put("user", user.address());
    return SiemEvent.of(SiemType.WEB_SECURITY, at, f);
  }

  /** A small fixed feed, sorted by time. */
  private record ListFeed(SiemType type, List<SiemEvent> events) implements EventFeed {

    ListFeed {
      events =
          events.stream().sorted((a, b) -> Long.compare(a.timestamp(), b.timestamp())).toList();
    }

    @Override
    public long firstAtOrAfter(long epochMillis) {
      int i = 0;
      while (i < events.size() && events.get(i).timestamp() < epochMillis) {
        i++;
      }
      return i;
    }

    @Override
    public SiemEvent event(long index) {
      return events.get(Math.toIntExact(index));
    }
  }
}
