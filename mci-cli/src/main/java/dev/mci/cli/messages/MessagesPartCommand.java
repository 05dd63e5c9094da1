package dev.mci.cli.messages;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.client.MimecastClient;
import dev.mci.client.evidence.SavedEvidence;
import dev.mci.client.messages.MessageContext;
import dev.mci.client.messages.PartType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mci messages part ID}: one rendering of an archived message, saved as evidence. */
@Command(
    name = "part",
    mixinStandardHelpOptions = true,
    description = {
      "Download one rendering of an archived message (RFC 822, HTML, plain text or the"
          + " transmission) as received or as delivered, and save it as evidence: streamed to"
          + " disk, SHA-256 computed on the way, never overwriting a file, with a"
          + " .provenance.json next to it. Nothing is opened.",
      "The delivered copy belongs to a mailbox: --mailbox, else the first recipient."
    })
public final class MessagesPartCommand implements Callable<Integer> {
  private final CliContext context;

  /** The renderings, as users type them. */
  enum TypeOption {
    rfc822(PartType.RFC822),
    html(PartType.HTML),
    plain(PartType.PLAIN),
    transmission(PartType.TRANSMISSION_MESSAGE_BODY);

    private final PartType type;

    TypeOption(PartType type) {
      this.type = type;
    }
  }

  @Parameters(paramLabel = "ID", description = "Archive id.")
  String id;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "${COMPLETION-CANDIDATES}. Default: rfc822.")
  TypeOption type = TypeOption.rfc822;

  @Option(
      names = "--context",
      paramLabel = "CONTEXT",
      description = "${COMPLETION-CANDIDATES}. Default: received (the copy as the sender sent it).")
  ContextOption contextOption = ContextOption.received;

  @Option(
      names = "--mailbox",
      paramLabel = "ADDRESS",
      description = "Whose delivered copy. Default: the first recipient.")
  String mailbox;

  @Mixin SaveOptions save;

  public MessagesPartCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    MessageContext messageContext = contextOption.context();
    SavedEvidence saved;
    try (MimecastClient client = context.client()) {
      String target =
          messageContext == MessageContext.DELIVERED
              ? Mailboxes.deliveredTo(client, id, mailbox)
              : mailbox;
      Map<String, String> source = new LinkedHashMap<>();
      source.put("id", id);
      source.put("type", type.type.name());
      source.put("context", messageContext.name());
      if (target != null) {
        source.put("mailbox", target);
      }
      String preferred =
          id + "-" + messageContext.name().toLowerCase(Locale.ROOT) + "." + type.type.extension();
      saved =
          save.writer(context)
              .saveAs(
                  client.messages().part(id, type.type, messageContext, target), preferred, source);
    }
    SaveOptions.print(context, saved);
    return ExitCode.OK;
  }
}
