/**
 * The playbook engine: {@link dev.mci.investigate.engine.Step}s with declared needs form a {@link
 * dev.mci.investigate.engine.Playbook}; a {@link dev.mci.investigate.engine.PlaybookRunner} runs
 * them concurrently within a bound, longest chain first (each step's per-item work within a bound
 * of its own), records each failure against its step and skips only the steps that needed it.
 * {@link dev.mci.investigate.engine.AuditTrail} attributes every API call to the step that made it
 * and gives it its place on the longest chain of calls it had to wait for.
 */
package dev.mci.investigate.engine;
