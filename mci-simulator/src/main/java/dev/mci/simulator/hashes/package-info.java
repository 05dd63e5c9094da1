/** Threat Remediation file-hash search, the "hashes" API area (reference 03 §2). */
package dev.mci.simulator.hashes;
