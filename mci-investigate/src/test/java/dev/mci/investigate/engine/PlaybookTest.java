package dev.mci.investigate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.investigate.testing.FakeStep;
import org.junit.jupiter.api.Test;

class PlaybookTest {

  @Test
  void aNeedThatIsNotInThePlaybookIsRefused() {
    Playbook.Builder builder = Playbook.builder().step(FakeStep.named("detail", "locate"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'detail' needs 'locate'");
  }

  @Test
  void aCycleIsRefusedAndNamed() {
    Playbook.Builder builder =
        Playbook.builder()
            .step(FakeStep.named("a", "c"))
            .step(FakeStep.named("b", "a"))
            .step(FakeStep.named("c", "b"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycle");
  }

  @Test
  void twoStepsWithOneNameAreRefused() {
    Playbook.Builder builder = Playbook.builder().step(FakeStep.named("locate"));

    assertThatThrownBy(() -> builder.step(FakeStep.named("locate")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two steps are named 'locate'");
  }

  @Test
  void stepNamesAreLowerCaseWordsJoinedByHyphens() {
    assertThatThrownBy(() -> StepKey.of("Locate Messages"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case words");
  }

  @Test
  void theCriticalPathIsTheLongestChain() {
    Playbook playbook =
        Playbook.builder()
            .step(FakeStep.named("locate"))
            .step(FakeStep.named("detail", "locate"))
            .step(FakeStep.named("hash", "detail"))
            .step(FakeStep.named("blast", "locate"))
            .step(FakeStep.named("people", "locate", "hash"))
            .build();

    assertThat(playbook.criticalPathLength()).isEqualTo(4);
  }

  @Test
  void capabilitiesAreTheUnionOfWhatTheStepsProvide() {
    Playbook playbook =
        Playbook.builder()
            .step(FakeStep.named("locate").providing(Capability.LOCATE_MESSAGE_FINDER))
            .step(FakeStep.named("decode").providing(Capability.URL_DECODE))
            .build();

    assertThat(playbook.capabilities())
        .containsExactlyInAnyOrder(Capability.LOCATE_MESSAGE_FINDER, Capability.URL_DECODE);
  }
}
