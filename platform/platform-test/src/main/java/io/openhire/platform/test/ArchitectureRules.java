package io.openhire.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;

/** Rules every service's {@code ArchitectureTest} checks (see CONVENTIONS.md). */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /** A service talks to another only through its HTTP API or its {@code -events} module. */
    public static ArchRule doesNotUseOtherServices(String servicePackage, String... allowedEventPackages) {
        String[] others = {
            "io.openhire.identity..",
            "io.openhire.gateway..",
            "io.openhire.storage..",
            "io.openhire.resumeingestion..",
            "io.openhire.resumeprocessing..",
            "io.openhire.jobingestion..",
            "io.openhire.jobprocessing..",
            "io.openhire.matching..",
            "io.openhire.modelregistry..",
            "io.openhire.modelserving..",
            "io.openhire.dashboard..",
            "io.openhire.launcher.."
        };
        String own = servicePackage + "..";
        java.util.List<String> forbidden = new java.util.ArrayList<>();
        for (String other : others) {
            if (!other.equals(own)) {
                forbidden.add(other);
            }
        }
        com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> otherService =
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                        forbidden.toArray(String[]::new));
        if (allowedEventPackages.length > 0) {
            otherService = otherService.and(com.tngtech.archunit.base.DescribedPredicate.not(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(allowedEventPackages)));
        }
        return noClasses()
                .that()
                .resideInAPackage(own)
                .should()
                .dependOnClassesThat(otherService)
                .because("services are independent: use the other service's HTTP API or -events module");
    }

    /** Constructor injection only: dependencies visible, fields final, classes testable without Spring. */
    public static ArchRule noFieldInjection() {
        return noFields().should().beAnnotatedWith(Autowired.class).because("use constructor injection");
    }

    /** No JPA: Spring Data JDBC / JdbcClient only (fast start-up, explicit SQL). */
    public static ArchRule noJpa(String servicePackage) {
        return noClasses()
                .that()
                .resideInAPackage(servicePackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate..");
    }
}
