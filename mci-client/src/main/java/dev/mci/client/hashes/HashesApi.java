package dev.mci.client.hashes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.ApiError;
import dev.mci.client.ApiFunctionException;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.Json;
import dev.mci.client.internal.Operation;
import dev.mci.client.internal.Transport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** File-hash search. Obtain it from {@code MimecastClient.hashes()}. Thread-safe; only reads. */
public final class HashesApi {

  /** {@code POST /api/ttp/remediation/search-hash}. */
  static final Operation SEARCH_HASH = Operation.read("/api/ttp/remediation/search-hash");

  /** Hashes sent per call: the documented maximum. */
  public static final int BATCH_SIZE = 100;

  private static final String TOO_LARGE = "err_validation_max_size";
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

  private final Transport transport;

  /** Used by the client; not for direct use. */
  public HashesApi(Transport transport) {
    this.transport = transport;
  }

  /**
   * Asks whether the account has seen each hash in its messages over the last year. Hashes are
   * trimmed, lower-cased and de-duplicated, then sent in batches of {@value #BATCH_SIZE}, one call
   * after another through the client's rate-limit gate; a batch Mimecast refuses as too large is
   * split in halves and retried. Returns exactly one result per input, in input order (duplicates
   * share their answer).
   *
   * @throws InvalidRequestException before any call if an input is not a SHA-256 hash (64 hex
   *     digits); MD5 and SHA-1 hashes are named as such
   */
  public List<HashResult> search(List<String> hashes) {
    List<String> normalised = validate(hashes);
    Map<String, HashResult> answers = new HashMap<>();
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(normalised));
    for (int from = 0; from < unique.size(); from += BATCH_SIZE) {
      searchBatch(unique.subList(from, Math.min(unique.size(), from + BATCH_SIZE)), answers);
    }
    List<HashResult> results = new ArrayList<>(hashes.size());
    for (int i = 0; i < hashes.size(); i++) {
      HashResult answer = answers.get(normalised.get(i));
      results.add(
          new HashResult(hashes.get(i), answer.sha256(), answer.verdict(), answer.explanation()));
    }
    return results;
  }

  private void searchBatch(List<String> batch, Map<String, HashResult> answers) {
    ObjectNode item = Json.object();
    ArrayNode list = item.putArray("hashes");
    batch.forEach(list::add);
    Envelope envelope;
    try {
      envelope = transport.call(SEARCH_HASH, List.of(item));
    } catch (ApiFunctionException e) {
      // The docs warn of a request size limit below 100 hashes; halve rather than give up.
      if (batch.size() > 1 && e.errors().stream().map(ApiError::code).anyMatch(TOO_LARGE::equals)) {
        int half = batch.size() / 2;
        searchBatch(batch.subList(0, half), answers);
        searchBatch(batch.subList(half, batch.size()), answers);
        return;
      }
      throw e;
    }
    Map<String, Boolean> detected = new HashMap<>();
    List<String> failed = new ArrayList<>();
    for (JsonNode result : envelope.data()) {
      for (JsonNode status : Json.elements(result, "hashStatus")) {
        String hash = Json.text(status, "hash");
        if (hash != null) {
          detected.merge(
              hash.strip().toLowerCase(Locale.ROOT),
              Boolean.TRUE.equals(Json.bool(status, "detected")),
              Boolean::logicalOr);
        }
      }
      for (JsonNode hash : Json.elements(result, "failedHashes")) {
        failed.add(hash.asText().strip().toLowerCase(Locale.ROOT));
      }
    }
    for (String hash : batch) {
      answers.put(hash, answer(hash, detected, failed));
    }
  }

  private static HashResult answer(
      String hash, Map<String, Boolean> detected, List<String> failed) {
    if (failed.contains(hash) && !detected.containsKey(hash)) {
      return new HashResult(
          hash,
          hash,
          HashVerdict.UNSUPPORTED,
          "Mimecast could not check this hash (failedHashes): search-hash does not support"
              + " image file hashes, so this does not mean the file was not seen");
    }
    if (Boolean.TRUE.equals(detected.get(hash))) {
      return new HashResult(
          hash, hash, HashVerdict.DETECTED, "seen in the account's messages within the last year");
    }
    return new HashResult(
        hash,
        hash,
        HashVerdict.NOT_DETECTED,
        detected.containsKey(hash)
            ? "not seen in the account's messages within the last year"
            : "not listed by Mimecast, read as not seen in the last year");
  }

  private static List<String> validate(List<String> hashes) {
    String endpoint = SEARCH_HASH.path();
    if (hashes == null) {
      throw new InvalidRequestException(endpoint, "the list of hashes is missing");
    }
    List<String> normalised = new ArrayList<>(hashes.size());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < hashes.size(); i++) {
      String hash = hashes.get(i) == null ? "" : hashes.get(i).strip().toLowerCase(Locale.ROOT);
      normalised.add(hash);
      String problem = problem(hash);
      if (problem != null) {
        problems.add("hashes[" + i + "] " + shown(hashes.get(i)) + " " + problem);
      }
    }
    if (!problems.isEmpty()) {
      String more =
          problems.size() > 1 ? " (and " + (problems.size() - 1) + " more bad inputs)" : "";
      throw new InvalidRequestException(
          endpoint,
          problems.get(0)
              + more
              + "; search-hash takes SHA-256 hashes only: 64 hex digits, e.g. from sha256sum");
    }
    return normalised;
  }

  /** Why a normalised input is not a SHA-256 hash, or null when it is one. */
  private static String problem(String hash) {
    boolean hex = !hash.isEmpty() && HEX.matcher(hash).matches();
    if (hex && hash.length() == 64) {
      return null;
    }
    if (hex && hash.length() == 32) {
      return "looks like an MD5 hash (32 hex digits)";
    }
    if (hex && hash.length() == 40) {
      return "looks like a SHA-1 hash (40 hex digits)";
    }
    if (hex && hash.length() == 128) {
      return "looks like a SHA-512 hash (128 hex digits)";
    }
    return hex ? "has " + hash.length() + " hex digits, not 64" : "is not a hex hash";
  }

  private static String shown(String input) {
    if (input == null) {
      return "(null)";
    }
    return "'" + (input.length() > 80 ? input.substring(0, 80) + "..." : input) + "'";
  }
}
