package io.openhire.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;

/** Rules every service's {@code ArchitectureTest} checks (see CONVENTIONS.md). */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /**
     * Code every part of OpenHire may use: platform-core and platform-test, and the shared business
     * libraries (skills taxonomy, places, sequence tagging, the resume tagger). Everything else directly under {@code io.openhire} is a service.
     */
    static final java.util.Set<String> SHARED =
            java.util.Set.of("platform", "skills", "places", "tagging", "resumetagger", "pii");

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

    /** Named, not imported: platform-test cannot depend on platform-core (whose tests use platform-test). */
    static final String PROBLEM_EXCEPTION = "io.openhire.platform.web.ProblemException";

    /**
     * HTTP belongs to the web layer: core code (services, repositories, parsers, listeners) throws
     * {@code io.openhire.platform.errors.DomainException}, and only classes in a {@code web} package
     * (controllers, filters) and platform-core itself build or catch a {@code ProblemException}, so that a
     * status code is decided in one place ({@code GlobalProblemHandler}).
     */
    public static ArchRule problemDetailsOnlyInTheWebLayer() {
        return noClasses()
                .that()
                .resideInAPackage("io.openhire..")
                .and()
                .resideOutsideOfPackages("..web..", "io.openhire.platform..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(PROBLEM_EXCEPTION)
                .because("core code throws DomainException; the web layer maps it to an HTTP status");
    }

    /**
     * Calls between services are typed: a method of an HTTP interface ({@code @GetExchange},
     * {@code @PostExchange}, ...; the {@code <svc>-client} modules) neither takes nor returns a {@code Map} or a
     * {@code JsonNode}, at any depth ({@code List<Map<String, Object>>} too). A field renamed by the producer is
     * then a compile error in the client's records, not a {@code null} at run time. A {@code MultiValueMap} is
     * not JSON but query parameters or multipart parts: allowed, built by a typed method of the client
     * ({@code JobQuery.params()}, {@code ResumeIngestionApi.upload(Resource, ...)}).
     */
    public static ArchRule clientsSpeakInRecords() {
        return methods()
                .that(new DescribedPredicate<JavaMethod>("belong to an HTTP interface") {
                    @Override
                    public boolean test(JavaMethod method) {
                        return method.getAnnotations().stream()
                                .map(a -> a.getRawType().getName())
                                .anyMatch(name -> name.startsWith("org.springframework.web.service.annotation.")
                                        && name.endsWith("Exchange"));
                    }
                })
                .should(new ArchCondition<JavaMethod>("use records, not Map or JsonNode") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        List<JavaType> types = new ArrayList<>();
                        types.add(method.getReturnType());
                        types.addAll(method.getParameterTypes());
                        for (JavaType type : types) {
                            for (JavaClass involved : type.getAllInvolvedRawTypes()) {
                                boolean untypedJson = involved.isAssignableTo("java.util.Map")
                                        && !involved.isAssignableTo("org.springframework.util.MultiValueMap");
                                if (untypedJson
                                        || involved.isAssignableTo("tools.jackson.databind.JsonNode")
                                        || involved.isAssignableTo("com.fasterxml.jackson.databind.JsonNode")) {
                                    events.add(SimpleConditionEvent.violated(
                                            method,
                                            method.getFullName() + " uses " + involved.getName()
                                                    + ": give the contract a record in the producer's -client module"));
                                }
                            }
                        }
                    }
                });
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
