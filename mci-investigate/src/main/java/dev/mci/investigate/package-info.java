/**
 * MCI's investigation engine, library first: {@link dev.mci.investigate.Investigation#run(String,
 * dev.mci.investigate.InvestigationOptions)} takes one indicator and returns a complete case, whose
 * folder it writes. The command line is a thin layer over this package.
 *
 * <p>Sub-packages: {@code engine} (the step graph and its concurrent runner), {@code steps} (the
 * playbook's steps over the client), {@code findings} (rules that turn data into ranked statements,
 * and the timeline), {@code cases} (the case model, its folder and index), {@code report} (the HTML
 * and Markdown reports) and {@code export} (JSON, CSV, STIX 2.1).
 */
package dev.mci.investigate;
