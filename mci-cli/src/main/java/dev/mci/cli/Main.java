package dev.mci.cli;

/** Entry point of the {@code mci} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int exitCode = Mci.commandLine(CliEnvironment.system()).execute(args);
    System.exit(exitCode);
  }
}
