package dev.mci.cli.urls;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.support.Column;
import dev.mci.client.MimecastClient;
import dev.mci.client.urls.DecodedUrl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mci urls decode}: original URLs behind Mimecast-rewritten ones, one result per input. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Decode URLs rewritten by Mimecast URL Protect (protect-*.mimecast.com/s/...).",
      "Results keep the input order, one per input; '-' reads URLs from standard input, one per"
          + " line."
    })
public final class UrlsDecodeCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(arity = "1..*", paramLabel = "URL", description = "Rewritten URLs, or '-' for stdin.")
  List<String> urls;

  public UrlsDecodeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<String> inputs = new ArrayList<>();
    for (String url : urls) {
      if (url.equals("-")) {
        inputs.addAll(readStdin());
      } else {
        inputs.add(url);
      }
    }
    if (inputs.isEmpty()) {
      throw new UserInputException("no URLs to decode: pass them as arguments or on stdin");
    }
    List<DecodedUrl> results;
    try (MimecastClient client = context.client()) {
      results = client.urls().decode(inputs);
    }
    context.output().rows(COLUMNS, results);
    boolean allDecoded = results.stream().allMatch(DecodedUrl::success);
    return allDecoded ? ExitCode.OK : ExitCode.PARTIAL;
  }

  private List<String> readStdin() {
    List<String> lines = new ArrayList<>();
    try {
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(context.environment().stdin(), StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          lines.add(line.trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  static final List<Column<DecodedUrl>> COLUMNS =
      List.of(
          Column.of("input", DecodedUrl::input),
          Column.of("success", DecodedUrl::success),
          Column.of("url", DecodedUrl::url),
          Column.of("error", d -> d.error().map(e -> e.code() + ": " + e.message()).orElse("")));
}
