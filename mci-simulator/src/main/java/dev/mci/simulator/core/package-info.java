/**
 * The simulator's request pipeline, written once for every endpoint: listeners, authentication (API
 * 1.0 HMAC and API 2.0 OAuth), rate limiting, fault injection, the {@code /api/...} envelope and
 * pagination. API areas only register handlers through {@link dev.mci.simulator.core.Routes}.
 *
 * <p>Internal to the simulator: public only so that the area packages can use it; not a stable API.
 */
package dev.mci.simulator.core;
