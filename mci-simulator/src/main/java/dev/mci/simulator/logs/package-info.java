/**
 * Protection and gateway logs, the "logs" API area (reference 04): URL Protect clicks,
 * Impersonation Protect and Attachment Protect logs, held-message release logs, rejection logs and
 * the held-message list. Every row is derived from the tenant's messages through {@link
 * dev.mci.simulator.tenant.TenantActivity}, so the same click, verdict or hold shows up the same
 * way wherever it appears.
 */
package dev.mci.simulator.logs;
