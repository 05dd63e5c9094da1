/** Threat Remediation incidents, get and find, the "incidents" API area (reference 03 §3). */
package dev.mci.simulator.incidents;
