package dev.mci.cli.messages;

import dev.mci.client.messages.MessageContext;
import java.util.Locale;

/** The {@code --context} values, in the lower case users type. */
enum ContextOption {
  received(MessageContext.RECEIVED),
  delivered(MessageContext.DELIVERED);

  private final MessageContext context;

  ContextOption(MessageContext context) {
    this.context = context;
  }

  MessageContext context() {
    return context;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
