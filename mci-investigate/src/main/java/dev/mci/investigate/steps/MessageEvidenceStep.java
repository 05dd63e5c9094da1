package dev.mci.investigate.steps;

import dev.mci.client.Download;
import dev.mci.client.evidence.MessageReader;
import dev.mci.client.evidence.ParsedMessage;
import dev.mci.client.messages.MessageContext;
import dev.mci.client.messages.PartType;
import dev.mci.investigate.cases.CaseAttachment;
import dev.mci.investigate.cases.CaseUrl;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Playbook step 2 (evidence): both forms of each message, as received and as delivered, saved into
 * {@code evidence/} (listed in {@code SHA256SUMS}); the received form is parsed to extract its URLs
 * and attachments. Output: every URL found in the bodies.
 */
public final class MessageEvidenceStep implements Step<List<String>> {

  /** The URLs found in the message bodies. */
  public static final StepKey<List<String>> KEY = StepKey.of("message-evidence");

  @Override
  public StepKey<List<String>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "both message forms (as received, as delivered) saved as evidence; URLs extracted";
  }

  @Override
  public List<StepKey<?>> needs() {
    return List.of(MessageDetailStep.KEY);
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.MESSAGE_EVIDENCE);
  }

  @Override
  public List<String> run(StepContext context) {
    List<ArchivedCopy> copies = context.result(MessageDetailStep.KEY);
    List<Form> forms = new ArrayList<>();
    for (ArchivedCopy copy : copies) {
      forms.add(new Form(copy, MessageContext.RECEIVED));
      if (copy.mailbox() != null) {
        forms.add(new Form(copy, MessageContext.DELIVERED));
      }
    }
    List<byte[]> saved = context.forEach(forms, form -> save(context, form));
    Set<String> urls = new LinkedHashSet<>();
    for (int i = 0; i < forms.size(); i++) {
      Form form = forms.get(i);
      if (form.context() != MessageContext.RECEIVED) {
        continue;
      }
      ParsedMessage parsed = MessageReader.read(new ByteArrayInputStream(saved.get(i)));
      for (ParsedMessage.BodyUrl url : parsed.urls()) {
        if (urls.add(url.url())) {
          context.record().url(new CaseUrl(url.url(), null, null, null, null, KEY.name()));
        }
      }
      for (ParsedMessage.Attachment a : parsed.attachments()) {
        if (a.sha256() != null && !a.inline()) {
          context
              .record()
              .attachment(
                  new CaseAttachment(
                      a.fileName(),
                      a.sha256(),
                      a.size(),
                      a.contentType(),
                      form.copy().copyIds(),
                      null,
                      null,
                      KEY.name()));
        }
      }
    }
    return List.copyOf(urls);
  }

  private static byte[] save(StepContext context, Form form) {
    String name =
        form.copy().archiveId() + "-" + form.context().name().toLowerCase(Locale.ROOT) + ".eml";
    try (Download download =
            context
                .client()
                .messages()
                .part(
                    form.copy().archiveId(),
                    PartType.RFC822,
                    form.context(),
                    form.context() == MessageContext.DELIVERED ? form.copy().mailbox() : null);
        InputStream body = download.body()) {
      // Messages are small: kept in memory once, so the saved bytes are exactly the parsed bytes.
      byte[] bytes = body.readAllBytes();
      context
          .evidence()
          .save(
              name,
              bytes,
              "message "
                  + form.copy().archiveId()
                  + " as "
                  + form.context().name().toLowerCase(Locale.ROOT)
                  + (form.context() == MessageContext.DELIVERED
                      ? " to " + form.copy().mailbox()
                      : "")
                  + " (request "
                  + download.requestId()
                  + ")");
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Form(ArchivedCopy copy, MessageContext context) {}
}
