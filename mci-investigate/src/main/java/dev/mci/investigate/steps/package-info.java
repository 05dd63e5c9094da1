/**
 * The playbook's steps over the Mimecast client, and {@link
 * dev.mci.investigate.steps.InvestigationPlaybook}, which picks the steps for an indicator. Steps
 * of further API areas plug in there.
 */
package dev.mci.investigate.steps;
