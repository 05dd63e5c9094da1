/** Case exports that need no API call: the JSON model, the messages as CSV, a STIX 2.1 bundle. */
package dev.mci.investigate.export;
