package dev.mci.cli;

import dev.mci.cli.support.ClientSettings;
import dev.mci.cli.support.Output;
import dev.mci.cli.support.OutputFormat;
import dev.mci.client.MimecastClient;
import java.io.PrintWriter;

/**
 * State shared by every command of one {@code mci} run: the environment, the global options and the
 * output writers. Commands receive it through their constructor.
 */
public final class CliContext {
  private final CliEnvironment environment;
  private PrintWriter out;
  private PrintWriter err;
  private OutputFormat format = OutputFormat.TABLE;
  private boolean debug;
  private String profile;

  CliContext(CliEnvironment environment) {
    this.environment = environment;
  }

  public CliEnvironment environment() {
    return environment;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  void writers(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /**
   * The format chosen by {@code --format} for a command that writes rows or documents.
   *
   * @throws UserInputException for {@code stix}, which only {@code mci case export} writes
   */
  public OutputFormat format() {
    if (format == OutputFormat.STIX) {
      throw OutputFormat.stixOnlyForCaseExport();
    }
    return format;
  }

  /** The format exactly as chosen, {@code stix} included; for {@code mci case export}. */
  public OutputFormat requestedFormat() {
    return format;
  }

  void format(OutputFormat format) {
    this.format = format;
  }

  public boolean debug() {
    return debug;
  }

  void debug(boolean debug) {
    this.debug = debug;
  }

  /** The profile named by {@code --profile}, or null when none was given. */
  public String profile() {
    return profile;
  }

  void profile(String profile) {
    this.profile = profile;
  }

  /** Writes results in the format chosen by {@code --format}. */
  public Output output() {
    return new Output(format(), out);
  }

  /** Builds a client from the profile and environment; the caller closes it. */
  public MimecastClient client() {
    return ClientSettings.resolve(environment, profile).buildClient();
  }
}
