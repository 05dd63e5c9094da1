package dev.mci.investigate.cases;

/**
 * One hunt of the local event store for a value of the case (playbook step 9).
 *
 * @param kind what the value is: {@code sender}, {@code domain}, {@code ip}, {@code hash} or {@code
 *     user}
 * @param value the value hunted, as the store keeps it (lower case except IPs)
 * @param role why the case hunts it: {@code indicator}, {@code sender}, {@code sender-domain},
 *     {@code sending-ip}, {@code attachment} or {@code recipient}
 * @param total how many stored events in the window hold the value
 * @param related how many of them the case keeps (the newest, and for a recipient only those that
 *     also touch the case's sender, domain, IP, hash or message)
 */
public record LocalEventHunt(String kind, String value, String role, long total, int related) {}
