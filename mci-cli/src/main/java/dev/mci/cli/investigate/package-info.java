/** {@code mci investigate}: the command over the investigation library. */
package dev.mci.cli.investigate;
