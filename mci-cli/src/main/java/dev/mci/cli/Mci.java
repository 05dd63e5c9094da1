package dev.mci.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Wires the {@code mci} command line: the command factory, the error handlers and the output
 * writers. {@link Main} and the tests use this one factory, so tests run exactly what users run.
 */
public final class Mci {
  private Mci() {}

  /** A command line writing to this process's stdout and stderr. */
  public static CommandLine commandLine(CliEnvironment environment) {
    return commandLine(
        environment, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  /** A command line writing to the given writers. */
  public static CommandLine commandLine(
      CliEnvironment environment, PrintWriter out, PrintWriter err) {
    CliContext context = new CliContext(environment);
    context.writers(out, err);
    CommandLine commandLine = new CommandLine(MciCommand.class, new ContextFactory(context));
    ErrorHandler errors = new ErrorHandler(context);
    commandLine
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setAllowSubcommandsAsOptionParameters(true)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
    return commandLine;
  }

  /** Creates commands, handing the shared context to constructors that take one. */
  private record ContextFactory(CliContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        Constructor<K> withContext = type.getDeclaredConstructor(CliContext.class);
        withContext.setAccessible(true);
        return withContext.newInstance(context);
      } catch (NoSuchMethodException noContext) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
