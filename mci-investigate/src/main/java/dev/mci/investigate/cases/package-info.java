/**
 * The case: its model (records written to {@code case.json} with a versioned schema), the
 * thread-safe {@link dev.mci.investigate.cases.CaseRecorder} steps report into, the {@code
 * evidence/} folder, the case folder writer and reader, and the {@link
 * dev.mci.investigate.cases.CaseIndex} that finds cases without calling the API.
 */
package dev.mci.investigate.cases;
