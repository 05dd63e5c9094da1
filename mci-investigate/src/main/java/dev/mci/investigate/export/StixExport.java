package dev.mci.investigate.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseAttachment;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseUrl;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A STIX 2.1 bundle of a case: one {@code indicator} per indicator of compromise (the investigated
 * indicator, and for message-centred cases the external senders, their domains, the sending IPs,
 * the URLs and the attachment hashes), and one {@code observed-data} per message with its {@code
 * email-message}, {@code email-addr} and IP objects (plus one for the URLs and files).
 *
 * <p>Ids are deterministic, so exporting a case twice gives the same bundle: cyber-observable ids
 * follow STIX 2.1 §2.9 (UUIDv5 of the id-contributing properties in the STIX namespace); other ids
 * are UUIDv5 of their content in a namespace derived from the case id.
 */
final class StixExport {

  /** The namespace STIX 2.1 prescribes for deterministic cyber-observable ids. */
  static final UUID STIX_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

  /** MCI's own namespace: UUIDv5 of the name "mci.dev" in the RFC 4122 DNS namespace. */
  static final UUID MCI_NAMESPACE =
      v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "mci.dev");

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private StixExport() {}

  static String render(Case model) {
    Bundle bundle = new Bundle(model);
    bundle.build();
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundle.root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the STIX bundle", e);
    }
  }

  /** The bundle under construction. */
  private static final class Bundle {
    private final Case model;
    private final UUID namespace;
    private final String created;
    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode objects;
    private final Set<String> ids = new LinkedHashSet<>();

    Bundle(Case model) {
      this.model = model;
      this.namespace = v5(MCI_NAMESPACE, model.id());
      Instant when = model.completedAt() != null ? model.completedAt() : model.createdAt();
      this.created = TIMESTAMP.format(when);
      root.put("type", "bundle");
      root.put("id", "bundle--" + v5(namespace, "bundle"));
      this.objects = root.putArray("objects");
    }

    void build() {
      indicators();
      Map<String, List<CaseMessage>> messages = new LinkedHashMap<>();
      for (CaseMessage copy : model.data().messages()) {
        String key =
            copy.sender().address() + "\u0000" + copy.subject() + "\u0000" + copy.received();
        messages.computeIfAbsent(key, k -> new ArrayList<>()).add(copy);
      }
      messages.values().forEach(this::observedMessage);
      observedArtifacts();
    }

    private void indicators() {
      Map<String, String[]> iocs = new LinkedHashMap<>();
      Indicator investigated = model.indicator();
      String primary = pattern(investigated.type(), investigated.value());
      if (primary != null) {
        iocs.put(
            primary,
            new String[] {
              "Investigated " + investigated.type().description(), investigated.value()
            });
      }
      if (investigated.type() != IndicatorType.USER_ADDRESS) {
        for (CaseMessage copy : model.data().located()) {
          Address sender = copy.sender();
          if (!sender.address().isEmpty() && !model.data().isInternal(sender.domain())) {
            iocs.putIfAbsent(
                pattern(IndicatorType.SENDER_ADDRESS, sender.address()),
                new String[] {"Sender address", sender.address()});
            iocs.putIfAbsent(
                pattern(IndicatorType.SENDER_DOMAIN, sender.domain()),
                new String[] {"Sender domain", sender.domain()});
            if (copy.senderIp() != null && !copy.senderIp().isBlank()) {
              iocs.putIfAbsent(
                  pattern(IndicatorType.SENDING_IP, copy.senderIp()),
                  new String[] {"Sending IP", copy.senderIp()});
            }
          }
        }
        for (CaseUrl url : model.data().urls()) {
          iocs.putIfAbsent(pattern(IndicatorType.URL, url.url()), new String[] {"URL", url.url()});
        }
        for (CaseAttachment attachment : model.data().attachments()) {
          iocs.putIfAbsent(
              pattern(IndicatorType.SHA256, attachment.sha256()),
              new String[] {"Attachment " + attachment.fileName(), attachment.sha256()});
        }
      }
      for (Map.Entry<String, String[]> ioc : iocs.entrySet()) {
        ObjectNode indicator = sdo("indicator", "indicator:" + ioc.getKey());
        indicator.put("name", ioc.getValue()[0] + ": " + ioc.getValue()[1]);
        indicator.put("description", "From MCI case " + model.id());
        indicator.putArray("indicator_types").add("unknown");
        indicator.put("pattern", ioc.getKey());
        indicator.put("pattern_type", "stix");
        indicator.put("pattern_version", "2.1");
        indicator.put("valid_from", TIMESTAMP.format(model.createdAt()));
        add(indicator);
      }
    }

    private void observedMessage(List<CaseMessage> copies) {
      CaseMessage first = copies.get(0);
      List<String> refs = new ArrayList<>();
      String from = emailAddress(first.sender());
      List<String> to = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (CaseMessage copy : copies) {
        for (Address recipient : copy.to()) {
          if (!recipient.address().isEmpty() && seen.add(recipient.address())) {
            to.add(emailAddress(recipient));
          }
        }
      }
      Map<String, String> contributing = new TreeMap<>();
      if (from != null) {
        contributing.put("from_ref", from);
      }
      if (first.subject() != null) {
        contributing.put("subject", first.subject());
      }
      ObjectNode message = sco("email-message", contributing);
      message.put("is_multipart", Boolean.TRUE.equals(first.hasAttachments()));
      if (first.received() != null) {
        message.put("date", TIMESTAMP.format(first.received()));
      }
      if (from != null) {
        message.put("from_ref", from);
      }
      if (!to.isEmpty()) {
        ArrayNode toRefs = message.putArray("to_refs");
        to.forEach(toRefs::add);
      }
      if (first.subject() != null) {
        message.put("subject", first.subject());
      }
      refs.add(add(message));
      if (from != null) {
        refs.add(from);
      }
      refs.addAll(to);
      String ip = ipAddress(first.senderIp());
      if (ip != null) {
        refs.add(ip);
      }
      Instant firstSeen =
          copies.stream()
              .map(CaseMessage::received)
              .filter(t -> t != null)
              .min(Comparator.naturalOrder())
              .orElse(model.createdAt());
      Instant lastSeen =
          copies.stream()
              .map(CaseMessage::received)
              .filter(t -> t != null)
              .max(Comparator.naturalOrder())
              .orElse(firstSeen);
      observed("message:" + first.id(), firstSeen, lastSeen, copies.size(), refs);
    }

    private void observedArtifacts() {
      List<String> refs = new ArrayList<>();
      for (CaseUrl url : model.data().urls()) {
        ObjectNode node = sco("url", new TreeMap<>(Map.of("value", url.url())));
        node.put("value", url.url());
        refs.add(add(node));
      }
      for (CaseAttachment attachment : model.data().attachments()) {
        Map<String, Object> contributing = new TreeMap<>();
        contributing.put("hashes", new TreeMap<>(Map.of("SHA-256", attachment.sha256())));
        ObjectNode file = sco("file", contributing);
        file.putObject("hashes").put("SHA-256", attachment.sha256());
        if (attachment.fileName() != null) {
          file.put("name", attachment.fileName());
        }
        if (attachment.size() != null) {
          file.put("size", attachment.size());
        }
        refs.add(add(file));
      }
      if (!refs.isEmpty()) {
        observed("artifacts", model.createdAt(), model.createdAt(), 1, refs);
      }
    }

    private void observed(String key, Instant first, Instant last, int count, List<String> refs) {
      ObjectNode observed = sdo("observed-data", "observed-data:" + key);
      observed.put("first_observed", TIMESTAMP.format(first));
      observed.put("last_observed", TIMESTAMP.format(last));
      observed.put("number_observed", Math.max(1, count));
      ArrayNode objectRefs = observed.putArray("object_refs");
      new LinkedHashSet<>(refs).forEach(objectRefs::add);
      add(observed);
    }

    private String emailAddress(Address address) {
      if (address == null || address.address().isEmpty()) {
        return null;
      }
      ObjectNode node = sco("email-addr", new TreeMap<>(Map.of("value", address.address())));
      node.put("value", address.address());
      if (address.displayName() != null && !address.displayName().isBlank()) {
        node.put("display_name", address.displayName());
      }
      return add(node);
    }

    private String ipAddress(String ip) {
      if (ip == null || ip.isBlank()) {
        return null;
      }
      String type = ip.contains(":") ? "ipv6-addr" : "ipv4-addr";
      ObjectNode node = sco(type, new TreeMap<>(Map.of("value", ip)));
      node.put("value", ip);
      return add(node);
    }

    private ObjectNode sdo(String type, String key) {
      ObjectNode node = JSON.createObjectNode();
      node.put("type", type);
      node.put("spec_version", "2.1");
      node.put("id", type + "--" + v5(namespace, key));
      node.put("created", created);
      node.put("modified", created);
      return node;
    }

    private ObjectNode sco(String type, Map<String, ?> contributing) {
      ObjectNode node = JSON.createObjectNode();
      node.put("type", type);
      node.put("spec_version", "2.1");
      try {
        node.put("id", type + "--" + v5(STIX_NAMESPACE, JSON.writeValueAsString(contributing)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return node;
    }

    /** Adds the object once (a recipient of several messages is one object); returns its id. */
    private String add(ObjectNode node) {
      String id = node.get("id").asText();
      if (ids.add(id)) {
        objects.add(node);
      }
      return id;
    }
  }

  /** A STIX comparison expression for the value, or null for types STIX has no object for. */
  static String pattern(IndicatorType type, String value) {
    String quoted = "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    return switch (type) {
      case SENDER_ADDRESS, USER_ADDRESS -> "[email-addr:value = " + quoted + "]";
      case SENDER_DOMAIN -> "[domain-name:value = " + quoted + "]";
      case SENDING_IP ->
          "[" + (value.contains(":") ? "ipv6-addr" : "ipv4-addr") + ":value = " + quoted + "]";
      case SHA256 -> "[file:hashes.'SHA-256' = " + quoted + "]";
      case URL, REWRITTEN_URL -> "[url:value = " + quoted + "]";
      case MESSAGE_ID_HEADER -> "[email-message:message_id = " + quoted + "]";
      case MIMECAST_ID -> null;
    };
  }

  /** A name-based UUID, version 5 (SHA-1), as RFC 4122 §4.3 defines it. */
  static UUID v5(UUID namespace, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(
          ByteBuffer.allocate(16)
              .putLong(namespace.getMostSignificantBits())
              .putLong(namespace.getLeastSignificantBits())
              .array());
      byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
      hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
      ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
      return new UUID(bytes.getLong(), bytes.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available in this JVM", e);
    }
  }
}
