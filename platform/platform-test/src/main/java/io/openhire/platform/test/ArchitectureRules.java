package io.openhire.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;

/** Rules every service's {@code ArchitectureTest} checks (see CONVENTIONS.md). */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /**
     * Code every part of OpenHire may use: platform-core and platform-test, and the shared business
     * libraries (skills taxonomy, places). Everything else directly under {@code io.openhire} is a service.
     */
    static final java.util.Set<String> SHARED = java.util.Set.of("platform", "skills", "places");

    /**
     * A service reaches another only through that service's {@code .events} and {@code .client} packages
     * (or its HTTP API, which needs no import). The services are derived from the packages, one per
     * {@code io.openhire.<name>} slice, so a new service is covered without a change here; the launcher,
     * which assembles them all, is the one exception.
     */
    public static ArchRule usesOtherServicesOnlyThroughEventsAndClients() {
        com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass> condition =
                new com.tngtech.archunit.lang.ArchCondition<>(
                        "depend on other services only through .events and .client") {
                    @Override
                    public void check(
                            com.tngtech.archunit.core.domain.JavaClass origin,
                            com.tngtech.archunit.lang.ConditionEvents events) {
                        String from = slice(origin.getPackageName());
                        for (com.tngtech.archunit.core.domain.Dependency dependency :
                                origin.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            String to = slice(target);
                            if (to == null || to.equals(from) || SHARED.contains(to)) {
                                continue;
                            }
                            String base = "io.openhire." + to;
                            boolean published = target.equals(base + ".events")
                                    || target.startsWith(base + ".events.")
                                    || target.equals(base + ".client")
                                    || target.startsWith(base + ".client.");
                            if (!published) {
                                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                        dependency, dependency.getDescription()));
                            }
                        }
                    }
                };
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that()
                .resideInAPackage("io.openhire..")
                .and()
                .resideOutsideOfPackage("io.openhire.launcher..")
                .should(condition)
                .because("services are independent: use the other service's HTTP API, -events or -client module");
    }

    /** {@code matching} for {@code io.openhire.matching.index}; null outside {@code io.openhire}. */
    static String slice(String packageName) {
        if (!packageName.startsWith("io.openhire.")) {
            return null;
        }
        String rest = packageName.substring("io.openhire.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
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
