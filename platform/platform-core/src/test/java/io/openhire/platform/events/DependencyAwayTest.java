package io.openhire.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.platform.errors.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.web.client.ResourceAccessException;

/** Which listener failures wait for a dependency instead of going to the dead-letter topic. */
class DependencyAwayTest {

    @Test
    void anUnreachableOrFailingDependencyIsWaitedFor() {
        assertThat(EventsAutoConfiguration.dependencyAway(new ListenerExecutionFailedException(
                        "listener failed", new ResourceAccessException("timed out"))))
                .isTrue();
        assertThat(EventsAutoConfiguration.dependencyAway(new ListenerExecutionFailedException(
                        "listener failed", DomainException.unavailable("dependency-unavailable", "y"))))
                .isTrue();
        assertThat(EventsAutoConfiguration.dependencyAway(new DataAccessResourceFailureException("no database")))
                .isTrue();
    }

    @Test
    void aBugOrABadRecordIsNot() {
        assertThat(EventsAutoConfiguration.dependencyAway(
                        new ListenerExecutionFailedException("listener failed", new IllegalStateException("bug"))))
                .isFalse();
        assertThat(EventsAutoConfiguration.dependencyAway(DomainException.notFound("gone")))
                .isFalse();
    }

    @Test
    void waitingIsBoundedAndEachPauseStaysShortOfAPollTimeout() {
        var backOff = EventsAutoConfiguration.waitForDependency();
        assertThat(backOff.getMaxInterval()).isLessThanOrEqualTo(30_000);
        assertThat(backOff.getMaxElapsedTime()).isEqualTo(EventsAutoConfiguration.DEPENDENCY_PATIENCE.toMillis());
    }
}
