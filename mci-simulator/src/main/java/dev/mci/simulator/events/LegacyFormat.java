package dev.mci.simulator.events;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The API 1.0 spelling of an event (reference 05 §2.4): every line has {@code acc}, {@code
 * datetime} and usually {@code aCode}; the rest are renamed per log type ({@code senderEnvelope}
 * becomes {@code Sender}, {@code recipients} becomes {@code Rcpt} or {@code Recipient}, URL Protect
 * keeps lower-case keys). Numeric fields are JSON numbers in 1.0 files, {@code Delivered} is a real
 * boolean and {@code SpamProcessingDetail} an object, as the reference records.
 */
final class LegacyFormat {

  private static final Map<SiemType, Map<String, String>> NAMES = new EnumMap<>(SiemType.class);
  private static final Set<String> NUMBERS =
      Set.of("SpamScore", "SpamLimit", "AttCnt", "AttSize", "MsgSize", "Latency", "Snt", "Attempt");

  static {
    Map<String, String> receipt = new LinkedHashMap<>();
    receipt.put("action", "Act");
    receipt.put("direction", "Dir");
    receipt.put("senderIp", "IP");
    receipt.put("messageId", "MsgId");
    receipt.put("subject", "Subject");
    receipt.put("senderHeader", "headerFrom");
    receipt.put("senderEnvelope", "Sender");
    receipt.put("recipients", "Rcpt");
    receipt.put("spamInfo", "SpamInfo");
    receipt.put("spamDetectionLevel", "SpamLimit");
    receipt.put("spamScore", "SpamScore");
    receipt.put("spamProcessingDetail", "SpamProcessingDetail");
    receipt.put("tlsVersion", "TlsVer");
    receipt.put("tlsCipher", "Cphr");
    receipt.put("rejectionType", "RejType");
    receipt.put("rejectionCode", "RejCode");
    receipt.put("rejectionInfo", "RejInfo");
    receipt.put("receiptErrors", "Error");
    receipt.put("virusFound", "Virus");
    NAMES.put(SiemType.RECEIPT, receipt);

    Map<String, String> process = new LinkedHashMap<>();
    process.put("action", "Act");
    process.put("numberAttachments", "AttCnt");
    process.put("attachments", "AttNames");
    process.put("totalSizeAttachments", "AttSize");
    process.put("emailSize", "MsgSize");
    process.put("messageId", "MsgId");
    process.put("holdReason", "Hld");
    process.put("subject", "Subject");
    process.put("senderEnvelope", "Sender");
    NAMES.put(SiemType.PROCESS, process);

    Map<String, String> delivery = new LinkedHashMap<>();
    delivery.put("deliveryAttempts", "Attempt");
    delivery.put("delivered", "Delivered");
    delivery.put("deliveryErrors", "Err");
    delivery.put("deliveryTime", "Latency");
    delivery.put("Hostname", "ReceiptAck");
    delivery.put("route", "Route");
    delivery.put("emailSize", "Snt");
    delivery.put("tlsUsed", "UseTls");
    delivery.put("destinationIp", "IP");
    delivery.put("direction", "Dir");
    delivery.put("messageId", "MsgId");
    delivery.put("recipients", "Rcpt");
    delivery.put("senderEnvelope", "Sender");
    delivery.put("subject", "Subject");
    delivery.put("tlsVersion", "TlsVer");
    delivery.put("tlsCipher", "Cphr");
    delivery.put("numberAttachments", "AttCnt");
    delivery.put("totalSizeAttachments", "AttSize");
    delivery.put("rejectionType", "RejType");
    delivery.put("rejectionCode", "RejCode");
    delivery.put("rejectionInfo", "RejInfo");
    NAMES.put(SiemType.DELIVERY, delivery);

    Map<String, String> file = new LinkedHashMap<>();
    file.put("senderIp", "IP");
    file.put("messageId", "MsgId");
    file.put("recipients", "Recipient");
    file.put("senderEnvelope", "Sender");
    file.put("senderDomain", "SenderDomain");
    file.put("senderDomainInternal", "SenderDomainInternal");
    file.put("subject", "Subject");
    file.put("fileExtension", "fileExt");
    file.put("fileName", "fileName");
    file.put("md5", "md5");
    file.put("sha1", "sha1");
    file.put("sha256", "sha256");
    NAMES.put(SiemType.AV, file);
    NAMES.put(SiemType.ATTACHMENT_PROTECT, file);

    Map<String, String> spam = new LinkedHashMap<>();
    spam.put("messageId", "MsgId");
    spam.put("recipients", "Recipient");
    spam.put("route", "Route");
    spam.put("senderEnvelope", "Sender");
    spam.put("senderDomain", "SenderDomain");
    spam.put("senderIp", "SourceIP");
    spam.put("subject", "Subject");
    spam.put("senderHeader", "headerFrom");
    NAMES.put(SiemType.SPAM, spam);

    Map<String, String> internal = new LinkedHashMap<>();
    internal.put("messageId", "MsgId");
    internal.put("recipients", "Recipient");
    internal.put("route", "Route");
    internal.put("senderEnvelope", "Sender");
    internal.put("subject", "Subject");
    internal.put("scanResults", "ScanResultInfo");
    internal.put("url", "URL");
    internal.put("urlCategory", "UrlCategory");
    NAMES.put(SiemType.INTERNAL_EMAIL_PROTECT, internal);

    Map<String, String> impersonation = new LinkedHashMap<>();
    impersonation.put("action", "Action");
    impersonation.put("policyDefinition", "Definition");
    impersonation.put("newDomain", "NewDomain");
    impersonation.put("taggedExternal", "TaggedExternal");
    impersonation.put("taggedMalicious", "TaggedMalicious");
    impersonation.put("senderIp", "IP");
    impersonation.put("messageId", "MsgId");
    impersonation.put("recipients", "Recipient");
    impersonation.put("route", "Route");
    impersonation.put("senderEnvelope", "Sender");
    impersonation.put("subject", "Subject");
    NAMES.put(SiemType.IMPERSONATION_PROTECT, impersonation);

    Map<String, String> url = new LinkedHashMap<>();
    url.put("blockReason", "reason");
    url.put("recipients", "recipient");
    url.put("route", "route");
    url.put("sender", "sender");
    url.put("senderEnvelope", "sender");
    url.put("senderDomain", "senderDomain");
    url.put("sourceIp", "sourceIp");
    url.put("url", "url");
    url.put("urlCategory", "urlCategory");
    NAMES.put(SiemType.URL_PROTECT, url);

    Map<String, String> journal = new LinkedHashMap<>();
    journal.put("direction", "Dir");
    journal.put("recipients", "Rcpt");
    journal.put("messageId", "MsgId");
    journal.put("senderEnvelope", "Sender");
    journal.put("subject", "Subject");
    NAMES.put(SiemType.JOURNAL, journal);
  }

  private LegacyFormat() {}

  /** The 1.0 fields of an event, in file order. */
  static Map<String, Object> fields(SiemEvent event) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("acc", event.fields().get("accountId"));
    out.put("datetime", EventWriter.legacyTime(event.timestamp()));
    String aCode = EventIds.aCode(event.text("aggregateId"));
    if (aCode != null) {
      out.put("aCode", aCode);
    }
    for (Map.Entry<String, String> name : NAMES.getOrDefault(event.type(), Map.of()).entrySet()) {
      if (!event.fields().containsKey(name.getKey())) {
        continue;
      }
      out.put(name.getValue(), convert(name.getValue(), event.fields().get(name.getKey())));
    }
    if (event.type() == SiemType.PROCESS) {
      // Impersonation indicators ride on process lines as string flags in 1.0 files.
      for (String flag :
          new String[] {
            "IPInternalName", "IPNewDomain", "IPReplyMismatch", "IPSimilarDomain", "IPThreadDict"
          }) {
        out.put(flag, "false");
      }
    }
    return out;
  }

  private static Object convert(String legacyName, Object value) {
    if (value == null) {
      return null;
    }
    if (NUMBERS.contains(legacyName)) {
      try {
        return Long.parseLong(value.toString());
      } catch (NumberFormatException notANumber) {
        return value;
      }
    }
    if (legacyName.equals("Delivered")) {
      return Boolean.parseBoolean(value.toString());
    }
    if (legacyName.equals("SpamProcessingDetail")) {
      return new RawJson(value.toString());
    }
    return value;
  }

  /** A JSON text written as is (the 1.0 {@code SpamProcessingDetail} object). */
  record RawJson(String json) {
    @Override
    public String toString() {
      return json;
    }
  }
}
