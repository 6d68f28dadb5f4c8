package io.openhire.platform.web;

/**
 * A stand-in with the real class's name, for {@code ArchitectureRulesTest}: platform-test cannot depend on
 * platform-core (platform-core's tests depend on platform-test), and the rule names the class it guards.
 * Test code only: it is not in platform-test's jar.
 */
public class ProblemException extends RuntimeException {
    public ProblemException(String detail) {
        super(detail);
    }
}
