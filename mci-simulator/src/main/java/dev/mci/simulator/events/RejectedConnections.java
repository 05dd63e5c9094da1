package dev.mci.simulator.events;

import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bulk of a real gateway's traffic: connections rejected at SMTP time (reputation lists,
 * unknown recipients, spoofing) before any message exists, so they appear only as receipt events
 * with action {@code Rej}. This feed tops the message-derived events up to the configured volume.
 * Senders come from about 5,000 junk domains and 20,000 botnet addresses in the RFC 2544 benchmark
 * range (198.18.0.0/15), so hunts over a large store stay selective. Stateless and thread-safe.
 */
final class RejectedConnections implements EventFeed {

  private static final long SALT = 0xB07EL;
  private static final String[] STEMS = {
    "promo", "deals", "bonus", "winner", "crypto", "pharma", "loan", "invoice", "parcel", "secure",
    "verify", "reward", "lucky", "offer", "alert"
  };
  private static final String[] LOCALS = {"info", "support", "noreply", "admin", "service", "news"};
  private static final String[][] REASONS = {
    {"RBL", "Sender IP is listed on a reputation block list"},
    {"Invalid Recipient", "Recipient address rejected: user unknown"},
    {"Anti-Spoofing", "Rejected by anti-spoofing policy: internal domain from external source"},
    {"Sender IP Reputation", "Connection refused: poor sender IP reputation"}
  };

  private final EventIds ids;
  private final RateTimeline timeline;
  private final String accountId;
  private final List<User> users;
  private final String primaryDomain;

  RejectedConnections(Tenant tenant, EventIds ids, RateTimeline timeline) {
    this.ids = ids;
    this.timeline = timeline;
    this.accountId = tenant.account().accountCode();
    this.users = tenant.users();
    this.primaryDomain = tenant.internalDomains().get(0).name();
  }

  @Override
  public SiemType type() {
    return SiemType.RECEIPT;
  }

  @Override
  public long firstAtOrAfter(long epochMillis) {
    return timeline.firstAtOrAfter(epochMillis);
  }

  @Override
  public SiemEvent event(long index) {
    long time = timeline.timeOf(index);
    int domainNumber = ids.draw(SALT, index, 0, 5_000);
    String domain = STEMS[domainNumber % STEMS.length] + "-" + domainNumber + ".example";
    String sender = LOCALS[ids.draw(SALT, index, 1, LOCALS.length)] + "@" + domain;
    int host = ids.draw(SALT, index, 2, 20_000);
    String ip = "198.18." + (host / 256) + "." + (host % 256);
    String recipient =
        ids.draw(SALT, index, 3, 10) < 7
            ? users.get(ids.draw(SALT, index, 4, users.size())).address()
            : "user" + ids.draw(SALT, index, 5, 100_000) + "@" + primaryDomain;
    String[] reason = REASONS[ids.draw(SALT, index, 6, REASONS.length)];
    long second = Math.floorDiv(time, 1000);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("accountId", accountId);
    f.put("action", "Rej");
    f.put("subtype", "Rej");
    f.put("aggregateId", ids.aggregateId(SALT, index, second));
    f.put("processingId", ids.processingId(SALT, index, second));
    f.put("direction", "Inbound");
    f.put("messageId", null);
    f.put("numberAttachments", "0");
    f.put("receiptErrors", null);
    f.put("recipients", recipient);
    f.put("rejectionCode", "550");
    f.put("rejectionInfo", reason[1]);
    f.put("rejectionType", reason[0]);
    f.put("senderEnvelope", sender);
    f.put("senderHeader", null);
    f.put("senderIp", ip);
    f.put("spamDetectionLevel", null);
    f.put("spamInfo", "[]");
    f.put("spamProcessingDetail", null);
    f.put("spamScore", null);
    f.put("subject", null);
    f.put("tlsCipher", null);
    f.put("tlsVersion", null);
    f.put("virusFound", null);
    return SiemEvent.of(SiemType.RECEIPT, time, f);
  }
}
