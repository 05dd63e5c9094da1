package dev.mci.client.messages;

import dev.mci.client.AutoPager;
import java.util.Objects;

/**
 * The answer of {@link MessagesApi#locate(Lookup)}: which source was searched, and its results
 * (fetched lazily as they are iterated).
 *
 * @param source Message Finder or the archive
 * @param messages the results
 */
public record Located(FoundMessage.Source source, AutoPager<FoundMessage> messages) {

  /** Checks nothing is null. */
  public Located {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(messages, "messages");
  }
}
