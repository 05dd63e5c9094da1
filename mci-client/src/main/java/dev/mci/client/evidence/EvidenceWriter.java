package dev.mci.client.evidence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.Download;
import dev.mci.client.MimecastIoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;

/**
 * Writes downloads to a folder as evidence: streamed to disk with the SHA-256 computed in the same
 * pass (nothing is held in memory), under a sanitised name ({@link FileNames}) that never replaces
 * an existing file ({@code name (1).ext} and so on), owner-only and never executable, with a {@code
 * <file>.provenance.json} sidecar naming the endpoint, request id, time, size and SHA-256. With
 * {@link #zipped(boolean)} the content goes into a zip protected with the password {@value
 * #ZIP_PASSWORD}, the malware-sharing convention (classic ZipCrypto, which every unzip tool opens;
 * it keeps scanners and double-clicks off the file, it is not secrecy). Nothing written is ever
 * opened or executed. Immutable and thread-safe.
 */
public final class EvidenceWriter {

  /** The password of evidence zips. */
  public static final String ZIP_PASSWORD = "infected";

  /** The sidecar's suffix. */
  public static final String PROVENANCE_SUFFIX = ".provenance.json";

  private static final String PRESIGNED_SUFFIX = " (download URL)";
  private static final int BUFFER = 256 * 1024;
  private static final int MAX_COUNTER = 10_000;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path folder;
  private final boolean zip;
  private final Clock clock;
  private final String tool;

  private EvidenceWriter(Path folder, boolean zip, Clock clock, String tool) {
    this.folder = folder;
    this.zip = zip;
    this.clock = clock;
    this.tool = tool;
  }

  /** A writer into {@code folder} (created when missing), unzipped, on the system clock. */
  public static EvidenceWriter into(Path folder) {
    Objects.requireNonNull(folder, "folder");
    return new EvidenceWriter(
        folder.toAbsolutePath().normalize(), false, Clock.systemUTC(), tool());
  }

  /** The same writer, zipping (or not) with the password {@value #ZIP_PASSWORD}. */
  public EvidenceWriter zipped(boolean zipped) {
    return new EvidenceWriter(folder, zipped, clock, tool);
  }

  /** The same writer on another clock (for the retrieval time). */
  public EvidenceWriter clock(Clock newClock) {
    return new EvidenceWriter(folder, zip, Objects.requireNonNull(newClock, "clock"), tool);
  }

  /** The folder written to. */
  public Path folder() {
    return folder;
  }

  /**
   * Streams {@code download} to a new file and closes it.
   *
   * @param preferredName the name to use when the server suggests none (sanitised as well)
   * @param source what was downloaded (e.g. {@code id}, {@code type}, {@code context}), recorded in
   *     the provenance sidecar; values are data, never secrets
   * @throws MimecastIoException when reading the download fails or ends short of its declared
   *     length (the partial file is removed)
   * @throws UncheckedIOException when the folder or file cannot be written (nothing is left)
   */
  public SavedEvidence save(Download download, String preferredName, Map<String, String> source) {
    Objects.requireNonNull(download, "download");
    Optional<String> original = download.suggestedFileName();
    return write(
        download,
        FileNames.sanitize(original.orElse(preferredName), preferredName),
        original,
        source);
  }

  /**
   * Like {@link #save}, but under {@code name} (sanitised) whatever the server suggests; the
   * suggestion is still recorded as the original name.
   */
  public SavedEvidence saveAs(Download download, String name, Map<String, String> source) {
    Objects.requireNonNull(download, "download");
    return write(download, FileNames.sanitize(name), download.suggestedFileName(), source);
  }

  private SavedEvidence write(
      Download download, String name, Optional<String> original, Map<String, String> source) {
    Map<String, String> details = Map.copyOf(Objects.requireNonNullElse(source, Map.of()));
    try (download) {
      createFolder();
      Target target = reserve(zip ? name + ".zip" : name);
      MessageDigest content = sha256();
      MessageDigest container = sha256();
      long size;
      SeekableByteChannel channel;
      try {
        // CREATE_NEW is atomic: an existing file (even one created a moment ago) is never touched.
        channel = Files.newByteChannel(target.file(), NEW_FILE, attributes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + target.file() + ": " + e.getMessage(), e);
      }
      try (OutputStream file = Channels.newOutputStream(channel)) {
        if (zip) {
          OutputStream hashed = new DigestingOutputStream(file, container);
          try (ZipOutputStream zipped = new ZipOutputStream(hashed, ZIP_PASSWORD.toCharArray())) {
            zipped.putNextEntry(zipEntry(name));
            size = copy(download, zipped, content, target);
            zipped.closeEntry();
          }
        } else {
          size = copy(download, file, content, target);
        }
      } catch (IOException e) {
        deleteQuietly(target);
        throw new UncheckedIOException(
            "writing " + target.file() + " failed: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        deleteQuietly(target);
        throw e;
      }
      Instant retrievedAt = clock.instant();
      String sha = HexFormat.of().formatHex(content.digest());
      Optional<String> zipSha =
          zip ? Optional.of(HexFormat.of().formatHex(container.digest())) : Optional.empty();
      writeProvenance(target, download, name, original, size, sha, zipSha, retrievedAt, details);
      return new SavedEvidence(
          target.file(), target.provenance(), name, original, size, sha, retrievedAt, zipSha);
    }
  }

  private record Target(Path file, Path provenance) {}

  private static final Set<OpenOption> NEW_FILE =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

  /** Streams the body, hashing each chunk before it is written. */
  private long copy(Download download, OutputStream out, MessageDigest digest, Target target)
      throws IOException {
    byte[] buffer = new byte[BUFFER];
    long size = 0;
    InputStream in = download.body();
    while (true) {
      int n;
      try {
        // Fill the whole buffer: the HTTP stream hands over small chunks, and one write and one
        // digest update per 256 KiB cost far less than one per chunk.
        n = in.readNBytes(buffer, 0, buffer.length);
      } catch (IOException e) {
        deleteQuietly(target);
        throw new MimecastIoException(
            download.endpoint(),
            download.requestId(),
            "the download broke off after " + size + " bytes: " + e.getMessage(),
            e);
      }
      if (n <= 0) {
        break;
      }
      digest.update(buffer, 0, n);
      out.write(buffer, 0, n);
      size += n;
    }
    if (download.contentLength().isPresent() && download.contentLength().getAsLong() != size) {
      deleteQuietly(target);
      throw new MimecastIoException(
          download.endpoint(),
          download.requestId(),
          "the download ended after "
              + size
              + " of the "
              + download.contentLength().getAsLong()
              + " bytes announced; nothing was kept",
          null);
    }
    return size;
  }

  /** The first free name: {@code name}, then {@code stem (1).ext}, ... (file and sidecar free). */
  private Target reserve(String name) {
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    for (int counter = 0; counter < MAX_COUNTER; counter++) {
      String candidate = counter == 0 ? name : stem + " (" + counter + ")" + extension;
      Path file = folder.resolve(candidate);
      Path provenance = folder.resolve(candidate + PROVENANCE_SUFFIX);
      if (!file.getParent().equals(folder)) {
        throw new IllegalStateException("sanitised name escaped the folder: " + candidate);
      }
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          || Files.exists(provenance, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      return new Target(file, provenance);
    }
    throw new UncheckedIOException(
        new FileAlreadyExistsException(folder.resolve(name).toString(), null, "no free name left"));
  }

  private void writeProvenance(
      Target target,
      Download download,
      String name,
      Optional<String> original,
      long size,
      String sha256,
      Optional<String> zipSha256,
      Instant retrievedAt,
      Map<String, String> details) {
    ObjectNode record = JSON.createObjectNode();
    record.put("file", target.file().getFileName().toString());
    record.put("name", name);
    original.ifPresent(value -> record.put("originalName", value));
    record.put("size", size);
    record.put("sha256", sha256);
    record.put("contentType", download.contentType());
    // The transport names the second leg of an API 2.0 download "<path> (download URL)".
    String endpoint = download.endpoint();
    boolean presigned = endpoint.endsWith(PRESIGNED_SUFFIX);
    record.put(
        "endpoint",
        presigned
            ? endpoint.substring(0, endpoint.length() - PRESIGNED_SUFFIX.length())
            : endpoint);
    record.put("transfer", presigned ? "pre-signed download URL" : "response body");
    record.put("requestId", download.requestId());
    record.put("retrievedAt", retrievedAt.toString());
    ObjectNode sourceNode = record.putObject("source");
    new LinkedHashMap<>(details)
        .entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .forEach(entry -> sourceNode.put(entry.getKey(), entry.getValue()));
    zipSha256.ifPresent(
        sha -> {
          ObjectNode container = record.putObject("container");
          container.put("format", "zip");
          container.put("encryption", "ZipCrypto");
          container.put("password", ZIP_PASSWORD);
          container.put("entry", name);
          container.put("sha256", sha);
        });
    record.put("tool", tool);
    try (OutputStream out =
        Channels.newOutputStream(
            Files.newByteChannel(target.provenance(), NEW_FILE, attributes()))) {
      JSON.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, record);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(
          "writing " + target.provenance() + " failed: " + e.getMessage(), e);
    }
  }

  private void createFolder() {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder " + folder + ": " + e, e);
    }
  }

  private ZipParameters zipEntry(String name) {
    ZipParameters parameters = new ZipParameters();
    parameters.setFileNameInZip(name);
    parameters.setCompressionMethod(CompressionMethod.DEFLATE);
    parameters.setEncryptFiles(true);
    parameters.setEncryptionMethod(EncryptionMethod.ZIP_STANDARD);
    parameters.setLastModifiedFileTime(clock.millis());
    return parameters;
  }

  /** Owner read/write only where the file system supports POSIX permissions. */
  private static FileAttribute<?>[] attributes() {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
      };
    }
    return new FileAttribute<?>[0];
  }

  private static void deleteQuietly(Target target) {
    try {
      Files.deleteIfExists(target.file());
    } catch (IOException ignored) {
      // Best effort: the caller's failure is what matters.
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private static String tool() {
    String version = EvidenceWriter.class.getPackage().getImplementationVersion();
    return "mci-client/" + (version == null ? "dev" : version);
  }

  /** Hashes what passes through to the zip file, so the zip's own SHA-256 needs no re-read. */
  private static final class DigestingOutputStream extends OutputStream {
    private final OutputStream out;
    private final MessageDigest digest;

    DigestingOutputStream(OutputStream out, MessageDigest digest) {
      this.out = out;
      this.digest = digest;
    }

    @Override
    public void write(int b) throws IOException {
      digest.update((byte) b);
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      digest.update(bytes, offset, length);
      out.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      // The file stream is closed by its owner.
      out.flush();
    }
  }
}
