package dev.mci.simulator.tenant;

import java.util.Objects;

/**
 * The Mimecast account behind the tenant.
 *
 * @param accountCode account code with its grid prefix, e.g. {@code CUSA4F2E1A}
 * @param accountName the customer's name
 * @param region the hosting region, e.g. {@code us}
 * @param adminEmail the administrator who acts in the console
 */
public record Account(String accountCode, String accountName, String region, String adminEmail) {

  /** Checks nothing is null. */
  public Account {
    Objects.requireNonNull(accountCode, "accountCode");
    Objects.requireNonNull(accountName, "accountName");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(adminEmail, "adminEmail");
  }
}
