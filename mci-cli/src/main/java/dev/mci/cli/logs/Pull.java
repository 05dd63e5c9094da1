package dev.mci.cli.logs;

import dev.mci.cli.CliContext;
import dev.mci.cli.CliEnvironment;
import dev.mci.cli.support.OutputFormat;
import dev.mci.client.AutoPager;
import dev.mci.client.Page;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The rows of a paged pull, as they arrive, with a progress bar on stderr for long pulls. The bar
 * appears only once a pull has run for {@value #QUIET_MILLIS} ms and only when stderr is a
 * terminal, and never when streamed rows would be written to that same terminal; it counts rows
 * against the server's {@code totalCount} when one is reported.
 */
public final class Pull {

  /** Pulls shorter than this never show a bar. */
  static final long QUIET_MILLIS = 1_500;

  private Pull() {}

  /** The rows of {@code pager}, fetched page by page as the caller iterates. */
  public static <T> Iterable<T> rows(CliContext context, AutoPager<T> pager, String label) {
    boolean progress = showsProgress(context.environment(), context.format());
    return () ->
        new RowIterator<>(pager.pages().iterator(), progress ? context.err() : null, label);
  }

  /**
   * Whether a bar may be drawn: stderr is a terminal, and streamed rows are not going to that same
   * terminal. {@link CliEnvironment#interactive()} only says stdin and stdout are a terminal, so on
   * Linux stderr itself is checked (e.g. {@code mci logs urls --format ndjson > out.ndjson}).
   */
  static boolean showsProgress(CliEnvironment environment, OutputFormat format) {
    boolean stderrTerminal = environment.interactive() || stderrIsTerminal(environment);
    boolean rowsOnTerminal = environment.interactive() && format != OutputFormat.TABLE;
    return stderrTerminal && !rowsOnTerminal;
  }

  private static boolean stderrIsTerminal(CliEnvironment environment) {
    // Only the real process environment has a TERM; tests and pipes without one never see a bar.
    if (environment.variable("TERM").isEmpty()) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception notLinux) {
      return false;
    }
  }

  private static final class RowIterator<T> implements Iterator<T> {
    private final Iterator<Page<T>> pages;
    private final PrintWriter err;
    private final String label;
    private final long started = System.nanoTime();
    private Iterator<T> current = Collections.emptyIterator();
    private long count;
    private long total = -1;
    private ProgressBar bar;

    RowIterator(Iterator<Page<T>> pages, PrintWriter err, String label) {
      this.pages = pages;
      this.err = err;
      this.label = label;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        if (!pages.hasNext()) {
          finish();
          return false;
        }
        Page<T> page = pages.next();
        if (page.totalCount().isPresent()) {
          total = page.totalCount().getAsLong();
        }
        current = page.items().iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      count++;
      if (err != null) {
        progress();
      }
      return current.next();
    }

    private void progress() {
      if (bar == null && (System.nanoTime() - started) / 1_000_000 >= QUIET_MILLIS) {
        bar =
            new ProgressBarBuilder()
                .setTaskName(label)
                .setInitialMax(total)
                .setUnit(" rows", 1)
                .setUpdateIntervalMillis(500)
                .showSpeed()
                .setConsumer(
                    new DelegatingProgressBarConsumer(
                        line -> {
                          err.print('\r' + line);
                          err.flush();
                        }))
                .build();
      }
      if (bar != null) {
        bar.maxHint(Math.max(total, count));
        bar.stepTo(count);
      }
    }

    private void finish() {
      if (bar != null) {
        bar.close();
        err.println();
        err.flush();
        bar = null;
      }
    }
  }
}
