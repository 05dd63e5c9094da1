package dev.mci.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * One deterministic misbehaviour for the next request on a path; queue it with {@link
 * ScriptedFaults#enqueue(String, ScriptedFault)}. Scripted faults take precedence over the
 * probabilistic {@link FaultProfile} and do not count against the caller's rate-limit bucket.
 */
public sealed interface ScriptedFault
    permits ScriptedFault.Status,
        ScriptedFault.RateLimited,
        ScriptedFault.DropConnection,
        ScriptedFault.FunctionError,
        ScriptedFault.EmptyBody,
        ScriptedFault.Delay,
        ScriptedFault.TokenExpired {

  /**
   * Answer with this HTTP status and the documented error body (the {@code meta}/{@code
   * data}/{@code fail} envelope on {@code /api/...}, the flat {@code fail} form elsewhere).
   */
  static ScriptedFault status(int httpStatus) {
    return new Status(httpStatus);
  }

  /**
   * Answer HTTP 429 with {@code X-RateLimit-Remaining: 0}, {@code X-RateLimit-Reset} set to {@code
   * reset} in milliseconds and {@code Retry-After} in whole seconds, rounded up.
   */
  static ScriptedFault rateLimited(Duration reset) {
    return new RateLimited(reset);
  }

  /** Close the connection without sending a response. */
  static ScriptedFault dropConnection() {
    return new DropConnection();
  }

  /** Answer HTTP 200 with {@code data: []} and one {@code fail[]} entry carrying this error. */
  static ScriptedFault functionError(String code, String message, boolean retryable) {
    return new FunctionError(code, message, retryable);
  }

  /** Answer with this HTTP status and no body at all. */
  static ScriptedFault emptyBody(int httpStatus) {
    return new EmptyBody(httpStatus);
  }

  /** Wait this long, then handle the request normally. */
  static ScriptedFault delay(Duration duration) {
    return new Delay(duration);
  }

  /** Answer HTTP 401 {@code token_expired} as an expired API 2.0 token would. */
  static ScriptedFault tokenExpired() {
    return new TokenExpired();
  }

  /** See {@link ScriptedFault#status(int)}. */
  record Status(int httpStatus) implements ScriptedFault {
    /** Checks the status is an HTTP error status. */
    public Status {
      if (httpStatus < 400 || httpStatus > 599) {
        throw new IllegalArgumentException("fault status must be 400-599, was " + httpStatus);
      }
    }
  }

  /** See {@link ScriptedFault#rateLimited(Duration)}. */
  record RateLimited(Duration reset) implements ScriptedFault {
    /** Checks the reset is not negative. */
    public RateLimited {
      Objects.requireNonNull(reset, "reset");
      if (reset.isNegative()) {
        throw new IllegalArgumentException("reset must not be negative, was " + reset);
      }
    }
  }

  /** See {@link ScriptedFault#dropConnection()}. */
  record DropConnection() implements ScriptedFault {}

  /** See {@link ScriptedFault#functionError(String, String, boolean)}. */
  record FunctionError(String code, String message, boolean retryable) implements ScriptedFault {
    /** Checks code and message are present. */
    public FunctionError {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }

  /** See {@link ScriptedFault#emptyBody(int)}. */
  record EmptyBody(int httpStatus) implements ScriptedFault {
    /** Checks the status is a valid HTTP status. */
    public EmptyBody {
      if (httpStatus < 200 || httpStatus > 599) {
        throw new IllegalArgumentException("status must be 200-599, was " + httpStatus);
      }
    }
  }

  /** See {@link ScriptedFault#delay(Duration)}. */
  record Delay(Duration duration) implements ScriptedFault {
    /** Checks the duration is not negative. */
    public Delay {
      Objects.requireNonNull(duration, "duration");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, was " + duration);
      }
    }
  }

  /** See {@link ScriptedFault#tokenExpired()}. */
  record TokenExpired() implements ScriptedFault {}
}
