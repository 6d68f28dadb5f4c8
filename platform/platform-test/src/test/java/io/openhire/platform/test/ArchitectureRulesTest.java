package io.openhire.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.openhire.alpha.client.AlphaApi;
import io.openhire.alpha.events.AlphaHappened;
import io.openhire.alpha.internal.AlphaRetry;
import io.openhire.alpha.internal.AlphaRules;
import io.openhire.alpha.internal.AlphaStore;
import io.openhire.alpha.web.AlphaController;
import io.openhire.beta.BetaListener;
import io.openhire.beta.BetaShortcut;
import io.openhire.platform.web.ProblemException;
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
    void problemDetailsAreForTheWebLayerCoreCodeThatThrowsOrCatchesOneBreaksTheRule() {
        EvaluationResult web = ArchitectureRules.problemDetailsOnlyInTheWebLayer()
                .evaluate(new ClassFileImporter()
                        .importClasses(AlphaController.class, AlphaStore.class, ProblemException.class));
        EvaluationResult core = ArchitectureRules.problemDetailsOnlyInTheWebLayer()
                .evaluate(new ClassFileImporter()
                        .importClasses(AlphaRules.class, AlphaRetry.class, AlphaStore.class, ProblemException.class));

        assertThat(web.hasViolation()).isFalse();
        assertThat(core.hasViolation()).isTrue();
        assertThat(core.getFailureReport().toString())
                .contains("AlphaRules", "AlphaRetry")
                .doesNotContain("AlphaStore");
    }

    @Test
    void clientMethodsTakeAndReturnRecordsNotMapsAtAnyDepth() {
        EvaluationResult result = ArchitectureRules.clientsSpeakInRecords()
                .evaluate(new ClassFileImporter().importClasses(AlphaApi.class, AlphaApi.Alpha.class));

        assertThat(result.getFailureReport().getDetails())
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("untypedList"))
                .anySatisfy(line -> assertThat(line).contains("untypedBody"))
                .noneSatisfy(line -> assertThat(line).contains("AlphaApi.alpha("));
    }

    @Test
    void servicesAreTheSlicesUnderIoOpenhire() {
        assertThat(ArchitectureRules.slice("io.openhire.matching.index")).isEqualTo("matching");
        assertThat(ArchitectureRules.slice("io.openhire.matching")).isEqualTo("matching");
        assertThat(ArchitectureRules.slice("org.example")).isNull();
    }
}
