/**
 * Blocked Senders policies (reference 07 §1) and {@link dev.mci.client.policies.PolicyExplainer},
 * which tells why mail from one sender to one recipient was or was not blocked.
 */
package dev.mci.client.policies;
