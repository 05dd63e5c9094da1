package dev.mci.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mci.client.HmacCredentials;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.evidence.EvidenceWriter;
import dev.mci.client.evidence.SavedEvidence;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.messages.SyntheticFiles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Downloads one large synthetic attachment from an in-process simulator with MCI (get-file, then
 * the API 2.0 pre-signed URL, streamed to disk through SHA-256 by {@link EvidenceWriter}) and with
 * {@code curl} fetching the same pre-signed URL, alternating, in the same run; then reports the
 * throughput of each, their ratio, and the JVM's peak heap. The simulator streams the file from one
 * seeded 1 MiB block, so neither side holds it in memory. Run by hand (see BENCHMARKS.md):
 *
 * <pre>
 * java -Xmx64m -cp "mci-bench/target/classes:$(cat classpath.txt)" \
 *     dev.mci.bench.AttachmentDownloadBench [bytes=1073741824] [rounds=3] [folder=tmp]
 * </pre>
 */
public final class AttachmentDownloadBench {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AttachmentDownloadBench() {}

  public static void main(String[] args) throws Exception {
    long size = args.length > 0 ? Long.parseLong(args[0]) : 1L << 30;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path folder =
        args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("mci-download-bench-");
    Files.createDirectories(folder);
    SimulatorConfig config =
        SimulatorConfig.builder().rateLimit(RateLimit.of(100_000, Duration.ofMinutes(1))).build();
    try (SimulatorServer server = SimulatorServer.start(config)) {
      String id = SyntheticFiles.id(server.tenant(), size);
      SimulatorCredentials sim = server.credentials();
      String expected;
      try (InputStream content = SyntheticFiles.content(server.tenant(), size)) {
        expected = sha256(content);
      }
      List<Double> mci2 = new ArrayList<>();
      List<Double> mci1 = new ArrayList<>();
      List<Double> curl = new ArrayList<>();
      try (MimecastClient v2 =
              MimecastClient.builder()
                  .baseUrl(server.baseUrl())
                  .credentials(new OAuth2Credentials(sim.clientId(), sim.clientSecret()))
                  .build();
          MimecastClient v1 =
              MimecastClient.builder()
                  .baseUrl(server.baseUrlV1())
                  .credentials(
                      new HmacCredentials(
                          sim.appId(), sim.appKey(), sim.accessKey(), sim.secretKey()))
                  .build()) {
        // One small warm-up of every path, so JIT and connection set-up are not measured.
        download(v2, SyntheticFiles.id(server.tenant(), 64L << 20), folder, null);
        curl(
            presignedUrl(server, SyntheticFiles.id(server.tenant(), 64L << 20)),
            folder.resolve("warm.bin"),
            64L << 20);
        for (int round = 1; round <= rounds; round++) {
          curl.add(curl(presignedUrl(server, id), folder.resolve("curl.bin"), size));
          mci2.add(download(v2, id, folder, expected));
          mci1.add(download(v1, id, folder, expected));
          System.out.printf(
              Locale.ROOT,
              "round %d: curl %.0f MB/s, mci (API 2.0, pre-signed URL) %.0f MB/s, mci (API 1.0,"
                  + " byte stream) %.0f MB/s%n",
              round,
              curl.get(round - 1),
              mci2.get(round - 1),
              mci1.get(round - 1));
        }
      }
      double curlMedian = median(curl);
      double mciMedian = median(mci2);
      System.out.printf(
          Locale.ROOT,
          "%nfile: %d bytes, sha256 %s%nmedian of %d rounds: curl %.0f MB/s, mci API 2.0 %.0f MB/s"
              + " (%.2fx curl), mci API 1.0 %.0f MB/s (%.2fx curl)%npeak heap: %.1f MiB of max %.0f"
              + " MiB%n",
          size,
          expected,
          rounds,
          curlMedian,
          mciMedian,
          mciMedian / curlMedian,
          median(mci1),
          median(mci1) / curlMedian,
          peakHeap() / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576.0);
    }
  }

  /** MCI's download into {@code folder}, deleted afterwards; MB/s (10^6 bytes per second). */
  private static double download(MimecastClient client, String id, Path folder, String expected)
      throws IOException {
    long start = System.nanoTime();
    SavedEvidence saved =
        EvidenceWriter.into(folder).save(client.messages().file(id), "bulk.bin", Map.of("id", id));
    long nanos = System.nanoTime() - start;
    try {
      if (expected != null && !saved.sha256().equals(expected)) {
        throw new IllegalStateException("hash mismatch: " + saved.sha256() + " != " + expected);
      }
      return saved.size() / (nanos / 1e9) / 1e6;
    } finally {
      Files.deleteIfExists(saved.file());
      Files.deleteIfExists(saved.provenanceFile());
    }
  }

  /** {@code curl} fetching {@code url} to {@code target}; MB/s. */
  private static double curl(URI url, Path target, long size)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder("curl", "-sS", "--fail", "-o", target.toString(), url.toString())
            .inheritIO()
            .start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("curl failed with exit code " + process.exitValue());
    }
    long nanos = System.nanoTime() - start;
    try {
      if (Files.size(target) != size) {
        throw new IllegalStateException("curl wrote " + Files.size(target) + " bytes, not " + size);
      }
      return size / (nanos / 1e9) / 1e6;
    } finally {
      Files.deleteIfExists(target);
    }
  }

  /** The pre-signed URL get-file answers on API 2.0, fetched without the client. */
  private static URI presignedUrl(SimulatorServer server, String id)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    SimulatorCredentials sim = server.credentials();
    String form =
        "client_id="
            + URLEncoder.encode(sim.clientId(), StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(sim.clientSecret(), StandardCharsets.UTF_8)
            + "&grant_type=client_credentials";
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(server.baseUrl().resolve("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String bearer = JSON.readTree(token.body()).get("access_token").asText();
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(server.baseUrl().resolve("/api/archive/get-file"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":[{\"id\":\"" + id + "\"}]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode urls = JSON.readTree(answer.body()).at("/data/0/urls");
    return URI.create(urls.get(0).asText());
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 20];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
