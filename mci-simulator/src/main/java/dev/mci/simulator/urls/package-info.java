/** URL Protect: decode-url (and later managed URLs and click logs), the "urls" API area. */
package dev.mci.simulator.urls;
