/**
 * Directory groups: find groups, list members, and a {@link dev.mci.client.groups.GroupDirectory}
 * snapshot for questions such as "which groups is this address in?" (reference 07 §2-3).
 */
package dev.mci.client.groups;
