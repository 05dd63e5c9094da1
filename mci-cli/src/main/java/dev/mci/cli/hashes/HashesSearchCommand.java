package dev.mci.cli.hashes;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.support.Column;
import dev.mci.client.MimecastClient;
import dev.mci.client.hashes.HashResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mci hashes search}: one answer per SHA-256, in input order. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Has the account seen these files in its messages over the last year? SHA-256 only.",
      "Hashes come from arguments, --file (one per line, # comments) or '-' (stdin); duplicates are",
      "asked once, batches of 100 respect the rate limit, and every input gets one answer.",
      "Image files cannot be checked: Mimecast reports them as unsupported, not as unseen."
    })
public final class HashesSearchCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(
      paramLabel = "HASH",
      arity = "0..*",
      description = "SHA-256 hashes, or '-' for stdin.")
  List<String> hashes = new ArrayList<>();

  @Option(names = "--file", paramLabel = "FILE", description = "Read hashes from FILE, one a line.")
  Path file;

  public HashesSearchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<String> inputs = new ArrayList<>();
    for (String hash : hashes) {
      if (hash.equals("-")) {
        inputs.addAll(
            lines(new InputStreamReader(context.environment().stdin(), StandardCharsets.UTF_8)));
      } else {
        inputs.add(hash);
      }
    }
    if (file != null) {
      Path path = context.environment().workDir().resolve(file);
      try {
        inputs.addAll(lines(Files.newBufferedReader(path, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UserInputException("cannot read --file " + path + ": " + e.getMessage());
      }
    }
    if (inputs.isEmpty()) {
      throw new UserInputException(
          "no hashes to search: pass SHA-256 hashes as arguments, --file FILE or '-' for stdin");
    }
    List<HashResult> results;
    try (MimecastClient client = context.client()) {
      results = client.hashes().search(inputs);
    }
    context.output().rows(COLUMNS, results);
    return ExitCode.OK;
  }

  private static List<String> lines(java.io.Reader source) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(source)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String value = line.strip();
        if (!value.isEmpty() && !value.startsWith("#")) {
          lines.add(value);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  static final List<Column<HashResult>> COLUMNS =
      List.of(
          Column.of("sha256", HashResult::sha256),
          Column.of("verdict", HashResult::verdict),
          Column.of("explanation", HashResult::explanation));
}
