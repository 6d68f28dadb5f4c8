package io.openhire.monitoring;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.openhire.platform.test.ArchitectureRules;

@AnalyzeClasses(packages = "io.openhire.monitoring", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule independent = ArchitectureRules.usesOtherServicesOnlyThroughEventsAndClients();

    @ArchTest
    static final ArchRule constructorInjection = ArchitectureRules.noFieldInjection();

    @ArchTest
    static final ArchRule problemDetailsOnlyInTheWebLayer = ArchitectureRules.problemDetailsOnlyInTheWebLayer();

    @ArchTest
    static final ArchRule noJpa = ArchitectureRules.noJpa("io.openhire.monitoring");
}
