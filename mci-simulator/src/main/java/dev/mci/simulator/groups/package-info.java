/** Directory groups: find-groups and get-group-members, the "groups" API area (reference 07). */
package dev.mci.simulator.groups;
