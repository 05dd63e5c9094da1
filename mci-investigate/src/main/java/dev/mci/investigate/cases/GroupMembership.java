package dev.mci.investigate.cases;

/**
 * A directory group that contains a sender (or its domain), explaining a policy outcome.
 *
 * @param group the group's name, e.g. {@code Permitted Senders}
 * @param member the member entry that matched: an address or a domain
 * @param effect what the group does to mail, e.g. {@code permit}, {@code block}; null when unknown
 * @param foundBy the step that found it
 */
public record GroupMembership(String group, String member, String effect, String foundBy) {}
