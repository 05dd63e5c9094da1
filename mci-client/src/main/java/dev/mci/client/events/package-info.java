/**
 * Event streaming (reference 05): API 2.0 SIEM batch files and streaming pages, API 1.0 SIEM log
 * files, audit events, and MCI's UNVERIFIED web security record. Entry point: {@link
 * dev.mci.client.events.EventsApi}.
 */
package dev.mci.client.events;
