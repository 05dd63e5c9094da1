/**
 * Pulling events from Mimecast into the store: {@link dev.mci.store.pull.EventPuller}, resumable
 * after a crash at any point, with stable fingerprints, quarantine of damaged files and recovery
 * from expired URLs, refused or looping cursors, 429 storms and expiring tokens.
 */
package dev.mci.store.pull;
