/**
 * The transport shared by every API area: authentication, request ids, rate limiting, retries,
 * envelope decoding and paging. Not API: these types are public only so that the area packages can
 * use them, and may change without notice.
 */
package dev.mci.client.internal;
