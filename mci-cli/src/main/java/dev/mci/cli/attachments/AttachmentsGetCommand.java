package dev.mci.cli.attachments;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.messages.SaveOptions;
import dev.mci.client.MimecastClient;
import dev.mci.client.evidence.SavedEvidence;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mci attachments get ID}: one attachment, saved as evidence. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Download an attachment (its id comes from 'mci messages detail') and save it as evidence:"
          + " streamed to disk with its SHA-256 computed on the way, under a sanitised name that"
          + " never overwrites a file, with a .provenance.json next to it. Nothing is opened.",
      "--zip puts it in a zip with the password 'infected'."
    })
public final class AttachmentsGetCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "ID", description = "Attachment id (or, on API 2.0, an archive id).")
  String id;

  @Mixin SaveOptions save;

  public AttachmentsGetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    SavedEvidence saved;
    try (MimecastClient client = context.client()) {
      saved =
          save.writer(context).save(client.messages().file(id), "attachment.bin", Map.of("id", id));
    }
    SaveOptions.print(context, saved);
    return ExitCode.OK;
  }
}
