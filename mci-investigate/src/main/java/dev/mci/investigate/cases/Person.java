package dev.mci.investigate.cases;

/**
 * A recipient or clicker as Awareness Training sees them.
 *
 * @param address the user's address, lower case
 * @param clicked whether the user clicked a URL of the case
 * @param safeRisk the SAFE score risk grade, null when not reported
 * @param humanError the SAFE score human-error grade, null when not reported
 * @param latestPhishing the user's status in the latest phishing simulation, null when not targeted
 * @param trainingModulesNotWatched assigned training modules not yet watched, null when unknown
 * @param foundBy the step that found it
 */
public record Person(
    String address,
    boolean clicked,
    String safeRisk,
    String humanError,
    String latestPhishing,
    Integer trainingModulesNotWatched,
    String foundBy) {}
