/** URL Protect: decode-url and the managed URL list, the "urls" API area (reference 03 §1, §4). */
package dev.mci.simulator.urls;
