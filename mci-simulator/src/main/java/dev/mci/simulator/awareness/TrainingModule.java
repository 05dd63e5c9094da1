package dev.mci.simulator.awareness;

import java.time.Instant;

/**
 * A training module assigned to every user (reference 06 §6).
 *
 * @param index position, oldest first
 * @param titleId opaque module id
 * @param title module title
 * @param assigned when it was assigned
 */
record TrainingModule(int index, String titleId, String title, Instant assigned) {}
