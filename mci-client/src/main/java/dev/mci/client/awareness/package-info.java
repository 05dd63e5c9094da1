/**
 * Awareness Training (reference 06): SAFE scores, training performance, phishing-simulation
 * campaigns and their per-user results, one user's training, and the watchlist.
 */
package dev.mci.client.awareness;
