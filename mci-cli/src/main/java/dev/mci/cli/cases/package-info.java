/** {@code mci case list|show|export}: stored cases, read from their folders without API calls. */
package dev.mci.cli.cases;
