package dev.mci.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.hashes.HashResult;
import dev.mci.client.hashes.HashVerdict;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.RecordedRequest;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.tenant.AttachmentFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** File-hash search end to end: verdicts, validation, batching and the rate limit. */
class HashSearchEndToEndTest {
  private static final String SEARCH_HASH = "/api/ttp/remediation/search-hash";

  /** Three requests per ten seconds: a 1,000-hash search must wait between its ten batches. */
  private static final RateLimit QUOTA = RateLimit.of(3, Duration.ofSeconds(10));

  private SimulatedTenant tenant = new SimulatedTenant();

  @AfterEach
  void stop() {
    tenant.close();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private AttachmentFile image() {
    return tenant.server.tenant().attachments().stream()
        .filter(f -> f.contentType().startsWith("image/"))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void answersEveryInputInOrderWithTheRightVerdict(SimulatedTenant.Generation generation) {
    String phish = tenant.server.tenant().scenario().attachmentSha256();
    String unknown = sha256("never attached");
    List<String> inputs =
        List.of(phish.toUpperCase(), unknown, " " + phish + " ", image().sha256());

    List<HashResult> results;
    try (MimecastClient client = tenant.client(generation)) {
      results = client.hashes().search(inputs);
    }

    assertThat(results).extracting(HashResult::input).containsExactlyElementsOf(inputs);
    assertThat(results)
        .extracting(HashResult::verdict)
        .containsExactly(
            HashVerdict.DETECTED,
            HashVerdict.NOT_DETECTED,
            HashVerdict.DETECTED,
            HashVerdict.UNSUPPORTED);
    assertThat(results.get(0).sha256()).isEqualTo(phish);
    assertThat(results.get(3).explanation()).contains("image file hashes");
    // The duplicate went once: one call, three distinct hashes.
    assertThat(tenant.server.requests().count(SEARCH_HASH)).isEqualTo(1);
  }

  @Test
  void md5AndSha1AreRefusedBeforeAnyCall() {
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_1_HMAC)) {
      assertThatThrownBy(
              () ->
                  client.hashes().search(List.of(sha256("x"), "d41d8cd98f00b204e9800998ecf8427e")))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("hashes[1]")
          .hasMessageContaining("looks like an MD5 hash")
          .hasMessageContaining("SHA-256 hashes only");
      assertThatThrownBy(
              () -> client.hashes().search(List.of("da39a3ee5e6b4b0d3255bfef95601890afd80709")))
          .hasMessageContaining("looks like a SHA-1 hash");
      assertThatThrownBy(() -> client.hashes().search(List.of("not a hash")))
          .hasMessageContaining("is not a hex hash");
    }
    assertThat(tenant.server.requests().all()).isEmpty();
  }

  @Test
  void aBatchRefusedAsTooLargeIsSplitAndRetried() {
    tenant
        .server
        .faults()
        .enqueue(
            SEARCH_HASH,
            ScriptedFault.functionError("err_validation_max_size", "Request too large", false));
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      inputs.add(sha256("file " + i));
    }

    List<HashResult> results;
    try (MimecastClient client = tenant.client(SimulatedTenant.Generation.API_1_HMAC)) {
      results = client.hashes().search(inputs);
    }

    assertThat(results).hasSize(100).allMatch(r -> r.verdict() == HashVerdict.NOT_DETECTED);
    assertThat(tenant.server.requests().count(SEARCH_HASH)).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void aThousandHashesFinishWithEveryAnswerWithinTheQuota(SimulatedTenant.Generation generation) {
    tenant.close();
    tenant = new SimulatedTenant(config -> config.rateLimit(QUOTA));
    List<AttachmentFile> files = tenant.server.tenant().attachments();
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      inputs.add(i % 10 == 0 ? files.get(i / 10 % files.size()).sha256() : sha256("unseen " + i));
    }
    Instant started = tenant.clock.instant();

    List<HashResult> results;
    try (MimecastClient client = tenant.client(generation)) {
      results = client.hashes().search(inputs);
    }

    assertThat(results).hasSize(1_000);
    for (int i = 0; i < 1_000; i++) {
      HashResult result = results.get(i);
      assertThat(result.input()).isEqualTo(inputs.get(i));
      if (i % 10 != 0) {
        assertThat(result.verdict()).isEqualTo(HashVerdict.NOT_DETECTED);
      } else {
        AttachmentFile file = files.get(i / 10 % files.size());
        HashVerdict expected =
            file.contentType().startsWith("image/")
                ? HashVerdict.UNSUPPORTED
                : tenant.server.tenant().activity().seenInMessages(file)
                    ? HashVerdict.DETECTED
                    : HashVerdict.NOT_DETECTED;
        assertThat(result.verdict()).as("hash %d", i).isEqualTo(expected);
      }
    }
    List<RecordedRequest> requests = tenant.server.requests().all();
    assertThat(requests).noneMatch(r -> r.status() == 429);
    List<RecordedRequest> searches =
        requests.stream().filter(r -> r.path().equals(SEARCH_HASH)).toList();
    assertThat(searches).hasSize(10).allMatch(r -> r.status() == 200);
    // A token bucket of 3 refilled at 3 per 10 s: no span of time holds more than 3 + its refill.
    for (int a = 0; a < requests.size(); a++) {
      for (int b = a; b < requests.size(); b++) {
        Duration span = Duration.between(requests.get(a).time(), requests.get(b).time());
        long allowed = 3 + span.toMillis() * 3 / 10_000;
        assertThat((long) (b - a + 1)).as("requests %d..%d", a, b).isLessThanOrEqualTo(allowed);
      }
    }
    assertThat(Duration.between(started, tenant.clock.instant()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(20));
  }
}
