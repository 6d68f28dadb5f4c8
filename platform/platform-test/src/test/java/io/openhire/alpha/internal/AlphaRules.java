package io.openhire.alpha.internal;

import io.openhire.platform.web.ProblemException;

/** A stand-in core class of service "alpha" that decides an HTTP answer itself: what the rule must catch. */
public class AlphaRules {
    public void check(String name) {
        if (name.isBlank()) {
            throw new ProblemException("A name is required.");
        }
    }
}
