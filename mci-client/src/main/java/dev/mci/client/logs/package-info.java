/**
 * Protection and gateway logs (reference 04): what URL Protect, Impersonation Protect and
 * Attachment Protect saw, which held messages were released or rejected and by whom, what the
 * gateway rejected, and what is in the hold queue now. Obtain {@link dev.mci.client.logs.LogsApi}
 * from {@code MimecastClient.logs()}; every listing is a lazy {@link dev.mci.client.AutoPager} that
 * fetches the next page only when iteration reaches it. All calls only read.
 */
package dev.mci.client.logs;
