package dev.mci.investigate.cases;

import dev.mci.investigate.CaseException;
import dev.mci.investigate.engine.AuditEntry;
import dev.mci.investigate.report.HtmlReport;
import dev.mci.investigate.report.MarkdownReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The files of one case folder: {@code case.json}, {@code report.md}, {@code report.html}, {@code
 * audit.ndjson} and {@code evidence/} (with {@code SHA256SUMS}). The folder is the record: it can
 * be zipped and attached to a ticket, and re-opening it never calls the API.
 */
public final class CaseFolder {

  /** The model. */
  public static final String CASE_JSON = "case.json";

  /** The report for tickets and terminals. */
  public static final String REPORT_MD = "report.md";

  /** The self-contained report page. */
  public static final String REPORT_HTML = "report.html";

  /** One line per API call. */
  public static final String AUDIT = "audit.ndjson";

  /** The evidence folder. */
  public static final String EVIDENCE = "evidence";

  private CaseFolder() {}

  /**
   * Writes the case, its reports and its audit trail into {@code folder}, and the evidence
   * manifest. {@code case.json} is written last and atomically: a folder holding one is complete.
   */
  public static void write(
      Path folder, Case model, List<AuditEntry> audit, EvidenceFolder evidence) {
    try {
      Files.createDirectories(folder);
      evidence.writeManifest();
      StringBuilder lines = new StringBuilder();
      for (AuditEntry entry : audit) {
        lines.append(CaseJson.MAPPER.writeValueAsString(entry)).append('\n');
      }
      Files.writeString(folder.resolve(AUDIT), lines, StandardCharsets.UTF_8);
      Files.writeString(
          folder.resolve(REPORT_MD), MarkdownReport.render(model), StandardCharsets.UTF_8);
      Files.writeString(
          folder.resolve(REPORT_HTML), HtmlReport.render(model), StandardCharsets.UTF_8);
      writeAtomically(folder.resolve(CASE_JSON), CaseJson.write(model) + "\n");
    } catch (IOException e) {
      throw new CaseException("cannot write case " + model.id() + " to " + folder + ": " + e, e);
    }
  }

  /**
   * Reads the case in {@code folder}.
   *
   * @throws CaseException if there is no readable case there
   */
  public static Case read(Path folder) {
    Path file = folder.resolve(CASE_JSON);
    if (!Files.isRegularFile(file)) {
      throw new CaseException("no case in " + folder + " (" + CASE_JSON + " is missing)", null);
    }
    return CaseJson.read(file);
  }

  private static void writeAtomically(Path target, String text) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
