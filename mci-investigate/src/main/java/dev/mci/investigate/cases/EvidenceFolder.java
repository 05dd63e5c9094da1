package dev.mci.investigate.cases;

import dev.mci.investigate.CaseException;
import dev.mci.investigate.engine.StepScope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The case's {@code evidence/} folder. Files are written once, through a SHA-256 digest so the hash
 * is computed in the same pass, under a sanitised name (file names from mail can be hostile: {@code
 * ../../x}, control characters, {@code <script>}); a name already taken gets a numeric suffix.
 * {@link #writeManifest()} writes {@code SHA256SUMS} in the format {@code sha256sum -c} reads. Each
 * file is attributed to the step running on the calling thread. Thread-safe.
 */
public final class EvidenceFolder {

  /** The manifest's file name. */
  public static final String MANIFEST = "SHA256SUMS";

  private static final int MAX_NAME = 100;

  private final Path folder;
  private final Set<String> taken = new HashSet<>();
  private final List<EvidenceFile> files = new ArrayList<>();

  /**
   * @param folder the {@code evidence} folder; created if missing
   */
  public EvidenceFolder(Path folder) {
    this.folder = folder;
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new CaseException("cannot create the evidence folder " + folder + ": " + e, e);
    }
    taken.add(MANIFEST.toLowerCase(Locale.ROOT));
  }

  /**
   * Copies a stream into a new evidence file; the caller closes the stream.
   *
   * @param suggestedName a name for the file; sanitised and made unique
   * @param description what the file is
   * @return the saved file, its path relative to the case folder
   */
  public EvidenceFile save(String suggestedName, InputStream content, String description) {
    String name = reserve(suggestedName);
    Path file = folder.resolve(name);
    MessageDigest digest = sha256();
    long bytes;
    try (OutputStream out =
        new DigestOutputStream(
            Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            digest)) {
      bytes = content.transferTo(out);
    } catch (IOException e) {
      throw new CaseException("cannot write evidence file " + file + ": " + e, e);
    }
    EvidenceFile saved =
        new EvidenceFile(
            "evidence/" + name,
            HexFormat.of().formatHex(digest.digest()),
            bytes,
            description,
            StepScope.current());
    synchronized (files) {
      files.add(saved);
    }
    return saved;
  }

  /** Saves bytes as a new evidence file. */
  public EvidenceFile save(String suggestedName, byte[] content, String description) {
    return save(suggestedName, new ByteArrayInputStream(content), description);
  }

  /** Saves a value as pretty-printed JSON. */
  public EvidenceFile saveJson(String suggestedName, Object value, String description) {
    try {
      return save(
          suggestedName,
          CaseJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value),
          description);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files saved so far, by path. */
  public List<EvidenceFile> files() {
    synchronized (files) {
      List<EvidenceFile> sorted = new ArrayList<>(files);
      sorted.sort(Comparator.comparing(EvidenceFile::path));
      return sorted;
    }
  }

  /** Writes {@code SHA256SUMS}: one {@code <hash> <name>} line per file, sorted by name. */
  public Path writeManifest() {
    StringBuilder text = new StringBuilder();
    for (EvidenceFile file : files()) {
      text.append(file.sha256())
          .append("  ")
          .append(file.path().substring("evidence/".length()))
          .append('\n');
    }
    Path manifest = folder.resolve(MANIFEST);
    try {
      Files.writeString(manifest, text.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CaseException("cannot write " + manifest + ": " + e, e);
    }
    return manifest;
  }

  private String reserve(String suggestedName) {
    String base = sanitise(suggestedName);
    synchronized (taken) {
      String name = base;
      int dot = base.lastIndexOf('.');
      String stem = dot > 0 ? base.substring(0, dot) : base;
      String extension = dot > 0 ? base.substring(dot) : "";
      for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = stem + "-" + n + extension;
      }
      return name;
    }
  }

  /**
   * A name that is safe on every file system: letters, digits, {@code . _ -} only, no leading dot,
   * at most 100 characters.
   */
  static String sanitise(String suggested) {
    String source = suggested == null ? "" : suggested;
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    source = source.substring(slash + 1);
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < source.length() && name.length() < MAX_NAME; i++) {
      char c = source.charAt(i);
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      name.append(safe ? c : '_');
    }
    String result = name.toString().replaceAll("\\.{2,}", ".");
    while (result.startsWith(".")) {
      result = result.substring(1);
    }
    return result.isEmpty() ? "file" : result;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
