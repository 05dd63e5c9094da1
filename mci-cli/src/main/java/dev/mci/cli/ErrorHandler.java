package dev.mci.cli;

import dev.mci.client.AuthenticationException;
import dev.mci.client.BindingExpiredException;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastApiException;
import dev.mci.client.MimecastConfigException;
import dev.mci.client.MimecastException;
import dev.mci.client.MimecastIoException;
import dev.mci.client.NotFoundException;
import dev.mci.client.PermissionDeniedException;
import dev.mci.client.RateLimitedException;
import dev.mci.client.ServerException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns an exception into a sentence on stderr and an exit code. Stack traces
 * are printed only with {@code --debug}, and then only in addition to the sentence.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final CliContext context;

  ErrorHandler(CliContext context) {
    this.context = context;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("mci: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    Failure failure = describe(ex);
    err.println("mci: " + failure.message());
    if (context.debug()) {
      ex.printStackTrace(err);
    } else if (failure.exitCode() == ExitCode.INTERNAL) {
      err.println("This looks like a bug in mci; run again with --debug and report the output.");
    }
    err.flush();
    return failure.exitCode();
  }

  /** The sentence and exit code for an exception; public for tests of the mapping. */
  static Failure describe(Throwable ex) {
    if (ex instanceof UserInputException input) {
      return new Failure(input.getMessage(), input.exitCode());
    }
    if (ex instanceof MimecastException mimecast) {
      return new Failure(mimecast.getMessage(), exitCodeOf(mimecast));
    }
    if (ex instanceof UncheckedIOException io) {
      return describe(io.getCause());
    }
    if (ex instanceof NoSuchFileException missing) {
      return new Failure("file not found: " + missing.getFile(), ExitCode.USAGE);
    }
    if (ex instanceof java.io.IOException io) {
      return new Failure("I/O error: " + io.getMessage(), ExitCode.UNAVAILABLE);
    }
    if (ex instanceof InterruptedException) {
      return new Failure("interrupted", ExitCode.INTERRUPTED);
    }
    return new Failure(
        "unexpected error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage(),
        ExitCode.INTERNAL);
  }

  private static int exitCodeOf(MimecastException ex) {
    if (ex instanceof MimecastConfigException) {
      return ExitCode.CONFIG;
    }
    if (ex instanceof InvalidRequestException) {
      return ExitCode.USAGE;
    }
    if (ex instanceof BindingExpiredException || ex instanceof AuthenticationException) {
      return ExitCode.AUTH;
    }
    if (ex instanceof PermissionDeniedException) {
      return ExitCode.PERMISSION;
    }
    if (ex instanceof NotFoundException) {
      return ExitCode.NOT_FOUND;
    }
    if (ex instanceof RateLimitedException) {
      return ExitCode.RATE_LIMITED;
    }
    if (ex instanceof ServerException || ex instanceof MimecastIoException) {
      return ExitCode.UNAVAILABLE;
    }
    if (ex instanceof MimecastApiException) {
      return ExitCode.API_ERROR;
    }
    return ExitCode.UNAVAILABLE;
  }

  record Failure(String message, int exitCode) {}
}
