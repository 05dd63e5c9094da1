package dev.mci.client.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

  @Test
  void pathTraversalKeepsOnlyTheLastSegment() {
    assertThat(FileNames.sanitize("../../../etc/passwd")).isEqualTo("passwd");
    assertThat(FileNames.sanitize("..\\..\\Windows\\win.ini")).isEqualTo("win.ini");
    assertThat(FileNames.sanitize("invoice.pdf/..")).isEqualTo("invoice.pdf");
  }

  @Test
  void absolutePathsLoseTheirFolders() {
    assertThat(FileNames.sanitize("/etc/cron.d/evil")).isEqualTo("evil");
    assertThat(FileNames.sanitize("C:\\Users\\Public\\Start Menu\\run.bat")).isEqualTo("run.bat");
    assertThat(FileNames.sanitize("\\\\server\\share\\x.doc")).isEqualTo("x.doc");
    assertThat(FileNames.sanitize("C:payload.exe")).isEqualTo("C_payload.exe");
  }

  @Test
  void fullWidthSlashesAreSlashesToo() {
    assertThat(FileNames.sanitize("..\uFF0F..\uFF0Fsecret.pdf")).isEqualTo("secret.pdf");
  }

  @Test
  void controlCharactersAreRemovedSoNothingMovesTheTerminal() {
    assertThat(FileNames.sanitize("Invoice\u001B[2J\u0007\r\n.pdf")).isEqualTo("Invoice[2J.pdf");
    assertThat(FileNames.sanitize("a\u0000b\u007Fc.txt")).isEqualTo("abc.txt");
  }

  @Test
  void bidiOverridesAreRemovedSoTheRealExtensionShows() {
    // Displayed as "Invoice_123fdp.exe" in a right-to-left-aware viewer; really a .pdf.
    assertThat(FileNames.sanitize("Invoice_123\u202Eexe.pdf")).isEqualTo("Invoice_123exe.pdf");
    // Displayed as "photo_exe.jpg"; really an .exe, which the sanitised name admits.
    assertThat(FileNames.sanitize("photo_\u202Egpj.exe")).isEqualTo("photo_gpj.exe");
    assertThat(FileNames.sanitize("a\u2066b\u2069c\u200E\u200F.txt")).isEqualTo("abc.txt");
  }

  @Test
  void invisibleCharactersAreRemoved() {
    assertThat(FileNames.sanitize("\uFEFFre\u200Bport\u200D.pdf")).isEqualTo("report.pdf");
  }

  @ParameterizedTest
  @CsvSource({
    "CON.pdf, _CON.pdf",
    "aux, _aux",
    "nul.tar.gz, _nul.tar.gz",
    "LPT1.docx, _LPT1.docx",
    "com3.txt, _com3.txt",
    "CONIN$, _CONIN$",
    "console.txt, console.txt",
    "COM10.txt, COM10.txt"
  })
  void reservedDeviceNamesGetAPrefix(String hostile, String safe) {
    assertThat(FileNames.sanitize(hostile)).isEqualTo(safe);
  }

  @Test
  void overLongNamesAreCutKeepingTheExtension() {
    String name = FileNames.sanitize("report_".repeat(60) + ".pdf");
    assertThat(name.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(FileNames.MAX_BYTES);
    assertThat(name).startsWith("report_report_").endsWith(".pdf");
  }

  @Test
  void overLongMultiByteNamesAreCutOnCharacterBoundaries() {
    String name = FileNames.sanitize("\u00E9\u4E2D".repeat(200) + ".docx");
    assertThat(name.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(FileNames.MAX_BYTES);
    assertThat(name).endsWith(".docx").doesNotContain("\uFFFD");
    assertThat(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .isEqualTo(name);
  }

  @Test
  void windowsForbiddenCharactersBecomeUnderscores() {
    assertThat(FileNames.sanitize("a<b>c:d\"e|f?g*h.txt")).isEqualTo("a_b_c_d_e_f_g_h.txt");
  }

  @Test
  void leadingDashesTrailingDotsAndHiddenNamesAreNeutralised() {
    assertThat(FileNames.sanitize("-rf . .")).isEqualTo("_-rf");
    assertThat(FileNames.sanitize("report.pdf. . ")).isEqualTo("report.pdf");
    assertThat(FileNames.sanitize(".htaccess")).isEqualTo("htaccess");
    assertThat(FileNames.sanitize("  spaced    out  .txt")).isEqualTo("spaced out .txt");
  }

  @Test
  void nothingUsableFallsBackToTheFallback() {
    assertThat(FileNames.sanitize(null)).isEqualTo(FileNames.FALLBACK);
    assertThat(FileNames.sanitize("...")).isEqualTo(FileNames.FALLBACK);
    assertThat(FileNames.sanitize("\u202E\u0007", "message.eml")).isEqualTo("message.eml");
    assertThat(FileNames.sanitize("../", "../../x.eml")).isEqualTo("x.eml");
  }

  @Test
  void ordinaryNamesAreKeptAsTheyAre() {
    assertThat(FileNames.sanitize("Q3 budget (final).xlsx")).isEqualTo("Q3 budget (final).xlsx");
    assertThat(FileNames.sanitize("Prüfbericht_2025.pdf")).isEqualTo("Prüfbericht_2025.pdf");
  }
}
