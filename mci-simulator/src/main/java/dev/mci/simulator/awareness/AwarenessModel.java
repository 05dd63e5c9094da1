package dev.mci.simulator.awareness;

import dev.mci.simulator.tenant.Group;
import dev.mci.simulator.tenant.IdFamily;
import dev.mci.simulator.tenant.Mailbox;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.User;
import dev.mci.simulator.tenant.UserBehaviour;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's Awareness Training world, derived from its users and their {@link UserBehaviour}:
 * four phishing-simulation campaigns (the latest clicked by exactly the users the tenant marks as
 * having clicked it, risky clickers included), eight monthly training modules with completion gaps,
 * and SAFE scores that follow from both (clickers score worse). Every value is a pure function of
 * the seed, the user and the campaign or module, computed when asked.
 */
final class AwarenessModel {

  private static final long SALT_CAMPAIGN = 0xA7A1L;
  private static final long SALT_TRAINING = 0xA7A2L;
  private static final long SALT_PROFILE = 0xA7A3L;

  private static final List<String> MODULE_TITLES =
      List.of(
          "Spot the Fake Invoice",
          "Passwords and Passphrases",
          "Wire Fraud Red Flags",
          "Safe Browsing on the Road",
          "Reporting Suspicious Mail",
          "Social Engineering by Phone",
          "Handling Customer Data",
          "QR Codes and Mobile Lures");

  private final Tenant tenant;
  private final List<PhishingCampaign> campaigns;
  private final List<TrainingModule> modules;

  AwarenessModel(Tenant tenant) {
    this.tenant = tenant;
    this.campaigns = campaigns(tenant);
    List<TrainingModule> built = new ArrayList<>();
    Instant firstOfCycle = tenant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
    for (int m = 0; m < MODULE_TITLES.size(); m++) {
      Instant assigned = firstOfCycle.minus(Duration.ofDays(28L * (MODULE_TITLES.size() - m) - 3));
      built.add(
          new TrainingModule(
              m,
              tenant.ids().encode(IdFamily.TRAINING_MODULE, m, 0),
              MODULE_TITLES.get(m),
              assigned));
    }
    this.modules = List.copyOf(built);
  }

  Tenant tenant() {
    return tenant;
  }

  /** The campaigns, oldest first; the last is the latest. */
  List<PhishingCampaign> campaigns() {
    return campaigns;
  }

  Optional<PhishingCampaign> campaign(String id) {
    return tenant
        .ids()
        .decode(id, IdFamily.PHISHING_CAMPAIGN)
        .filter(d -> d.index() < campaigns.size())
        .map(d -> campaigns.get((int) d.index()));
  }

  /** The users a campaign was sent to, in {@link Tenant#users()} order. */
  List<User> targets(PhishingCampaign campaign) {
    return tenant.users().stream().filter(u -> isTarget(campaign, u)).toList();
  }

  /** A department (LDAP) group reaches its department; a cloud group reaches everyone. */
  private static boolean isTarget(PhishingCampaign campaign, User user) {
    return campaign.target().source() != Group.Source.LDAP
        || user.department().equals(campaign.target().description());
  }

  /** {@code user}'s result in {@code campaign}; empty when the campaign was not sent to them. */
  Optional<PhishingResult> result(PhishingCampaign campaign, User user) {
    if (!isTarget(campaign, user)) {
      return Optional.empty();
    }
    UserBehaviour behaviour = tenant.behaviour(user);
    Draws d = Draws.of(tenant.seed(), SALT_CAMPAIGN, campaign.index() * 1_000_000L + user.index());
    boolean latest = campaign.index() == campaigns.size() - 1;
    boolean clicked =
        latest ? behaviour.clickedLatestSimulation() : d.chance(behaviour.clickProneness());
    PhishingCampaign.Template template =
        campaign.templates().get((int) d.between(0, campaign.templates().size() - 1));
    Instant scheduled = campaign.launch().plusSeconds(d.between(0, 3_600));
    Optional<Instant> opened = Optional.empty();
    Optional<Instant> clickedAt = Optional.empty();
    Optional<Instant> submitted = Optional.empty();
    Optional<Instant> reported = Optional.empty();
    if (clicked || d.chance(0.6)) {
      opened = Optional.of(scheduled.plusSeconds(d.between(120, 36 * 3_600)));
    }
    if (clicked) {
      clickedAt = Optional.of(opened.get().plusSeconds(d.between(8, 300)));
      if (d.chance(0.35)) {
        submitted = Optional.of(clickedAt.get().plusSeconds(d.between(15, 240)));
      }
    } else if (opened.isPresent() && d.chance(0.35)) {
      reported = Optional.of(opened.get().plusSeconds(d.between(30, 1_800)));
    }
    return Optional.of(
        new PhishingResult(
            user,
            template.displayTitle(),
            scheduled,
            opened,
            clickedAt,
            submitted,
            reported,
            clicked ? Optional.of(behaviour.clickIp()) : Optional.empty()));
  }

  /** Every result of a campaign, in user order. */
  List<PhishingResult> results(PhishingCampaign campaign) {
    return targets(campaign).stream().map(u -> result(campaign, u).orElseThrow()).toList();
  }

  /** How many campaigns were sent to {@code user}, and how many of them the user clicked. */
  int[] campaignCounts(User user) {
    int sent = 0;
    int clicked = 0;
    for (PhishingCampaign campaign : campaigns) {
      Optional<PhishingResult> result = result(campaign, user);
      if (result.isPresent()) {
        sent++;
        clicked += result.get().clicked().isPresent() ? 1 : 0;
      }
    }
    return new int[] {sent, clicked};
  }

  /**
   * {@code user}'s training: risky clickers watch less and answer worse, so their record has gaps
   * and wrong answers; the most recent module is often still unwatched.
   */
  TrainingRecord training(User user) {
    UserBehaviour behaviour = tenant.behaviour(user);
    Draws d = Draws.of(tenant.seed(), SALT_TRAINING, user.index());
    double engagement;
    double knowledge;
    if (behaviour.clicksRealLinks()) {
      engagement = 0.35 + 0.25 * d.nextDouble();
      knowledge = 0.35 + 0.25 * d.nextDouble();
    } else if (behaviour.clickedLatestSimulation()) {
      engagement = 0.55 + 0.25 * d.nextDouble();
      knowledge = 0.6 + 0.25 * d.nextDouble();
    } else {
      engagement = 0.75 + 0.25 * d.nextDouble();
      knowledge = 0.75 + 0.25 * d.nextDouble();
    }
    List<TrainingRecord.Progress> progress = new ArrayList<>();
    Instant now = tenant.now();
    for (TrainingModule module : modules) {
      boolean recent = module.index() == modules.size() - 1;
      boolean watched = d.chance(recent ? engagement * 0.6 : engagement);
      Optional<Instant> watchedAt = Optional.empty();
      Optional<Boolean> correct = Optional.empty();
      if (watched) {
        long maxDelayDays = engagement > 0.75 ? 4 : 24;
        Instant at = module.assigned().plusSeconds(d.between(3_600, maxDelayDays * 86_400));
        if (at.isBefore(now)) {
          watchedAt = Optional.of(at);
          correct = Optional.of(d.chance(knowledge));
        }
      }
      progress.add(new TrainingRecord.Progress(module, watchedAt, correct));
    }
    List<String> badges = new ArrayList<>();
    long watchedCount = progress.stream().filter(p -> p.watched().isPresent()).count();
    if (watchedCount >= 3 && progress.stream().noneMatch(TrainingRecord.Progress::onWatchlist)) {
      badges.add("perfectScore");
    }
    if (watchedCount == progress.size()) {
      badges.add("allCaughtUp");
    }
    return new TrainingRecord(user, progress, badges);
  }

  /** Times on the watchlist: every wrong answer and every simulation click. */
  long watchlistCount(User user) {
    return training(user).incorrect() + campaignCounts(user)[1];
  }

  /** The SAFE score, from clicks (simulated and real), training progress and answers. */
  SafeScore safeScore(User user) {
    UserBehaviour behaviour = tenant.behaviour(user);
    TrainingRecord training = training(user);
    Draws d = Draws.of(tenant.seed(), SALT_PROFILE, user.index());
    int clicks = campaignCounts(user)[1];
    int humanError =
        clamp(
            950 - 230 * clicks - (behaviour.clicksRealLinks() ? 320 : 0) - (int) d.between(0, 40));
    long watched = training.modules().size() - training.notWatched();
    int engagement = clamp(120 + (int) (860.0 * watched / training.modules().size()));
    int knowledge = watched == 0 ? 250 : clamp(120 + (int) (860.0 * training.correct() / watched));
    int sentiment = clamp(480 + (int) d.between(-120, 380));
    return new SafeScore(user, humanError, sentiment, engagement, knowledge);
  }

  private static int clamp(long score) {
    return (int) Math.max(1, Math.min(1000, score));
  }

  private static List<PhishingCampaign> campaigns(Tenant tenant) {
    Group allStaff = group(tenant, "All Staff");
    Group finance = group(tenant, "Finance");
    Instant day = tenant.now().truncatedTo(ChronoUnit.DAYS);
    List<PhishingCampaign> built = new ArrayList<>();
    add(
        tenant,
        built,
        "Q3 shared invoice lure",
        List.of("Shared invoice (cloud drive)", "Overdue invoice reminder"),
        new Mailbox("Accounts Payable", "ap-notices@invoice-share.example"),
        allStaff,
        day.minus(Duration.ofDays(161)).plus(Duration.ofHours(9)),
        "TZ1");
    add(
        tenant,
        built,
        "Finance payroll portal reset",
        List.of("Payroll portal password expiry"),
        new Mailbox("Payroll Team", "payroll@hr-portal-update.example"),
        finance,
        day.minus(Duration.ofDays(112)).plus(Duration.ofHours(10)),
        "TZ2");
    add(
        tenant,
        built,
        "Parcel delivery failed",
        List.of("Missed delivery: reschedule", "Customs fee due"),
        new Mailbox("Parcel Tracking", "tracking@parcel-redelivery.example"),
        allStaff,
        day.minus(Duration.ofDays(63)).plus(Duration.ofHours(9)),
        "TZ1");
    add(
        tenant,
        built,
        "Urgent wire request from the CEO",
        List.of("CEO: urgent wire before close", "Board pack shared with you"),
        new Mailbox(tenant.users().get(0).displayName(), "ceo-office@exec-briefings.example"),
        allStaff,
        day.minus(Duration.ofDays(9)).plus(Duration.ofHours(8)),
        "TZ3");
    return List.copyOf(built);
  }

  private static void add(
      Tenant tenant,
      List<PhishingCampaign> built,
      String name,
      List<String> templateTitles,
      Mailbox sender,
      Group target,
      Instant launch,
      String timeSlot) {
    int index = built.size();
    List<PhishingCampaign.Template> templates = new ArrayList<>();
    for (String title : templateTitles) {
      templates.add(
          new PhishingCampaign.Template(
              tenant.ids().encode(IdFamily.PHISHING_TEMPLATE, index, templates.size()), title));
    }
    built.add(
        new PhishingCampaign(
            index,
            tenant.ids().encode(IdFamily.PHISHING_CAMPAIGN, index, 0),
            name,
            templates,
            sender,
            target,
            launch,
            timeSlot));
  }

  private static Group group(Tenant tenant, String name) {
    return tenant.groups().stream()
        .filter(g -> g.description().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the tenant has no group " + name));
  }
}
