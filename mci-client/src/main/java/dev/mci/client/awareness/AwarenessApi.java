package dev.mci.client.awareness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.AutoPager;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.InvalidResponseException;
import dev.mci.client.MimecastApiException;
import dev.mci.client.MimecastTime;
import dev.mci.client.NotFoundException;
import dev.mci.client.Page;
import dev.mci.client.groups.DirectoryGroup;
import dev.mci.client.internal.Envelope;
import dev.mci.client.internal.Json;
import dev.mci.client.internal.Operation;
import dev.mci.client.internal.Transport;
import dev.mci.client.internal.UnknownIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Awareness Training (reference 06). Obtain it from {@code MimecastClient.awareness()}.
 * Thread-safe.
 *
 * <p>Per-user listings are lazy {@link AutoPager}s over every page. Where a {@link UserSearch} is
 * given it is sent as {@code searchBy} and also applied to what comes back, because whether each
 * endpoint honours it is UNVERIFIED.
 */
public final class AwarenessApi {

  private static final String BASE = "/api/awareness-training";

  static final Operation SAFE_SCORE_DETAILS =
      Operation.readPaged(BASE + "/company/get-safe-score-details");
  static final Operation PERFORMANCE_DETAILS =
      Operation.readPaged(BASE + "/company/get-performance-details");
  static final Operation WATCHLIST_DETAILS =
      Operation.readPaged(BASE + "/company/get-watchlist-details");
  static final Operation GET_CAMPAIGN = Operation.read(BASE + "/phishing/campaign/get-campaign");
  static final Operation GET_USER_DATA =
      Operation.readPaged(BASE + "/phishing/campaign/get-user-data");
  static final Operation TRAINING_DETAILS = Operation.read(BASE + "/user/get-training-details");

  /** Records per page unless {@link #pageSize(int)} says otherwise. */
  public static final int DEFAULT_PAGE_SIZE = 200;

  /** Largest page size (reference 00 §7; Mimecast's own Sentinel connector uses 500). */
  public static final int MAX_PAGE_SIZE = 500;

  /** Phishing-result statuses, furthest stage reached (06 §5.2). */
  public static final Set<String> PHISHING_STATUSES =
      Set.of("sent", "opened", "clicked", "submitted");

  private final Transport transport;
  private final int pageSize;

  /** Used by the client; not for direct use. */
  public AwarenessApi(Transport transport) {
    this(transport, DEFAULT_PAGE_SIZE);
  }

  private AwarenessApi(Transport transport, int pageSize) {
    this.transport = transport;
    this.pageSize = pageSize;
  }

  /**
   * The same calls with another page size (default 200).
   *
   * @throws InvalidRequestException unless {@code 1 <= size <= 500}
   */
  public AwarenessApi pageSize(int size) {
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          BASE, "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
    }
    return new AwarenessApi(transport, size);
  }

  /** Every user's SAFE score. */
  public AutoPager<SafeScore> safeScores() {
    return safeScores(Optional.empty());
  }

  /** The SAFE scores of the users {@code search} selects (all users when empty). */
  public AutoPager<SafeScore> safeScores(Optional<UserSearch> search) {
    return pager(
        SAFE_SCORE_DETAILS,
        request(search),
        AwarenessApi::safeScore,
        s -> keep(search, s.emailAddress(), s.name(), s.department()));
  }

  /**
   * Training performance per user.
   *
   * @param search which users (all when empty)
   * @param type a performance bucket; {@link PerformanceType#VIDEO_COUNT_ALL} for every user
   */
  public AutoPager<TrainingPerformance> performance(
      Optional<UserSearch> search, PerformanceType type) {
    ObjectNode item = request(search);
    if (type != null && type != PerformanceType.VIDEO_COUNT_ALL) {
      item.putObject("filterBy").put("fieldName", "type").put("value", type.wireValue());
    }
    return pager(
        PERFORMANCE_DETAILS,
        item,
        AwarenessApi::performance,
        p -> keep(search, p.email(), p.name(), p.department()));
  }

  /** The users on the watchlist that {@code search} selects (all when empty). */
  public AutoPager<WatchlistEntry> watchlist(Optional<UserSearch> search) {
    return pager(
        WATCHLIST_DETAILS,
        request(search),
        AwarenessApi::watchlistEntry,
        w -> keep(search, w.email(), w.name(), w.department()));
  }

  /** Every phishing-simulation campaign, as Mimecast lists them. */
  public List<PhishingCampaign> phishingCampaigns() {
    return campaigns(transport.call(GET_CAMPAIGN, List.of()));
  }

  /** The campaign launched last; empty when there is none. */
  public Optional<PhishingCampaign> latestPhishingCampaign() {
    return phishingCampaigns().stream()
        .filter(c -> c.launched().isPresent())
        .max(Comparator.comparing(c -> c.launched().get()));
  }

  /**
   * One campaign.
   *
   * @throws InvalidRequestException before any call if the id is blank
   * @throws NotFoundException when Mimecast does not know the id
   */
  public PhishingCampaign phishingCampaign(String id) {
    String campaignId = requireText(id, GET_CAMPAIGN, "the campaign id is blank");
    ObjectNode item = Json.object();
    item.put("id", campaignId);
    List<PhishingCampaign> found;
    try {
      found = campaigns(transport.call(GET_CAMPAIGN, List.of(item)));
    } catch (MimecastApiException e) {
      throw UnknownIds.translate(
          e, "phishing campaign", campaignId, "list the campaigns to see their ids");
    }
    return found.stream()
        .filter(c -> c.id().equals(campaignId))
        .findFirst()
        .or(() -> found.stream().findFirst())
        .orElseThrow(
            () ->
                new InvalidResponseException(
                    GET_CAMPAIGN.path(), null, "get-campaign answered no campaign", null));
  }

  /** Every targeted user's result in a campaign. */
  public AutoPager<PhishingResult> phishingResults(String campaignId) {
    return phishingResults(campaignId, List.of());
  }

  /**
   * The targeted users' results in a campaign, limited to some statuses (the furthest stage
   * reached; a user who submitted data has status {@code submitted}, not {@code clicked}). For
   * "everyone who clicked", filter {@link #phishingResults(String)} on {@link
   * PhishingResult#hasClicked()}.
   *
   * @param statuses any of {@code sent}, {@code opened}, {@code clicked}, {@code submitted}; none
   *     for all
   * @throws InvalidRequestException before any call on a blank id or an unknown status
   * @throws NotFoundException (while iterating) when Mimecast does not know the campaign
   */
  public AutoPager<PhishingResult> phishingResults(String campaignId, Collection<String> statuses) {
    String id = requireText(campaignId, GET_USER_DATA, "the campaign id is blank");
    Set<String> wanted = new LinkedHashSet<>();
    for (String status : statuses) {
      String value = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
      if (!PHISHING_STATUSES.contains(value)) {
        throw new InvalidRequestException(
            GET_USER_DATA.path(),
            "status '" + status + "' is not one of sent, opened, clicked, submitted");
      }
      wanted.add(value);
    }
    ObjectNode item = Json.object();
    item.put("id", id);
    if (!wanted.isEmpty()) {
      ArrayNode filters = item.putArray("filterBy");
      wanted.forEach(s -> filters.addObject().put("fieldName", "status").put("value", s));
    }
    List<JsonNode> data = List.of(item);
    return filtered(
        token -> {
          try {
            return transport.page(GET_USER_DATA, data, pageSize, token, AwarenessApi::results);
          } catch (MimecastApiException e) {
            throw UnknownIds.translate(
                e, "phishing campaign", id, "list the campaigns to see their ids");
          }
        },
        r -> wanted.isEmpty() || wanted.contains(r.status().toLowerCase(Locale.ROOT)));
  }

  /**
   * One user's training: assignments, watch dates, answers, watchlist status and badges.
   *
   * @throws InvalidRequestException before any call if the address is blank or not an address
   */
  public TrainingDetails trainingDetails(String emailAddress) {
    String address = requireText(emailAddress, TRAINING_DETAILS, "the user's address is blank");
    if (address.indexOf('@') <= 0) {
      throw new InvalidRequestException(
          TRAINING_DETAILS.path(),
          "'" + address + "' is not an e-mail address; find the user's address first");
    }
    ObjectNode item = Json.object();
    item.put("emailAddress", address);
    Envelope envelope = transport.call(TRAINING_DETAILS, List.of(item));
    JsonNode first = envelope.first().orElse(Json.object());
    List<TrainingAssignment> modules = new ArrayList<>();
    for (JsonNode module : Json.elements(first, "training")) {
      Boolean onWatchlist = Json.bool(module, "onWatchlist");
      if (onWatchlist == null) {
        onWatchlist = Json.bool(module, "onWatchList");
      }
      String watchedDate = Json.text(module, "watchedDate");
      modules.add(
          new TrainingAssignment(
              text(module, "titleId"),
              text(module, "title"),
              date(module, "assignedTimeStamp", envelope),
              Boolean.TRUE.equals(Json.bool(module, "watched")),
              date(module, watchedDate != null ? "watchedDate" : "watchedData", envelope),
              Optional.ofNullable(Json.text(module, "myAnswer")).filter(a -> !a.isBlank()),
              Boolean.TRUE.equals(onWatchlist)));
    }
    List<String> badges = new ArrayList<>();
    JsonNode meritBadge = first.path("meritBadge");
    meritBadge
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode value = entry.getValue();
              boolean earned =
                  !(value.isNull() || (value.isBoolean() && !value.booleanValue()))
                      && !(value.isNumber() && value.asInt() == 0);
              if (earned) {
                badges.add(entry.getKey());
              }
            });
    return new TrainingDetails(
        address, modules, Boolean.TRUE.equals(Json.bool(first, "needEngagement")), badges);
  }

  /**
   * The users an address or a display name may mean, looked up in the SAFE score listing (which
   * lists every user): an address matches exactly; a name matches the whole display name, and names
   * that merely contain the text come back as suggestions.
   *
   * @throws InvalidRequestException before any call if the text is blank
   */
  public UserMatches findUsers(String addressOrName) {
    String text = requireText(addressOrName, SAFE_SCORE_DETAILS, "the user is blank");
    boolean address = text.contains("@");
    List<AwarenessUser> exact = new ArrayList<>();
    List<AwarenessUser> partial = new ArrayList<>();
    UserSearch search = address ? UserSearch.email(text) : UserSearch.name(text);
    for (SafeScore score : safeScores(Optional.of(search))) {
      AwarenessUser user =
          new AwarenessUser(score.emailAddress(), score.name(), score.department());
      boolean equal =
          address
              ? score.emailAddress().equalsIgnoreCase(text)
              : score.name().equalsIgnoreCase(text);
      (equal ? exact : partial).add(user);
    }
    return new UserMatches(exact, partial);
  }

  private <T> AutoPager<T> pager(
      Operation operation, ObjectNode item, Function<JsonNode, T> parse, Predicate<T> keep) {
    List<JsonNode> data = List.of(item);
    return filtered(
        token ->
            transport.page(
                operation,
                data,
                pageSize,
                token,
                envelope -> envelope.data().stream().map(parse).toList()),
        keep);
  }

  /**
   * A pager that drops the records {@code keep} refuses. A page left empty by the filter is skipped
   * at once (an empty page would end the listing), so every page is still read.
   */
  private static <T> AutoPager<T> filtered(AutoPager.PageFetcher<T> fetch, Predicate<T> keep) {
    return AutoPager.of(
        token -> {
          Optional<String> current = token;
          while (true) {
            Page<T> page = fetch.fetch(current);
            List<T> kept = page.items().stream().filter(keep).toList();
            if (!kept.isEmpty() || !page.hasNext()) {
              return new Page<>(
                  kept,
                  page.hasNext() ? page.nextPageToken() : Optional.empty(),
                  page.totalCount());
            }
            current = page.nextPageToken();
          }
        });
  }

  private static boolean keep(
      Optional<UserSearch> search, String email, String name, String department) {
    return search.map(s -> s.matches(email, name, department)).orElse(true);
  }

  private static ObjectNode request(Optional<UserSearch> search) {
    ObjectNode item = Json.object();
    search.ifPresent(
        s ->
            item.putObject("searchBy")
                .put("fieldName", s.field().wireValue())
                .put("value", s.value()));
    return item;
  }

  private static SafeScore safeScore(JsonNode row) {
    return new SafeScore(
        text(row, "emailAddress"),
        text(row, "name"),
        text(row, "department"),
        text(row, "risk"),
        text(row, "humanError"),
        text(row, "sentiment"),
        text(row, "engagement"),
        text(row, "knowledge"),
        text(row, "userState"));
  }

  private static TrainingPerformance performance(JsonNode row) {
    return new TrainingPerformance(
        text(row, "email"),
        text(row, "name"),
        text(row, "department"),
        Json.integer(row, "numCorrect").orElse(0),
        Json.integer(row, "numIncorrect").orElse(0),
        Json.integer(row, "numNotWatched").orElse(0),
        text(row, "userState"));
  }

  private static WatchlistEntry watchlistEntry(JsonNode row) {
    return new WatchlistEntry(
        text(row, "email"),
        text(row, "name"),
        text(row, "department"),
        Json.integer(row, "watchlistCount").orElse(0),
        text(row, "userState"));
  }

  private static List<PhishingCampaign> campaigns(Envelope envelope) {
    List<PhishingCampaign> campaigns = new ArrayList<>();
    for (JsonNode row : envelope.data()) {
      List<String> templates = new ArrayList<>();
      for (JsonNode template : Json.elements(row, "templates")) {
        templates.add(text(template, "displayTitle"));
      }
      JsonNode sender = row.path("sender");
      JsonNode group = row.get("group");
      campaigns.add(
          new PhishingCampaign(
              text(row, "id"),
              text(row, "name"),
              templates,
              optional(sender, "name"),
              optional(sender, "email"),
              group != null && group.isObject() ? Optional.of(group(group)) : Optional.empty(),
              date(row, "launchDate", envelope),
              Json.integer(row, "numSent").orElse(0),
              Json.integer(row, "numOpened").orElse(0),
              Json.integer(row, "numClicked").orElse(0),
              Json.integer(row, "numSubmitted").orElse(0)));
    }
    return campaigns;
  }

  /** The embedded target group, in find-groups' folder shape (06 §5.1). */
  private static DirectoryGroup group(JsonNode folder) {
    return new DirectoryGroup(
        text(folder, "id"),
        text(folder, "description"),
        text(folder, "source"),
        optional(folder, "parentId"),
        Json.integer(folder, "userCount").orElse(0),
        Json.integer(folder, "folderCount").orElse(0));
  }

  private static List<PhishingResult> results(Envelope envelope) {
    List<PhishingResult> results = new ArrayList<>();
    for (JsonNode wrapper : envelope.data()) {
      for (JsonNode row : Json.elements(wrapper, "items")) {
        JsonNode reaction = row.get("reactionTime");
        results.add(
            new PhishingResult(
                text(row, "email"),
                text(row, "name"),
                text(row, "department"),
                text(row, "templateName"),
                text(row, "status"),
                text(row, "userState"),
                Json.integer(row, "numCampaignsSent").orElse(0),
                Json.integer(row, "numCampaignsClicked").orElse(0),
                Json.integer(row, "numTrainingModulesAssigned").orElse(0),
                Json.integer(row, "numCorrectAnswers").orElse(0),
                Json.integer(row, "numIncorrectAnswers").orElse(0),
                date(row, "timeScheduled", envelope),
                date(row, "timeOpened", envelope),
                date(row, "timeClicked", envelope),
                date(row, "timeSubmitted", envelope),
                date(row, "timeReported", envelope),
                optional(row, "clickedIp"),
                reaction != null && reaction.isNumber()
                    ? OptionalLong.of(reaction.asLong())
                    : OptionalLong.empty()));
      }
    }
    return results;
  }

  private static Optional<Instant> date(JsonNode node, String field, Envelope envelope) {
    String text = Json.text(node, field);
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MimecastTime.parse(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException(
          envelope.endpoint(),
          envelope.requestId(),
          field + " is not a date: " + e.getMessage(),
          e);
    }
  }

  private static String requireText(String value, Operation operation, String problem) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(operation.path(), problem);
    }
    return value.strip();
  }

  private static Optional<String> optional(JsonNode node, String field) {
    return Optional.ofNullable(Json.text(node, field)).filter(v -> !v.isBlank());
  }

  private static String text(JsonNode node, String field) {
    String value = Json.text(node, field);
    return value == null ? "" : value;
  }
}
