package dev.mci.simulator.messages;

import dev.mci.simulator.core.ApiArea;
import dev.mci.simulator.core.Routes;
import dev.mci.simulator.tenant.Tenant;

/** Registers the "messages" endpoints. */
public final class MessagesArea implements ApiArea {

  /** Message Finder search (reference 01 §1). */
  public static final String SEARCH = "/api/message-finder/search";

  private final Tenant tenant;

  /** The area over {@code tenant}. */
  public MessagesArea(Tenant tenant) {
    this.tenant = tenant;
  }

  @Override
  public void register(Routes routes) {
    routes.post(SEARCH, new MessageFinderSearch(tenant));
  }
}
