package dev.mci.client.e2e;

import static dev.mci.client.e2e.SimulatedTenant.Generation.API_1_HMAC;
import static dev.mci.client.e2e.SimulatedTenant.Generation.API_2_OAUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.AuthenticationException;
import dev.mci.client.Download;
import dev.mci.client.HmacCredentials;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.NotFoundException;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.ServerException;
import dev.mci.client.messages.ArchiveQuery;
import dev.mci.client.messages.MessageContext;
import dev.mci.client.messages.MessageDetail;
import dev.mci.client.messages.MessageInfo;
import dev.mci.client.messages.MessageListQuery;
import dev.mci.client.messages.MessageSearch;
import dev.mci.client.messages.PartType;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.tenant.Delivery;
import dev.mci.simulator.tenant.DeliveryStatus;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.simulator.tenant.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Message Finder info and archive detail end to end, plus the failure modes every one of the seven
 * messages endpoints must handle: a rate limit waited out, server errors past the retries, and
 * refused credentials.
 */
class MessageRetrievalEndToEndTest {
  private final SimulatedTenant tenant = new SimulatedTenant();
  private final Tenant world = tenant.server.tenant();
  private final PhishingScenario phish = world.scenario();

  @AfterEach
  void stop() {
    tenant.close();
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void infoOfTheHeldCopyShowsReceiptDeliveryVerdictsAndQueue(
      SimulatedTenant.Generation generation) {
    String heldCopy = phish.messageFinderIds().get(0);
    MessageInfo info;
    try (MimecastClient client = tenant.client(generation)) {
      info = client.messages().info(heldCopy);
    }
    assertThat(info.id()).isEqualTo(heldCopy);
    assertThat(info.status()).isEqualTo("archived");
    assertThat(info.received().message().fromHeader()).isEqualTo(phish.sender().address());
    assertThat(info.received().message().subject()).isEqualTo(phish.subject());
    assertThat(info.received().leg().remoteIp()).isEqualTo(phish.sendingIp());
    assertThat(info.received().leg().event()).contains("Permitted Sender");
    assertThat(info.received().message().transmissionHeaders())
        .anySatisfy(
            line -> assertThat(line).startsWith("Authentication-Results: relay.mimecast.com;"))
        .anySatisfy(line -> assertThat(line).isEqualTo("Message-ID: " + phish.messageIdHeader()));
    assertThat(info.received().leg().components())
        .anySatisfy(c -> assertThat(c.sha256()).isEqualTo(phish.attachmentSha256()));
    assertThat(info.deliveries()).containsOnlyKeys(phish.heldRecipient().address());
    MessageInfo.Delivery delivery = info.deliveries().get(phish.heldRecipient().address());
    assertThat(delivery.policies())
        .extracting(MessageInfo.Policy::type)
        .contains("Permitted Senders", "URL Protection");
    assertThat(delivery.leg().start()).isAfter(phish.releasedAt());
    assertThat(info.spam().permittedSender().info()).isEqualTo("whitelist");
    assertThat(info.queue()).isNotNull();
    assertThat(info.queue().created()).isEqualTo(phish.heldAt());
  }

  @Test
  void infoOfAHeldCopyHasNoDeliveryAndItsHoldReason() {
    Message held =
        LongStream.range(0, world.messageCount())
            .mapToObj(world::message)
            .filter(m -> m.received().isAfter(tenant.clock.instant().minus(Duration.ofDays(20))))
            .filter(m -> m.deliveries().get(0).status() == DeliveryStatus.HELD)
            .findFirst()
            .orElseThrow();
    Delivery copy = held.deliveries().get(0);
    MessageInfo info;
    try (MimecastClient client = tenant.client(API_1_HMAC)) {
      info = client.messages().info(copy.messageFinderId());
    }
    assertThat(info.status()).isEqualTo("held");
    assertThat(info.deliveries()).isEmpty();
    assertThat(info.queue().reason()).isEqualTo(copy.hold().orElseThrow().policy());
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void detailListsHeadersSendersAndAttachmentsPerContext(SimulatedTenant.Generation generation) {
    MessageDetail delivered;
    MessageDetail received;
    try (MimecastClient client = tenant.client(generation)) {
      delivered = client.messages().detail(phish.archiveId());
      received = client.messages().detail(phish.archiveId(), MessageContext.RECEIVED);
    }
    assertThat(delivered.context()).isEqualTo(MessageContext.DELIVERED);
    assertThat(delivered.messageId()).isEqualTo(phish.messageIdHeader());
    assertThat(delivered.envelopeFrom().emailAddress()).isEqualTo(phish.envelopeSender().address());
    assertThat(delivered.replyTo().emailAddress()).isNotEqualTo(phish.sender().address());
    assertThat(delivered.header("Received")).hasSize(received.header("Received").size() + 1);
    assertThat(delivered.header("Return-Path")).isEmpty();
    assertThat(received.firstHeader("Authentication-Results"))
        .get()
        .asString()
        .contains("spf=pass");
    assertThat(received.attachments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.fileName()).isEqualTo(phish.attachmentName());
              assertThat(a.sha256()).isEqualTo(phish.attachmentSha256());
              assertThat(a.extension()).isEqualTo("html");
            });
    assertThat(delivered.bodyPreview()).hasSizeLessThanOrEqualTo(100).startsWith("[EXTERNAL]");
  }

  @Test
  void aSmashOrABlankIdIsRefusedBeforeAnyCall() {
    try (MimecastClient client = tenant.client(API_1_HMAC)) {
      String smash = client.messages().detail(phish.archiveId()).smash();
      int callsBefore = tenant.server.requests().all().size();
      assertThatThrownBy(() -> client.messages().detail(smash))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("smash");
      assertThatThrownBy(() -> client.messages().info(" "))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("id is missing");
      assertThatThrownBy(() -> client.messages().file("two words"))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("not an id");
      assertThat(tenant.server.requests().all()).hasSize(callsBefore);
    }
  }

  @Test
  void anArchiveIdIsNotAMessageFinderId() {
    try (MimecastClient client = tenant.client(API_2_OAUTH)) {
      assertThatThrownBy(() -> client.messages().info(phish.archiveId()))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("xdk_failure: 0007 Invalid token");
      assertThatThrownBy(() -> client.messages().detail(phish.messageFinderIds().get(0)))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("xdk_failure");
    }
  }

  /** The seven endpoints, each with a call that drives it to completion. */
  static Stream<Arguments> endpoints() {
    return Stream.of(
        endpoint(
            "/api/message-finder/search",
            (c, p) -> c.messages().search(MessageSearch.builder().from(p.senderDomain()).build())),
        endpoint(
            "/api/message-finder/get-message-info",
            (c, p) -> c.messages().info(p.messageFinderIds().get(1))),
        endpoint(
            "/api/archive/search",
            (c, p) ->
                c
                    .messages()
                    .archiveSearch(ArchiveQuery.builder().from(p.senderDomain()).build())
                    .stream()
                    .toList()),
        endpoint(
            "/api/archive/get-message-list",
            (c, p) ->
                c.messages().list(MessageListQuery.inbox(p.heldRecipient().address())).stream()
                    .toList()),
        endpoint("/api/archive/get-message-detail", (c, p) -> c.messages().detail(p.archiveId())),
        endpoint(
            "/api/archive/get-message-part",
            (c, p) ->
                drain(
                    c.messages()
                        .part(p.archiveId(), PartType.PLAIN, MessageContext.RECEIVED, null))),
        endpoint("/api/archive/get-file", (c, p) -> drain(c.messages().file(p.archiveId()))));
  }

  private interface Call {
    Object run(MimecastClient client, PhishingScenario phish);
  }

  private static Arguments endpoint(String path, Call call) {
    return Arguments.of(path, call);
  }

  private static long drain(Download download) {
    try (download) {
      return download.body().transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aRateLimitIsWaitedOutAsTheServerAsks(String path, Call call) {
    tenant.server.faults().enqueue(path, ScriptedFault.rateLimited(Duration.ofMillis(2500)));
    for (SimulatedTenant.Generation generation : SimulatedTenant.Generation.values()) {
      int before = tenant.sleeps().size();
      if (generation == API_1_HMAC) {
        tenant.server.faults().enqueue(path, ScriptedFault.rateLimited(Duration.ofMillis(2500)));
      }
      try (MimecastClient client = tenant.client(generation)) {
        assertThat(call.run(client, phish)).isNotNull();
      }
      // The fault sends X-RateLimit-Reset: 2500 and Retry-After: 3 (seconds, rounded up).
      assertThat(tenant.sleeps().subList(before, tenant.sleeps().size()))
          .singleElement()
          .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(3)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void serverErrorsPastTheRetriesAreAServerException(String path, Call call) {
    for (int i = 0; i < 4; i++) {
      tenant.server.faults().enqueue(path, ScriptedFault.status(503));
    }
    try (MimecastClient client = tenant.client(API_2_OAUTH)) {
      assertThatThrownBy(() -> call.run(client, phish))
          .isInstanceOf(ServerException.class)
          .hasMessageContaining(path)
          .hasMessageContaining("503");
    }
    assertThat(tenant.server.requests().all().stream().filter(r -> r.path().equals(path)))
        .hasSize(4);
    assertThat(tenant.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void refusedCredentialsAreAnAuthenticationErrorInBothGenerations(String path, Call call) {
    SimulatorCredentials sim = tenant.server.credentials();
    try (MimecastClient client =
        tenant
            .builder(API_2_OAUTH)
            .credentials(new OAuth2Credentials(sim.clientId(), "wrong-secret"))
            .build()) {
      assertThatThrownBy(() -> call.run(client, phish)).isInstanceOf(AuthenticationException.class);
    }
    try (MimecastClient client =
        tenant
            .builder(API_1_HMAC)
            .credentials(
                new HmacCredentials(
                    sim.appId(), sim.appKey(), sim.accessKey(), "d3Jvbmcta2V5LXdyb25nLWtleQ=="))
            .build()) {
      assertThatThrownBy(() -> call.run(client, phish))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining(path);
    }
  }
}
