/** Message Finder, archive, message parts and files: the "messages" API area. */
package dev.mci.simulator.messages;
