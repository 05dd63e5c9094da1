/**
 * The playbook engine: {@link dev.mci.investigate.engine.Step}s with declared needs form a {@link
 * dev.mci.investigate.engine.Playbook}; a {@link dev.mci.investigate.engine.PlaybookRunner} runs
 * them concurrently within a bound, longest chain first, records each failure against its step and
 * skips only the steps that needed it. {@link dev.mci.investigate.engine.AuditTrail} attributes
 * every API call to the step that made it.
 */
package dev.mci.investigate.engine;
