package dev.mci.store.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.ApiError;
import dev.mci.client.ApiGeneration;
import dev.mci.client.AutoPager;
import dev.mci.client.Download;
import dev.mci.client.DownloadUrlExpiredException;
import dev.mci.client.InvalidResponseException;
import dev.mci.client.MimecastApiException;
import dev.mci.client.MimecastClient;
import dev.mci.client.MimecastIoException;
import dev.mci.client.Page;
import dev.mci.client.RateLimitedException;
import dev.mci.client.ServerException;
import dev.mci.client.events.AuditEvent;
import dev.mci.client.events.AuditQuery;
import dev.mci.client.events.BatchFile;
import dev.mci.client.events.BatchPage;
import dev.mci.client.events.EventFileReader;
import dev.mci.client.events.EventFiles;
import dev.mci.client.events.EventType;
import dev.mci.client.events.EventsApi;
import dev.mci.client.events.SiemEvent;
import dev.mci.client.events.SiemLogResult;
import dev.mci.client.events.StreamPage;
import dev.mci.store.EventStore;
import dev.mci.store.QuarantinedFile;
import dev.mci.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls events from Mimecast into an {@link EventStore}, checkpointed per stream (one stream per
 * log type for API 2.0 batch files, one for the API 2.0 streaming pages, one for the API 1.0 log
 * files, one for audit events) and resumable after a crash at any point with nothing lost and
 * nothing stored twice:
 *
 * <ul>
 *   <li>each file (or page) is stored in one transaction together with the checkpoint that points
 *       past it, so a crash before the commit re-reads the file and a crash after it does not;
 *   <li>events have stable fingerprints, so an event delivered again (by the server, or by a file
 *       re-read after a crash) is skipped;
 *   <li>a batch file URL that expired is listed again for a fresh URL; a truncated or corrupt file
 *       is moved to the quarantine folder with its reason and the pull goes on;
 *   <li>a cursor the server refuses restarts the stream from the newest stored event (duplicates
 *       are skipped); a cursor that loops stops that stream with a problem instead of pulling
 *       forever;
 *   <li>429 storms, 5xx and network failures are retried with back-off beyond the client's own
 *       retries (for ever in follow mode); an expired token is renewed by the client.
 * </ul>
 *
 * <p>Not thread-safe: one puller per store connection.
 */
public final class EventPuller {

  /** Source name stored for API 2.0 batch files. */
  public static final String BATCH = "siem-batch";

  /** Source name stored for the API 2.0 streaming pages. */
  public static final String STREAM = "siem-stream";

  /** Source name (and stream name) of the API 1.0 log files. */
  public static final String LEGACY = "siem-v1";

  /** Stream name of audit events. */
  public static final String AUDIT = "audit";

  private static final Logger LOG = LoggerFactory.getLogger(EventPuller.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String INVALID_SIEM_TOKEN = "err_audit_siem_invalid_token";
  private static final int URL_REFRESHES = 3;
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final MimecastClient client;
  private final EventStore store;
  private final PullOptions options;
  private final PullListener listener;
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong quarantined = new AtomicLong();
  private Instant started;
  private Instant newest;
  private final Transaction tx = new Transaction();
  private final Set<String> wanted;
  private final BatchFileLoader loader = new BatchFileLoader();

  /** A puller writing what {@code client} fetches into {@code store}. */
  public EventPuller(
      MimecastClient client, EventStore store, PullOptions options, PullListener listener) {
    this.client = client;
    this.store = store;
    this.options = options;
    this.listener = listener;
    Set<String> types = new HashSet<>();
    options.types().forEach(type -> types.add(type.wire()));
    this.wanted = Set.copyOf(types);
  }

  /** The name of the checkpoint of a log type's batch files. */
  public static String batchStream(EventType type) {
    return BATCH + ":" + type.wire();
  }

  /**
   * Pulls until every stream has caught up (or, following, until stopped).
   *
   * @throws dev.mci.client.AuthenticationException and the other non-transient client errors, which
   *     no retry can fix
   * @throws StoreException when the store fails
   */
  public PullReport run() {
    started = options.clock().instant();
    prepareFolders();
    List<Stream> streams = streams();
    Map<String, String> problems = new LinkedHashMap<>();
    try {
      while (true) {
        for (Stream stream : streams) {
          if (problems.containsKey(stream.name())) {
            continue;
          }
          try {
            stream.pull();
            tx.commit();
          } catch (StreamFailure failure) {
            tx.commit();
            problems.put(stream.name(), failure.getMessage());
            listener.warning(stream.name(), "stopped: " + failure.getMessage());
          }
        }
        if (!options.follow() || problems.size() == streams.size()) {
          break;
        }
        pause(options.pollInterval());
      }
    } catch (Stopped stopped) {
      // What was read before the stop is complete files only: keep it.
      tx.commit();
      LOG.debug("pull stopped on request");
    } finally {
      tx.abandon();
      loader.close();
    }
    return new PullReport(
        stored.get(),
        duplicates.get(),
        files.get(),
        quarantined.get(),
        Duration.between(started, options.clock().instant()),
        problems);
  }

  private List<Stream> streams() {
    List<Stream> streams = new ArrayList<>();
    boolean legacy = client.generation() == ApiGeneration.V1_HMAC;
    if (!options.types().isEmpty()) {
      if (legacy) {
        streams.add(new LegacyStream());
      } else if (options.via() == PullOptions.Via.STREAM) {
        streams.add(new PageStream());
      } else {
        for (EventType type : EventType.values()) {
          if (options.types().contains(type)) {
            streams.add(new BatchStream(type));
          }
        }
      }
    }
    if (options.audit()) {
      streams.add(new AuditStream());
    }
    return streams;
  }

  /** One checkpointed stream. */
  private interface Stream {
    String name();

    /** Pulls until caught up. */
    void pull();
  }

  /** API 2.0 batch files of one log type; cursor {@code {"page": token, "file": n}}. */
  private final class BatchStream implements Stream {
    private final EventType type;
    private final String name;

    BatchStream(EventType type) {
      this.type = type;
      this.name = batchStream(type);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void pull() {
      ObjectNode state = loadState(name);
      Set<String> used = new HashSet<>();
      while (true) {
        checkStop();
        fixStart(state);
        String token = text(state, "page");
        Optional<BatchPage> listed = list(state);
        if (listed.isEmpty()) {
          state = restart();
          continue;
        }
        BatchPage page = listed.get();
        if (token != null) {
          used.add(token);
        }
        List<BatchFile> batch = new ArrayList<>(page.files());
        ingestFiles(state, batch, state.path("file").asInt(0));
        Optional<String> next = page.nextPage();
        if (next.isPresent() && used.contains(next.get()) && !page.caughtUp()) {
          throw new StreamFailure(
              "the server handed back a cursor it had already given (a cursor loop); stopped "
                  + type.wire()
                  + " here so the pull does not run forever; everything before it is stored");
        }
        if (next.isPresent() && !next.get().equals(token)) {
          state = cursor(state, next.get(), 0);
          tx.advance(name, state.toString());
        }
        if (page.caughtUp() || page.files().isEmpty()) {
          return;
        }
      }
    }

    /** The page the state points at; empty when the server refused the cursor. */
    private Optional<BatchPage> list(ObjectNode state) {
      String token = text(state, "page");
      try {
        return Optional.of(
            remote(
                name,
                () ->
                    client
                        .events()
                        .batch(
                            type,
                            token == null ? LocalDate.parse(text(state, "start")) : null,
                            token,
                            Math.min(options.pageSize(), EventsApi.MAX_BATCH_PAGE))));
      } catch (MimecastApiException e) {
        if (token != null && e.httpStatus() == 400) {
          listener.warning(
              name, "the server refused the saved cursor (" + summary(e) + "); starting again");
          return Optional.empty();
        }
        throw e;
      }
    }

    /** A fresh state after a refused cursor: from the day of the newest stored event. */
    private ObjectNode restart() {
      tx.commit();
      ObjectNode state = MAPPER.createObjectNode();
      Optional<Instant> newestStored = store.newest(type.wire());
      newestStored.ifPresent(
          t -> state.put("start", LocalDate.ofInstant(t, ZoneOffset.UTC).toString()));
      state.put("file", 0);
      tx.advance(name, state.toString());
      tx.commit();
      return state;
    }

    /**
     * Stores the page's files from {@code first} on, in order. Each file is downloaded before the
     * one before it is stored, so the loader reads it while that one is inserted; a failure to
     * download it surfaces only once the file before it is stored, as if it had come in turn.
     */
    private void ingestFiles(ObjectNode state, List<BatchFile> batch, int first) {
      Downloaded ahead = null;
      try {
        for (int i = first; i < batch.size(); i++) {
          checkStop();
          Path spool = ahead != null ? ahead.spoolOrThrow() : download(state, batch, i);
          ahead = null;
          try {
            if (i + 1 < batch.size()) {
              ahead = downloadAhead(state, batch, i + 1);
            }
            String what = batch.get(i).redactedUrl();
            String next = cursor(state, text(state, "page"), i + 1).toString();
            Path nextSpool = ahead == null ? null : ahead.spool();
            storeFile(
                name, what, spool, next, ingest -> readBatchFile(ingest, spool, what, nextSpool));
          } finally {
            deleteQuietly(spool);
          }
          state.put("file", i + 1);
        }
      } finally {
        if (ahead != null) {
          deleteQuietly(ahead.spool());
        }
      }
    }

    private Downloaded downloadAhead(ObjectNode state, List<BatchFile> batch, int index) {
      try {
        return new Downloaded(download(state, batch, index), null);
      } catch (Stopped stopped) {
        throw stopped;
      } catch (RuntimeException failure) {
        return new Downloaded(null, failure);
      }
    }

    /** Downloads file {@code index} to the spool folder, asking again for an expired URL. */
    private Path download(ObjectNode state, List<BatchFile> batch, int index) {
      for (int refresh = 0; ; refresh++) {
        BatchFile file = batch.get(index);
        try {
          return spool(name, () -> client.events().openBatchFile(file));
        } catch (DownloadUrlExpiredException expired) {
          if (refresh >= URL_REFRESHES) {
            throw new StreamFailure(
                "the batch file URL kept expiring before it could be downloaded");
          }
          listener.warning(
              name, "a batch file URL expired; listing the page again for a fresh one");
          Optional<BatchPage> again = list(state);
          if (again.isEmpty() || again.get().files().size() <= index) {
            throw new StreamFailure("the page listed again no longer holds the expired file");
          }
          batch.clear();
          batch.addAll(again.get().files());
        }
      }
    }

    /**
     * A stream without a page cursor lists from a start day, fixed in the state the first time so
     * that a resumed listing sees the same files at the same positions; a day that has left the
     * 7-day reach moves up to the oldest day still served (its files are gone anyway).
     */
    private void fixStart(ObjectNode state) {
      if (state.has("page")) {
        return;
      }
      // An hour's margin keeps a slightly fast server clock from refusing the oldest day.
      LocalDate oldest =
          LocalDate.ofInstant(
              options.clock().instant().minus(EventsApi.BATCH_REACH).plus(Duration.ofHours(1)),
              ZoneOffset.UTC);
      String saved = text(state, "start");
      LocalDate day;
      if (saved != null) {
        day = LocalDate.parse(saved);
      } else {
        day =
            options.since() == null ? oldest : LocalDate.ofInstant(options.since(), ZoneOffset.UTC);
      }
      if (day.isBefore(oldest)) {
        day = oldest;
        state.put("file", 0);
      }
      state.put("start", day.toString());
    }

    private ObjectNode cursor(ObjectNode state, String page, int file) {
      ObjectNode next = MAPPER.createObjectNode();
      if (page != null) {
        next.put("page", page);
      } else if (state.has("start")) {
        next.put("start", state.get("start").asText());
      }
      next.put("file", file);
      return next;
    }
  }

  /** API 2.0 streaming pages (all types); cursor: the next page's token. */
  private final class PageStream implements Stream {
    @Override
    public String name() {
      return STREAM;
    }

    @Override
    public void pull() {
      String token = store.checkpoint(STREAM).flatMap(c -> c.cursor()).orElse(null);
      Set<String> used = new HashSet<>();
      while (true) {
        checkStop();
        String current = token;
        StreamPage page;
        try {
          page =
              remote(
                  STREAM,
                  () ->
                      current == null
                          ? client.events().stream(
                              start(), null, Math.min(options.pageSize(), 1_000))
                          : client.events().stream(
                              null, current, Math.min(options.pageSize(), 1_000)));
        } catch (MimecastApiException e) {
          if (current != null && e.httpStatus() == 400) {
            listener.warning(
                STREAM, "the server refused the saved cursor (" + summary(e) + "); starting again");
            token = null;
            tx.advance(STREAM, null);
            tx.commit();
            continue;
          }
          throw e;
        }
        if (current != null) {
          used.add(current);
        }
        String next = page.nextPage().orElse(current);
        EventStore.Ingest ingest = tx.begin(STREAM);
        for (SiemEvent event : page.events()) {
          if (event.type().map(options.types()::contains).orElse(true)) {
            add(ingest, EventRows.fromSiem(event, STREAM), event);
          }
        }
        tx.advance(STREAM, next);
        if (!page.caughtUp() && !page.events().isEmpty() && next != null && used.contains(next)) {
          throw new StreamFailure("the streaming cursor loops; stopped here");
        }
        token = next;
        if (page.caughtUp() || page.events().isEmpty()) {
          return;
        }
      }
    }

    private Instant start() {
      Instant now = options.clock().instant();
      Instant oldest = now.minus(EventsApi.STREAM_REACH).plus(Duration.ofMinutes(1));
      Instant from = options.since() == null ? oldest : options.since();
      Optional<Instant> newestStored =
          options.types().stream()
              .map(type -> store.newest(type.wire()))
              .flatMap(Optional::stream)
              .max(Instant::compareTo);
      if (newestStored.isPresent() && newestStored.get().isAfter(from)) {
        from = newestStored.get();
      }
      return from.isBefore(oldest) ? oldest : from;
    }
  }

  /** API 1.0 log files; cursor: the {@code mc-siem-token} of the next file. */
  private final class LegacyStream implements Stream {
    @Override
    public String name() {
      return LEGACY;
    }

    @Override
    public void pull() {
      String token = store.checkpoint(LEGACY).flatMap(c -> c.cursor()).orElse(null);
      Set<String> used = new HashSet<>();
      while (true) {
        checkStop();
        String current = token;
        SiemLogResult result;
        try {
          result = remote(LEGACY, () -> client.events().siemLogFile(current, true));
        } catch (MimecastApiException e) {
          if (current != null && hasCode(e, INVALID_SIEM_TOKEN)) {
            listener.warning(
                LEGACY, "the server refused the saved token; starting again from the oldest file");
            token = null;
            tx.advance(LEGACY, null);
            tx.commit();
            continue;
          }
          throw e;
        }
        if (result instanceof SiemLogResult.CaughtUp) {
          return;
        }
        SiemLogResult.LogFile file = (SiemLogResult.LogFile) result;
        if (used.contains(file.nextToken()) || file.nextToken().equals(current)) {
          file.close();
          throw new StreamFailure(
              "the server handed back a token it had already given; stopped here");
        }
        if (current != null) {
          used.add(current);
        }
        String what = file.fileName().orElse("siem log file");
        Path spool = null;
        try {
          spool = spool(LEGACY, () -> file.download());
          Path bytes = spool;
          storeFile(
              LEGACY,
              what,
              bytes,
              file.nextToken(),
              ingest -> {
                try (InputStream in = Files.newInputStream(bytes);
                    EventFileReader reader =
                        EventFiles.readLegacy(in, file.compressed(), file.fileName(), what)) {
                  while (reader.hasNext()) {
                    SiemEvent event = reader.next();
                    if (event.type().map(options.types()::contains).orElse(false)) {
                      add(ingest, EventRows.fromSiem(event, LEGACY), event);
                    }
                  }
                }
              });
        } finally {
          deleteQuietly(spool);
        }
        token = file.nextToken();
      }
    }
  }

  /** Audit events; cursor {@code {"from": ms, "to": ms, "page": token}}. */
  private final class AuditStream implements Stream {
    @Override
    public String name() {
      return AUDIT;
    }

    @Override
    public void pull() {
      ObjectNode state = loadState(AUDIT);
      Instant now = options.clock().instant();
      Instant from =
          state.has("from")
              ? Instant.ofEpochMilli(state.get("from").asLong())
              : options.since() != null ? options.since() : now.minus(EventsApi.BATCH_REACH);
      Instant to = state.has("to") ? Instant.ofEpochMilli(state.get("to").asLong()) : now;
      if (!from.isBefore(to)) {
        return;
      }
      String page = text(state, "page");
      AutoPager<AuditEvent> pager = client.events().auditEvents(AuditQuery.between(from, to));
      if (page != null) {
        pager = pager.startingAt(page);
      }
      var pages = pager.pages().iterator();
      while (true) {
        checkStop();
        boolean more = remote(AUDIT, pages::hasNext);
        if (!more) {
          break;
        }
        Page<AuditEvent> batch = pages.next();
        ObjectNode cursor = MAPPER.createObjectNode();
        cursor.put("from", from.toEpochMilli());
        cursor.put("to", to.toEpochMilli());
        pager.nextPageToken().ifPresent(token -> cursor.put("page", token));
        EventStore.Ingest ingest = tx.begin(AUDIT);
        for (AuditEvent event : batch.items()) {
          ingest.add(EventRows.fromAudit(event));
          seen(event.eventTime());
        }
        if (!cursor.has("page")) {
          // The window is done: the next pull starts where this one ended.
          cursor.removeAll();
          cursor.put("from", to.toEpochMilli());
        }
        tx.advance(AUDIT, cursor.toString());
      }
      ObjectNode done = MAPPER.createObjectNode();
      done.put("from", to.toEpochMilli());
      tx.advance(AUDIT, done.toString());
    }
  }

  /**
   * Reads a spooled file into the open transaction; a damaged file is undone (back to a savepoint
   * taken before it) and goes to quarantine instead. Either way the stream's cursor moves past it.
   */
  private void storeFile(String stream, String what, Path bytes, String nextCursor, FileBody body) {
    EventStore.Ingest ingest = tx.begin(stream);
    EventStore.Mark mark = ingest.mark();
    try {
      body.read(ingest);
    } catch (InvalidResponseException damaged) {
      ingest.rollbackTo(mark);
      quarantine(ingest, stream, what, bytes, damaged.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tx.advance(stream, nextCursor);
  }

  /**
   * Stores a spooled batch file through the loader (a damaged file throws); {@code next}, when not
   * null, is the spooled file to be stored after it, for the loader to read ahead.
   */
  private void readBatchFile(EventStore.Ingest ingest, Path bytes, String what, Path next) {
    try {
      loader.load(
          ingest,
          bytes,
          what,
          row -> {
            if (wanted.contains(row.logType()) || EventType.parse(row.logType()).isEmpty()) {
              seen(row.eventTime() == 0 ? null : Instant.ofEpochMilli(row.eventTime()));
              return true;
            }
            return false;
          },
          next);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    }
  }

  @FunctionalInterface
  private interface FileBody {
    void read(EventStore.Ingest ingest) throws IOException;
  }

  private void add(EventStore.Ingest ingest, dev.mci.store.StoredEvent row, SiemEvent event) {
    ingest.add(row);
    seen(event.time());
  }

  private void seen(Instant time) {
    if (time != null && (newest == null || time.isAfter(newest))) {
      newest = time;
    }
  }

  /**
   * The open write transaction, shared by consecutive files and pages of one stream so index pages
   * are written once per many files: committed, with the stream's latest checkpoint, once {@code
   * commitEvery} events (or five seconds) have gathered, when the stream changes or ends, and
   * before any wait.
   */
  private final class Transaction {
    private static final long MAX_AGE_NANOS = 5_000_000_000L;

    private EventStore.Ingest open;
    private String stream;
    private String cursor;
    private boolean moved;
    private long opened;
    private long files;
    long quarantined;

    /** The transaction to add {@code name}'s rows to (another stream's is committed first). */
    EventStore.Ingest begin(String name) {
      if (open != null && !name.equals(stream)) {
        commit();
      }
      if (open == null) {
        open = store.ingest();
        opened = System.nanoTime();
        stream = name;
        moved = false;
        files = 0;
        quarantined = 0;
      }
      return open;
    }

    /** The stream has fully read everything before {@code next}; commits when it is time. */
    void advance(String name, String next) {
      begin(name);
      cursor = next;
      moved = true;
      files++;
      if (open.added() >= options.commitEvery() || System.nanoTime() - opened >= MAX_AGE_NANOS) {
        commit();
      }
    }

    /** Commits what is open (rows and the latest checkpoint). */
    void commit() {
      if (open == null) {
        return;
      }
      EventStore.Ingest ingest = open;
      open = null;
      try (ingest) {
        if (!moved) {
          return;
        }
        long added = ingest.added();
        long inserted = ingest.commit(stream, cursor);
        stored.addAndGet(inserted);
        duplicates.addAndGet(added - inserted);
        EventPuller.this.files.addAndGet(files);
        EventPuller.this.quarantined.addAndGet(quarantined);
      }
      report(stream);
    }

    /** Rolls back what is open (only reached when a failure escapes). */
    void abandon() {
      if (open != null) {
        open.close();
        open = null;
      }
    }
  }

  private void report(String stream) {
    Instant now = options.clock().instant();
    listener.progress(
        new PullProgress(
            stream,
            stored.get(),
            duplicates.get(),
            files.get(),
            quarantined.get(),
            newest,
            Duration.between(started, now),
            newest == null ? null : Duration.between(newest, now)));
  }

  /** Moves a damaged file aside with its reason, recorded in the open transaction. */
  private void quarantine(
      EventStore.Ingest ingest, String stream, String what, Path bytes, String reason) {
    Instant now = options.clock().instant();
    String base =
        FILE_TIME.format(now)
            + "-"
            + stream.replaceAll("[^A-Za-z0-9.-]+", "_")
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    Path kept = options.quarantineFolder().resolve(base + ".bin");
    try {
      Files.createDirectories(options.quarantineFolder());
      Files.move(bytes, kept, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(
          options.quarantineFolder().resolve(base + ".reason.txt"),
          "stream: "
              + stream
              + "\nfile: "
              + what
              + "\nquarantined: "
              + now
              + "\nreason: "
              + reason
              + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Kind.FAILED, "cannot quarantine a damaged file in " + kept, e);
    }
    ingest.quarantine(new QuarantinedFile(stream, what, kept.toString(), reason, now));
    tx.quarantined++;
    listener.warning(stream, "quarantined " + what + " (" + reason + ") in " + kept);
  }

  /** Downloads to a spool file; network failures are retried like any remote call. */
  private Path spool(String stream, Supplier<Download> open) {
    return remote(
        stream,
        () -> {
          Path file =
              options
                  .spoolFolder()
                  .resolve(
                      stream.replaceAll("[^A-Za-z0-9.-]+", "_")
                          + "-"
                          + UUID.randomUUID()
                          + ".part");
          try (Download download = open.get()) {
            Files.copy(download.body(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
          } catch (IOException e) {
            deleteQuietly(file);
            throw new MimecastIoException(
                stream, null, "the download broke off: " + e.getMessage(), e);
          } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
          }
        });
  }

  /**
   * Runs a remote call, retrying transient failures with back-off: for ever when following,
   * otherwise {@code attempts} times before the stream gives up.
   */
  private <T> T remote(String stream, Supplier<T> call) {
    int failures = 0;
    while (true) {
      checkStop();
      try {
        return call.get();
      } catch (RateLimitedException
          | ServerException
          | MimecastIoException
          | UncheckedIOException e) {
        failures++;
        if (!options.follow() && failures >= options.attempts()) {
          throw new StreamFailure(
              "gave up after " + failures + " failed attempts: " + e.getMessage());
        }
        Duration wait = backoff(failures);
        if (e instanceof RateLimitedException limited && limited.reset().isPresent()) {
          Duration asked = limited.reset().get();
          wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        listener.warning(
            stream,
            e.getClass().getSimpleName()
                + " ("
                + e.getMessage()
                + "); trying again in "
                + wait.toSeconds()
                + " s");
        pause(wait);
      }
    }
  }

  private static Duration backoff(int failures) {
    long seconds = 1L << Math.min(failures, 9);
    Duration wait = Duration.ofSeconds(seconds);
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private void pause(Duration duration) {
    // Nothing stays uncommitted while waiting: readers see it, and a kill loses nothing read.
    tx.commit();
    checkStop();
    try {
      options.sleeper().sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    }
    checkStop();
  }

  private void checkStop() {
    if (options.stop().getAsBoolean() || Thread.currentThread().isInterrupted()) {
      throw new Stopped();
    }
  }

  private ObjectNode loadState(String stream) {
    Optional<String> cursor = store.checkpoint(stream).flatMap(c -> c.cursor());
    if (cursor.isPresent()) {
      try {
        JsonNode node = MAPPER.readTree(cursor.get());
        if (node != null && node.isObject()) {
          return (ObjectNode) node;
        }
      } catch (IOException e) {
        listener.warning(stream, "the saved checkpoint is unreadable; starting the stream again");
      }
    }
    ObjectNode state = MAPPER.createObjectNode();
    state.put("file", 0);
    return state;
  }

  private void prepareFolders() {
    try {
      Files.createDirectories(options.spoolFolder());
      // Files left by a pull that was killed are incomplete by definition.
      try (DirectoryStream<Path> leftovers =
          Files.newDirectoryStream(options.spoolFolder(), "*.part")) {
        for (Path leftover : leftovers) {
          deleteQuietly(leftover);
        }
      }
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Kind.CONFIGURATION,
          "cannot use the spool folder " + options.spoolFolder() + ": " + e.getMessage(),
          e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static boolean hasCode(MimecastApiException e, String code) {
    return e.errors().stream().map(ApiError::code).anyMatch(code::equalsIgnoreCase);
  }

  private static String summary(MimecastApiException e) {
    return "HTTP "
        + e.httpStatus()
        + e.errors().stream().map(error -> " " + error.code()).reduce("", String::concat);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A leftover spool file is removed at the next start.
    }
  }

  /** A stream cannot go on; the others can. */
  /** A batch file downloaded ahead of its turn, or why it could not be. */
  private record Downloaded(Path spool, RuntimeException failure) {
    Path spoolOrThrow() {
      if (failure != null) {
        throw failure;
      }
      return spool;
    }
  }

  private static final class StreamFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StreamFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** The pull was asked to stop. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("stopped", null, false, false);
    }
  }
}
