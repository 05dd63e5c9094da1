/**
 * Awareness Training: phishing simulations, SAFE scores, performance, training and watchlist, the
 * "awareness" API area (reference 06).
 */
package dev.mci.simulator.awareness;
