/** Blocked Senders policies: get-policy, the "policies" API area (reference 07 §1). */
package dev.mci.simulator.policies;
