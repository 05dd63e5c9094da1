package dev.mci.client.events;

import dev.mci.client.Download;
import java.util.Objects;
import java.util.Optional;

/** The answer of API 1.0 {@code get-siem-logs} (reference 05 §2.2): a log file, or "caught up". */
public sealed interface SiemLogResult permits SiemLogResult.LogFile, SiemLogResult.CaughtUp {

  /**
   * One log file; read it with {@link EventFiles#readLegacy} and close it.
   *
   * @param download the file's bytes (a zip archive when compression was asked for)
   * @param nextToken the {@code mc-siem-token} to send next time: the cursor to persist
   * @param fileName the name from {@code Content-Disposition}, when sent
   * @param compressed whether the file was asked for as a zip archive
   */
  record LogFile(Download download, String nextToken, Optional<String> fileName, boolean compressed)
      implements SiemLogResult, AutoCloseable {
    /** Checks nothing is null. */
    public LogFile {
      Objects.requireNonNull(download, "download");
      Objects.requireNonNull(nextToken, "nextToken");
      Objects.requireNonNull(fileName, "fileName");
    }

    /** Closes the download. */
    @Override
    public void close() {
      download.close();
    }
  }

  /**
   * No newer file yet ({@code meta.isLastToken}): keep the last token and poll again later.
   *
   * @param token the {@code mc-siem-token} the answer carried, if any
   */
  record CaughtUp(Optional<String> token) implements SiemLogResult {
    /** Checks nothing is null. */
    public CaughtUp {
      Objects.requireNonNull(token, "token");
    }
  }
}
