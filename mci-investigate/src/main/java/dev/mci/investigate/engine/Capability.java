package dev.mci.investigate.engine;

/**
 * One thing the investigation playbook asks for (issue 7, "The playbook"). Each {@link Step}
 * declares which capabilities it provides; a capability no step of a run provides is reported in
 * the case as not covered, so the case never pretends to be more complete than it is.
 */
public enum Capability {
  /** Playbook 1: Message Finder, inside its ~30 days. */
  LOCATE_MESSAGE_FINDER(1, "locating the messages with Message Finder (the last 30 days)"),
  /** Playbook 1: archive search, beyond Message Finder's 30 days. */
  LOCATE_ARCHIVE(1, "locating messages older than 30 days with archive search"),
  /** Playbook 1: a Mimecast message id looked up directly. */
  LOCATE_BY_MIMECAST_ID(1, "looking up a Mimecast message id (get-message-info)"),
  /** Playbook 2: route, SPF/DKIM/DMARC, policies applied, spam score. */
  MESSAGE_INFO(2, "message info: route, SPF/DKIM/DMARC, policies applied, spam score"),
  /** Playbook 2: headers and attachments; URLs and attachments extracted. */
  MESSAGE_DETAIL(2, "message detail: headers, attachments, URLs extracted"),
  /** Playbook 2: RECEIVED and DELIVERED forms saved as evidence. */
  MESSAGE_EVIDENCE(2, "both message forms (as received, as delivered) saved as evidence"),
  /** Playbook 3: org-wide hash search. */
  HASH_SEARCH(3, "org-wide search for the attachment SHA-256"),
  /** Playbook 3: attachment-protect logs. */
  ATTACHMENT_LOGS(3, "Attachment Protect logs"),
  /** Playbook 4: decoding rewritten URLs. */
  URL_DECODE(4, "decoding URL Protect rewritten links"),
  /** Playbook 4: URL-protect logs: clicks, blocks, overrides. */
  URL_LOGS(4, "URL Protect logs: who clicked, what was blocked or allowed, who overrode"),
  /** Playbook 5: impersonation-protect logs. */
  IMPERSONATION_LOGS(5, "Impersonation Protect logs"),
  /** Playbook 5: release logs. */
  RELEASE_LOGS(5, "held-release logs: who released what was held, and when"),
  /** Playbook 5: rejection logs for the sender and IP. */
  REJECTION_LOGS(5, "rejection logs for the sender and IP"),
  /** Playbook 5: remediation incidents. */
  INCIDENTS(5, "remediation incidents touching the message, hash or URL"),
  /** Playbook 6: other recipients of the same sender or subject. */
  BLAST_RADIUS_SENDER_SUBJECT(6, "blast radius: other messages from the same sender or subject"),
  /** Playbook 6: other recipients of the same hash or URL. */
  BLAST_RADIUS_HASH_URL(6, "blast radius: other messages with the same hash or URL"),
  /** Playbook 7: SAFE score, phishing-simulation result, training status. */
  PEOPLE(7, "people: SAFE score, latest phishing-simulation result, training status"),
  /** Playbook 8: blocked-sender policies and group memberships. */
  POLICY_EXPLAIN(8, "policy: blocked-sender policies and group memberships (policies explain)"),
  /** Playbook 9: the local event store. */
  EVENTS(9, "matching rows from the local event store");

  private final int playbookPart;
  private final String description;

  Capability(int playbookPart, String description) {
    this.playbookPart = playbookPart;
    this.description = description;
  }

  /** The number of the playbook part (1 to 9) this belongs to. */
  public int playbookPart() {
    return playbookPart;
  }

  /** What it covers, in plain words. */
  public String description() {
    return description;
  }
}
