package dev.mci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

  @Test
  void defaultsMatchTheDocumentedValues() {
    SimulatorConfig config = SimulatorConfig.defaults();

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isZero();
    assertThat(config.portV1()).isZero();
    assertThat(config.seed()).isEqualTo(42L);
    assertThat(config.size()).isEqualTo(TenantSize.SMALL);
    assertThat(config.faults()).isEqualTo(FaultProfile.none());
    assertThat(config.tokenTtl()).isEqualTo(Duration.ofSeconds(1799));
    assertThat(config.rateLimit()).isEqualTo(RateLimit.of(800, Duration.ofMinutes(1)));
    assertThat(config.defaultPageSize()).isEqualTo(25);
    assertThat(config.clock()).isEqualTo(Clock.systemUTC());
    assertThat(config.allowedClockSkew()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void builderSetsEveryValueAndRoundTrips() {
    SimulatorConfig config =
        SimulatorConfig.builder()
            .host("0.0.0.0")
            .port(18080)
            .portV1(18081)
            .seed(7)
            .size(TenantSize.MEDIUM)
            .faults(FaultProfile.flaky())
            .tokenTtl(Duration.ofSeconds(60))
            .rateLimit(RateLimit.of(10, Duration.ofSeconds(1)))
            .defaultPageSize(100)
            .allowedClockSkew(Duration.ofMinutes(5))
            .build();

    assertThat(config.toBuilder().build()).isEqualTo(config);
    assertThat(config.size()).isEqualTo(TenantSize.MEDIUM);
    assertThat(config.defaultPageSize()).isEqualTo(100);
  }

  @Test
  void rejectsBadValuesNamingThem() {
    assertThatThrownBy(() -> SimulatorConfig.builder().defaultPageSize(501).build())
        .hasMessageContaining("defaultPageSize");
    assertThatThrownBy(() -> SimulatorConfig.builder().port(70000).build())
        .hasMessageContaining("port");
    assertThatThrownBy(() -> SimulatorConfig.builder().port(8080).portV1(8080).build())
        .hasMessageContaining("differ");
    assertThatThrownBy(() -> SimulatorConfig.builder().tokenTtl(Duration.ZERO).build())
        .hasMessageContaining("tokenTtl");
    assertThatThrownBy(() -> RateLimit.of(0, Duration.ofMinutes(1)))
        .hasMessageContaining("at least 1");
  }

  @Test
  void credentialsToStringHidesSecrets() {
    SimulatorCredentials credentials = SimulatorCredentials.fixed();

    assertThat(credentials.toString())
        .contains(credentials.clientId(), credentials.appId(), credentials.accessKey())
        .doesNotContain(
            credentials.clientSecret(),
            credentials.appKey(),
            credentials.secretKey(),
            credentials.expiredSecretKey());
  }

  @Test
  void mainReadsTheCommandLine() {
    SimulatorConfig config =
        SimulatorMain.parse(
            new String[] {
              "--port",
              "9001",
              "--port-v1",
              "9002",
              "--seed",
              "5",
              "--size",
              "large",
              "--faults",
              "flaky,seed=3"
            });

    assertThat(config.port()).isEqualTo(9001);
    assertThat(config.portV1()).isEqualTo(9002);
    assertThat(config.seed()).isEqualTo(5);
    assertThat(config.size()).isEqualTo(TenantSize.LARGE);
    assertThat(config.faults().seed()).isEqualTo(3);
    assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--size", "huge"}))
        .hasMessageContaining("--size");
    assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port"}))
        .hasMessageContaining("missing value");
  }
}
