package dev.mci.investigate;

import dev.mci.client.CallListener;
import dev.mci.client.MimecastClient;
import dev.mci.investigate.cases.CaseIndex;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.steps.ArchiveLocator;
import dev.mci.store.StoreLocation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * How to run an {@link Investigation}. Build with {@link #builder()}; immutable.
 *
 * <p>The investigation builds its own client from the given recipe so that it can attach its audit
 * listener (every API call goes to {@code audit.ndjson}), and closes it when done. All steps share
 * that one client, hence one rate-limit budget.
 */
public final class InvestigationOptions {

  /** The default number of steps (and nested searches) running at once. */
  public static final int DEFAULT_CONCURRENCY = 6;

  private final Function<CallListener, MimecastClient> client;
  private final Path casesRoot;
  private final Instant since;
  private final Instant until;
  private final Clock clock;
  private final int maxConcurrency;
  private final Executor executor;
  private final Set<String> internalDomains;
  private final ArchiveLocator archiveLocator;
  private final List<Step<?>> additionalSteps;
  private final CaseIndex index;
  private final StoreLocation eventStore;

  private InvestigationOptions(Builder b) {
    this.client = b.client;
    this.casesRoot = b.casesRoot;
    this.since = b.since;
    this.until = b.until;
    this.clock = b.clock;
    this.maxConcurrency = b.maxConcurrency;
    this.executor = b.executor;
    this.internalDomains = Set.copyOf(b.internalDomains);
    this.archiveLocator = b.archiveLocator;
    this.additionalSteps = List.copyOf(b.additionalSteps);
    this.index = b.index;
    this.eventStore = b.eventStore;
  }

  /** A builder with the defaults: the last 29 days, 6 at a time, the system clock. */
  public static Builder builder() {
    return new Builder();
  }

  Function<CallListener, MimecastClient> client() {
    return client;
  }

  /** The folder under which each case gets its own folder. */
  public Path casesRoot() {
    return casesRoot;
  }

  /** The start of the window, when set. */
  public Optional<Instant> since() {
    return Optional.ofNullable(since);
  }

  /** The end of the window, when set. */
  public Optional<Instant> until() {
    return Optional.ofNullable(until);
  }

  /** The time source. */
  public Clock clock() {
    return clock;
  }

  /** The most steps running at once. */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /** The executor for steps, when the caller supplies one. */
  public Optional<Executor> executor() {
    return Optional.ofNullable(executor);
  }

  /** Domains known to be the tenant's own (more are learnt from the messages found). */
  public Set<String> internalDomains() {
    return internalDomains;
  }

  /** Archive search beyond Message Finder's 30 days, when available. */
  public Optional<ArchiveLocator> archiveLocator() {
    return Optional.ofNullable(archiveLocator);
  }

  /** Steps run in addition to the built-in playbook. */
  public List<Step<?>> additionalSteps() {
    return additionalSteps;
  }

  /** Where new cases are recorded besides their folder, when set. */
  public Optional<CaseIndex> index() {
    return Optional.ofNullable(index);
  }

  /**
   * The local event store searched by playbook step 9, when set. It is opened read-only and never
   * created: a store that does not exist or holds no events leaves the step out (the case says so).
   */
  public Optional<StoreLocation> eventStore() {
    return Optional.ofNullable(eventStore);
  }

  /** Builds {@link InvestigationOptions}; {@link #build()} checks them. */
  public static final class Builder {
    private Function<CallListener, MimecastClient> client;
    private Path casesRoot;
    private Instant since;
    private Instant until;
    private Clock clock = Clock.systemUTC();
    private int maxConcurrency = DEFAULT_CONCURRENCY;
    private Executor executor;
    private final Set<String> internalDomains = new TreeSet<>();
    private ArchiveLocator archiveLocator;
    private final List<Step<?>> additionalSteps = new ArrayList<>();
    private CaseIndex index;
    private StoreLocation eventStore;

    private Builder() {}

    /**
     * The client recipe: the investigation sets its audit listener on this builder (replacing any
     * listener set before) and builds the client from it.
     */
    public Builder client(MimecastClient.Builder builder) {
      Objects.requireNonNull(builder, "builder");
      this.client = listener -> builder.callListener(listener).build();
      return this;
    }

    /**
     * The client recipe as a function: it receives the audit listener, which the client it returns
     * must report every call to. The investigation closes the client.
     */
    public Builder client(Function<CallListener, MimecastClient> factory) {
      this.client = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** The folder under which each case gets its own folder (created if missing). */
    public Builder casesRoot(Path root) {
      this.casesRoot = root;
      return this;
    }

    /** The start of the window; default 29 days before the end (Message Finder's reach). */
    public Builder since(Instant since) {
      this.since = since;
      return this;
    }

    /** The end of the window; default now. */
    public Builder until(Instant until) {
      this.until = until;
      return this;
    }

    /** The time source (window defaults, case times, step durations). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The most steps running at once (each makes its own calls); default 6. */
    public Builder maxConcurrency(int max) {
      this.maxConcurrency = max;
      return this;
    }

    /**
     * The executor steps run on; default a pool of {@code maxConcurrency} threads created for the
     * run. The caller keeps ownership of one it supplies.
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /** Domains known to be the tenant's own, e.g. {@code acme.com}. */
    public Builder internalDomains(Set<String> domains) {
      domains.forEach(d -> internalDomains.add(d.strip().toLowerCase(Locale.ROOT)));
      return this;
    }

    /** Archive search for the part of the window beyond Message Finder's 30 days. */
    public Builder archiveLocator(ArchiveLocator locator) {
      this.archiveLocator = locator;
      return this;
    }

    /** A step to run in addition to the built-in playbook (its needs must be in the playbook). */
    public Builder additionalStep(Step<?> step) {
      additionalSteps.add(Objects.requireNonNull(step, "step"));
      return this;
    }

    /** Where to record each new case besides its folder. */
    public Builder index(CaseIndex index) {
      this.index = index;
      return this;
    }

    /**
     * The local event store (filled by {@code mci events pull}) whose rows matching the case are
     * added to it; null for none.
     */
    public Builder eventStore(StoreLocation store) {
      this.eventStore = store;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public InvestigationOptions build() {
      if (client == null) {
        throw new IllegalArgumentException(
            "no client: call client(MimecastClient.builder().baseUrl(...).credentials(...))");
      }
      if (casesRoot == null) {
        throw new IllegalArgumentException("no cases root: call casesRoot(folder)");
      }
      if (maxConcurrency < 1) {
        throw new IllegalArgumentException(
            "maxConcurrency must be at least 1, got " + maxConcurrency);
      }
      if (since != null && until != null && !since.isBefore(until)) {
        throw new IllegalArgumentException("since " + since + " is not before until " + until);
      }
      return new InvestigationOptions(this);
    }
  }
}
