package dev.mci.client;

import java.util.List;

/**
 * The account the credentials belong to, from {@code /api/account/get-account}.
 *
 * @param accountCode the account code, e.g. {@code CUSA102A236}; empty if absent
 * @param accountName the account's name; empty if absent
 * @param region the region Mimecast reports for the account; empty if absent
 * @param packages the product packages of the account, empty if not reported
 */
public record AccountInfo(
    String accountCode, String accountName, String region, List<String> packages) {

  /** Normalises absent values to empty. */
  public AccountInfo {
    accountCode = accountCode == null ? "" : accountCode;
    accountName = accountName == null ? "" : accountName;
    region = region == null ? "" : region;
    packages = packages == null ? List.of() : List.copyOf(packages);
  }
}
