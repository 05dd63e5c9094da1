package dev.mci.cli.messages;

import dev.mci.cli.CliContext;
import dev.mci.cli.support.Column;
import dev.mci.client.evidence.EvidenceWriter;
import dev.mci.client.evidence.SavedEvidence;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where and how downloaded evidence is written: {@code -o DIR} and {@code --zip}. Shared by {@code
 * messages part} and {@code attachments get}.
 */
public final class SaveOptions {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Folder to write into (created when missing). Default: the current folder.")
  String folder;

  @Option(
      names = "--zip",
      description =
          "Write the file into a zip protected with the password 'infected' (the malware-sharing"
              + " convention).")
  boolean zip;

  /** The writer for these options. */
  public EvidenceWriter writer(CliContext context) {
    Path base = context.environment().workDir();
    Path target = folder == null ? base : base.resolve(folder);
    return EvidenceWriter.into(target).zipped(zip).clock(context.environment().clock());
  }

  /** What was saved, in the chosen format. */
  public static void print(CliContext context, SavedEvidence saved) {
    context.output().single(COLUMNS, Saved.of(saved));
  }

  /** The printed view of a {@link SavedEvidence}. */
  record Saved(
      String file,
      String name,
      String originalName,
      long size,
      String sha256,
      String zipSha256,
      String provenance) {
    static Saved of(SavedEvidence saved) {
      return new Saved(
          saved.file().toString(),
          saved.name(),
          saved.originalName().orElse(null),
          saved.size(),
          saved.sha256(),
          saved.zipSha256().orElse(null),
          saved.provenanceFile().toString());
    }
  }

  private static final List<Column<Saved>> COLUMNS =
      List.of(
          Column.of("file", Saved::file),
          Column.of("name", Saved::name),
          Column.of("original name", Saved::originalName),
          Column.of("size", Saved::size),
          Column.of("sha256", Saved::sha256),
          Column.of("zip sha256", Saved::zipSha256),
          Column.of("provenance", Saved::provenance));
}
