package io.openhire.alpha.internal;

import io.openhire.platform.web.ProblemException;

/** A stand-in core class that only catches a problem: deciding by HTTP outcome is the web layer's job too. */
public class AlphaRetry {
    public boolean refused(Runnable action) {
        try {
            action.run();
            return false;
        } catch (ProblemException refused) {
            return true;
        }
    }
}
