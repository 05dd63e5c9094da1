/**
 * Threat Remediation incidents (reference 03 §3): requests to remove matching messages from
 * mailboxes, with their criteria and counts. Obtain {@link dev.mci.client.incidents.IncidentsApi}
 * from {@code MimecastClient.incidents()}. Read only: MCI never creates an incident.
 */
package dev.mci.client.incidents;
