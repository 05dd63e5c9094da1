package dev.mci.simulator.awareness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiArea;
import dev.mci.simulator.core.ApiCall;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ApiFailure;
import dev.mci.simulator.core.ApiReply;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.Page;
import dev.mci.simulator.core.PageCursor;
import dev.mci.simulator.core.Routes;
import dev.mci.simulator.groups.GroupFolders;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Registers the "awareness" endpoints of reference 06 on both listeners: SAFE score, performance
 * and watchlist details (flat {@code data[]}, paged), phishing campaigns (all, or one by {@code
 * id}), a campaign's per-user results (wrapper {@code data[0].items[]}, paged) and one user's
 * training details. The field-name traps are reproduced: {@code emailAddress} on SAFE scores,
 * {@code email} elsewhere.
 *
 * <p>Simulator choices where the reference is UNVERIFIED: performance {@code filterBy} {@code
 * video_count_N} selects users with N assigned modules not watched; phishing {@code filterBy}
 * statuses are exact (a {@code submitted} user does not match {@code clicked}) and several values
 * are alternatives; the watchlist lists only users with a count above zero; training details take
 * {@code emailAddress} (or {@code email}) and answer an unknown address with {@link
 * #USER_NOT_FOUND}; {@code userState} is always {@code ACTIVE}.
 */
public final class AwarenessArea implements ApiArea {

  private static final String BASE = "/api/awareness-training";

  /** SAFE score per user (06 §2). */
  public static final String SAFE_SCORE_DETAILS = BASE + "/company/get-safe-score-details";

  /** Training performance per user (06 §3). */
  public static final String PERFORMANCE_DETAILS = BASE + "/company/get-performance-details";

  /** Watchlist per user (06 §4). */
  public static final String WATCHLIST_DETAILS = BASE + "/company/get-watchlist-details";

  /** Phishing-simulation campaigns (06 §5.1). */
  public static final String GET_CAMPAIGN = BASE + "/phishing/campaign/get-campaign";

  /** One campaign's per-user results (06 §5.2). */
  public static final String GET_USER_DATA = BASE + "/phishing/campaign/get-user-data";

  /** One user's training (06 §6). */
  public static final String TRAINING_DETAILS = BASE + "/user/get-training-details";

  /** Unknown user on get-training-details (simulator invention; no code is documented). */
  public static final String USER_NOT_FOUND = "err_awareness_user_not_found";

  private static final Set<String> PERFORMANCE_TYPES =
      Set.of(
          "video_count_0",
          "video_count_1",
          "video_count_2",
          "video_count_3",
          "video_count_4_or_more",
          "video_count_all");

  private static final Set<String> PHISHING_STATUSES =
      Set.of("sent", "opened", "clicked", "submitted");

  private final Tenant tenant;
  private final AwarenessModel model;

  /** The area over {@code tenant}. */
  public AwarenessArea(Tenant tenant) {
    this.tenant = tenant;
    this.model = new AwarenessModel(tenant);
  }

  @Override
  public void register(Routes routes) {
    routes.post(
        SAFE_SCORE_DETAILS,
        call -> userPage(call, (item, query) -> {}, (query, user) -> true, this::safeScore));
    routes.post(
        PERFORMANCE_DETAILS,
        call ->
            userPage(call, AwarenessArea::copyPerformanceType, this::hasType, this::performance));
    routes.post(
        WATCHLIST_DETAILS,
        call ->
            userPage(
                call,
                (item, query) -> {},
                (query, user) -> model.watchlistCount(user) > 0,
                this::watchlist));
    routes.post(GET_CAMPAIGN, this::getCampaign);
    routes.post(GET_USER_DATA, this::getUserData);
    routes.post(TRAINING_DETAILS, call -> ApiReply.eachItem(itemsOrEmpty(call), this::training));
  }

  /** Copies endpoint-specific filters from the item into the page query, validating them. */
  @FunctionalInterface
  private interface FilterCopier {
    void copy(ObjectNode item, ObjectNode query);
  }

  /** One page of users matching {@code searchBy} and the endpoint's own filter. */
  private ApiReply userPage(
      ApiCall call,
      FilterCopier filters,
      BiPredicate<JsonNode, User> keep,
      Function<User, ObjectNode> render) {
    ObjectNode item = call.items().isEmpty() ? Json.object() : call.items().get(0);
    PageCursor cursor;
    try {
      ObjectNode query = Json.object();
      UserSearch.copy(item, query);
      filters.copy(item, query);
      cursor = call.page(query);
    } catch (ItemFailure failure) {
      return failed(item, failure.errors());
    }
    JsonNode query = cursor.query();
    List<User> users =
        tenant.users().stream()
            .filter(u -> UserSearch.matches(query, u))
            .filter(u -> keep.test(query, u))
            .toList();
    Page<User> page = cursor.slice(users);
    return ApiReply.paged(page.items().stream().map(render).toList(), page.meta());
  }

  private ObjectNode safeScore(User user) {
    SafeScore score = model.safeScore(user);
    ObjectNode row = Json.object();
    row.put("emailAddress", user.address());
    row.put("name", user.displayName());
    row.put("department", user.department());
    row.put("risk", SafeScore.grade(score.risk()));
    row.put("humanError", SafeScore.grade(score.humanError()));
    row.put("sentiment", SafeScore.grade(score.sentiment()));
    row.put("engagement", SafeScore.grade(score.engagement()));
    row.put("knowledge", SafeScore.grade(score.knowledge()));
    row.put("userState", "ACTIVE");
    return row;
  }

  private static void copyPerformanceType(ObjectNode item, ObjectNode query) {
    List<JsonNode> filters = filters(item);
    for (JsonNode filter : filters) {
      String field = Json.text(filter, "fieldName").map(String::strip).orElse("");
      String value =
          Json.text(filter, "value").map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("");
      if (!field.equals("type")) {
        throw new ItemFailure(
            ApiError.onField(
                ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
                "Field must be one of [type]",
                "filterBy.fieldName"));
      }
      if (!PERFORMANCE_TYPES.contains(value)) {
        throw new ItemFailure(
            ApiError.onField(
                ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
                "Field must be one of " + PERFORMANCE_TYPES.stream().sorted().toList(),
                "filterBy.value"));
      }
      query.put("type", value);
    }
  }

  private boolean hasType(JsonNode query, User user) {
    String type = Json.text(query, "type").orElse("video_count_all");
    if (type.equals("video_count_all")) {
      return true;
    }
    long notWatched = model.training(user).notWatched();
    return type.equals("video_count_4_or_more")
        ? notWatched >= 4
        : notWatched == Long.parseLong(type.substring("video_count_".length()));
  }

  private ObjectNode performance(User user) {
    TrainingRecord training = model.training(user);
    ObjectNode row = Json.object();
    row.put("email", user.address());
    row.put("name", user.displayName());
    row.put("department", user.department());
    row.put("numCorrect", training.correct());
    row.put("numIncorrect", training.incorrect());
    row.put("numNotWatched", training.notWatched());
    row.put("userState", "ACTIVE");
    return row;
  }

  private ObjectNode watchlist(User user) {
    ObjectNode row = Json.object();
    row.put("email", user.address());
    row.put("name", user.displayName());
    row.put("department", user.department());
    row.put("watchlistCount", model.watchlistCount(user));
    row.put("userState", "ACTIVE");
    return row;
  }

  private ApiReply getCampaign(ApiCall call) {
    List<ObjectNode> lookups =
        call.nonEmptyItems().stream().filter(item -> campaignId(item).isPresent()).toList();
    if (lookups.isEmpty()) {
      return ApiReply.ok(model.campaigns().stream().map(this::campaign).toList());
    }
    return ApiReply.eachItem(
        lookups,
        item ->
            model
                .campaign(campaignId(item).orElseThrow())
                .map(this::campaign)
                .orElseThrow(AwarenessArea::invalidToken));
  }

  /** {@code id}, or {@code campaignId} as one third-party client names it (06 §5.1). */
  private static Optional<String> campaignId(ObjectNode item) {
    return Json.text(item, "id").or(() -> Json.text(item, "campaignId")).map(String::strip);
  }

  private ObjectNode campaign(PhishingCampaign campaign) {
    List<PhishingResult> results = model.results(campaign);
    ObjectNode node = Json.object();
    node.put("id", campaign.id());
    node.put("name", campaign.name());
    ArrayNode templates = node.putArray("templates");
    for (PhishingCampaign.Template template : campaign.templates()) {
      templates.addObject().put("id", template.id()).put("displayTitle", template.displayTitle());
    }
    node.putObject("sender")
        .put("name", campaign.sender().displayName())
        .put("email", campaign.sender().address());
    node.set("group", GroupFolders.toJson(tenant, campaign.target()));
    node.put("launchDate", ApiDates.format(campaign.launch()));
    node.put("locale", "en-US");
    node.put("timeSlotSelected", campaign.timeSlot());
    node.put("numSent", results.size());
    node.put("numOpened", results.stream().filter(r -> r.opened().isPresent()).count());
    node.put("numClicked", results.stream().filter(r -> r.clicked().isPresent()).count());
    node.put("numSubmitted", results.stream().filter(r -> r.submitted().isPresent()).count());
    node.put("locked", true);
    return node;
  }

  private ApiReply getUserData(ApiCall call) {
    ObjectNode item = call.items().isEmpty() ? Json.object() : call.items().get(0);
    PageCursor cursor;
    try {
      ObjectNode query = Json.object();
      Json.text(item, "id").ifPresent(id -> query.put("id", id.strip()));
      UserSearch.copy(item, query);
      copyStatuses(item, query);
      cursor = call.page(query);
    } catch (ItemFailure failure) {
      return failed(item, failure.errors());
    }
    JsonNode query = cursor.query();
    if (Json.field(query, "id").isEmpty()) {
      return failed(
          item,
          List.of(ApiError.onField(ErrorCodes.VALIDATION_NULL, "This field is required", "id")));
    }
    Optional<PhishingCampaign> campaign = model.campaign(Json.text(query, "id").orElse(""));
    if (campaign.isEmpty()) {
      return failed(item, invalidToken().errors());
    }
    List<String> statuses = Json.textList(query, "statuses").orElse(List.of());
    List<PhishingResult> results =
        model.results(campaign.get()).stream()
            .filter(r -> UserSearch.matches(query, r.user()))
            .filter(r -> statuses.isEmpty() || statuses.contains(r.status()))
            .toList();
    Page<PhishingResult> page = cursor.slice(results);
    ObjectNode wrapper = Json.object();
    ArrayNode items = wrapper.putArray("items");
    page.items().forEach(result -> items.add(userData(result)));
    return ApiReply.paged(List.of(wrapper), page.meta());
  }

  private static void copyStatuses(ObjectNode item, ObjectNode query) {
    List<String> statuses = new ArrayList<>();
    for (JsonNode filter : filters(item)) {
      String field = Json.text(filter, "fieldName").map(String::strip).orElse("");
      String value =
          Json.text(filter, "value").map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("");
      if (!field.equals("status")) {
        throw new ItemFailure(
            ApiError.onField(
                ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
                "Field must be one of [status]",
                "filterBy.fieldName"));
      }
      if (!PHISHING_STATUSES.contains(value)) {
        throw new ItemFailure(
            ApiError.onField(
                ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
                "Field must be one of [sent, opened, clicked, submitted]",
                "filterBy.value"));
      }
      statuses.add(value);
    }
    if (!statuses.isEmpty()) {
      statuses.forEach(query.putArray("statuses")::add);
    }
  }

  private ObjectNode userData(PhishingResult result) {
    User user = result.user();
    TrainingRecord training = model.training(user);
    int[] counts = model.campaignCounts(user);
    ObjectNode row = Json.object();
    row.put("name", user.displayName());
    row.put("email", user.address());
    row.put("department", user.department());
    row.put("templateName", result.templateName());
    row.put("status", result.status());
    row.put("userState", "ACTIVE");
    row.put("numCampaignsSent", counts[0]);
    row.put("numCampaignsClicked", counts[1]);
    row.put("numTrainingModulesAssigned", training.modules().size());
    row.put("numCorrectAnswers", training.correct());
    row.put("numIncorrectAnswers", training.incorrect());
    row.put("timeScheduled", ApiDates.format(result.scheduled()));
    putTime(row, "timeOpened", result.opened());
    putTime(row, "timeClicked", result.clicked());
    putTime(row, "timeSubmitted", result.submitted());
    putTime(row, "timeReported", result.reported());
    result.clickedIp().ifPresent(ip -> row.put("clickedIp", ip));
    row.put("reactionTime", result.reactionSeconds());
    return row;
  }

  private ObjectNode training(ObjectNode item) {
    Optional<String> address =
        Json.text(item, "emailAddress").or(() -> Json.text(item, "email")).map(String::strip);
    if (address.isEmpty()) {
      throw new ItemFailure(
          ApiError.onField(ErrorCodes.VALIDATION_NULL, "This field is required", "emailAddress"));
    }
    if (address.get().isEmpty()) {
      throw new ItemFailure(
          ApiError.onField(
              ErrorCodes.VALIDATION_BLANK,
              "This field, if present, cannot be blank or empty",
              "emailAddress"));
    }
    User user =
        tenant
            .user(address.get())
            .orElseThrow(() -> new ItemFailure(ApiError.of(USER_NOT_FOUND, "User not found")));
    TrainingRecord record = model.training(user);
    ObjectNode node = Json.object();
    ArrayNode modules = node.putArray("training");
    for (TrainingRecord.Progress progress : record.modules()) {
      ObjectNode module = modules.addObject();
      module.put("titleId", progress.module().titleId());
      module.put("title", progress.module().title());
      module.put("assignedTimeStamp", ApiDates.format(progress.module().assigned()));
      module.put("watched", progress.watched().isPresent());
      putTime(module, "watchedDate", progress.watched());
      progress.answer().ifPresent(answer -> module.put("myAnswer", answer));
      module.put("onWatchlist", progress.onWatchlist());
    }
    node.put("needEngagement", record.needEngagement());
    ObjectNode badges = node.putObject("meritBadge");
    record.badges().forEach(badge -> badges.put(badge, true));
    return node;
  }

  /** {@code filterBy} as a list: the reference shows both a single object and an array. */
  private static List<JsonNode> filters(ObjectNode item) {
    Optional<JsonNode> filterBy = Json.field(item, "filterBy");
    List<JsonNode> filters = new ArrayList<>();
    if (filterBy.isPresent() && filterBy.get().isArray()) {
      filterBy.get().forEach(filters::add);
    } else if (filterBy.isPresent() && filterBy.get().isObject()) {
      filters.add(filterBy.get());
    }
    return filters;
  }

  private static List<ObjectNode> itemsOrEmpty(ApiCall call) {
    return call.items().isEmpty() ? List.of(Json.object()) : call.items();
  }

  private static void putTime(ObjectNode node, String field, Optional<Instant> time) {
    time.ifPresent(t -> node.put(field, ApiDates.format(t)));
  }

  private static ItemFailure invalidToken() {
    return new ItemFailure(ApiError.of(ErrorCodes.INVALID_TOKEN, "0007 Invalid token"));
  }

  private static ApiReply failed(ObjectNode item, List<ApiError> errors) {
    return ApiReply.ok(List.of(), List.of(ApiFailure.forItem(item, errors)));
  }
}
