/** Account information ({@code get-account}), used by {@code mci auth check}. */
package dev.mci.simulator.account;
