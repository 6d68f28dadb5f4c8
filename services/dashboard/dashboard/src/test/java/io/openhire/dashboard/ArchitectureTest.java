package io.openhire.dashboard;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.openhire.platform.test.ArchitectureRules;

@AnalyzeClasses(packages = "io.openhire.dashboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The dashboard knows the other services only by their APIs and event topics. */
    @ArchTest
    static final ArchRule independent = ArchitectureRules.usesOtherServicesOnlyThroughEventsAndClients();

    @ArchTest
    static final ArchRule constructorInjection = ArchitectureRules.noFieldInjection();

    @ArchTest
    static final ArchRule problemDetailsOnlyInTheWebLayer = ArchitectureRules.problemDetailsOnlyInTheWebLayer();
}
