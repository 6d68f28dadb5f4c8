package io.openhire.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.openhire.alpha.events.AlphaHappened;
import io.openhire.alpha.internal.AlphaStore;
import io.openhire.beta.BetaListener;
import io.openhire.beta.BetaShortcut;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTest {

    @Test
    void anotherServicesEventsAreFineItsInternalsAreNot() {
        EvaluationResult allowed = ArchitectureRules.usesOtherServicesOnlyThroughEventsAndClients()
                .evaluate(new ClassFileImporter().importClasses(BetaListener.class, AlphaHappened.class));
        EvaluationResult shortcut = ArchitectureRules.usesOtherServicesOnlyThroughEventsAndClients()
                .evaluate(new ClassFileImporter().importClasses(BetaShortcut.class, AlphaStore.class));

        assertThat(allowed.hasViolation()).isFalse();
        assertThat(shortcut.hasViolation()).isTrue();
        assertThat(shortcut.getFailureReport().toString()).contains("BetaShortcut", "AlphaStore");
    }

    @Test
    void servicesAreTheSlicesUnderIoOpenhire() {
        assertThat(ArchitectureRules.slice("io.openhire.matching.index")).isEqualTo("matching");
        assertThat(ArchitectureRules.slice("io.openhire.matching")).isEqualTo("matching");
        assertThat(ArchitectureRules.slice("org.example")).isNull();
    }
}
