package dev.mci.simulator.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiArea;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.Routes;
import dev.mci.simulator.tenant.Account;
import dev.mci.simulator.tenant.Tenant;
import java.util.List;

/**
 * Registers {@code POST /api/account/get-account}: a minimal account record ({@code accountCode},
 * {@code accountName}, {@code region}). The endpoint takes no input; any {@code data} is ignored.
 */
public final class AccountArea implements ApiArea {

  /** The get-account path. */
  public static final String GET_ACCOUNT = "/api/account/get-account";

  private final Tenant tenant;

  /** The area over {@code tenant}. */
  public AccountArea(Tenant tenant) {
    this.tenant = tenant;
  }

  @Override
  public void register(Routes routes) {
    routes.post(
        GET_ACCOUNT,
        call -> {
          Account account = tenant.account();
          ObjectNode item = Json.object();
          item.put("accountCode", account.accountCode());
          item.put("accountName", account.accountName());
          item.put("region", account.region());
          return ApiReply.ok(List.of(item));
        });
  }
}
