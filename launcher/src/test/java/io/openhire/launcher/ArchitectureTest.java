package io.openhire.launcher;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.openhire.platform.test.ArchitectureRules;

/**
 * The rules every service checks for itself, once over everything the launcher puts on one class path: no
 * service reaches into another's internals, whichever services exist; calls between them are typed; core
 * code leaves HTTP statuses to the web layer.
 */
@AnalyzeClasses(packages = "io.openhire", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule servicesIndependent = ArchitectureRules.usesOtherServicesOnlyThroughEventsAndClients();

    @ArchTest
    static final ArchRule clientsSpeakInRecords = ArchitectureRules.clientsSpeakInRecords();

    @ArchTest
    static final ArchRule problemDetailsOnlyInTheWebLayer = ArchitectureRules.problemDetailsOnlyInTheWebLayer();
}
