package io.openhire.beta;

import io.openhire.alpha.internal.AlphaStore;

/** A stand-in service "beta" that reaches into alpha's internals: what the rule must catch. */
public class BetaShortcut {
    public String find(String id) {
        return new AlphaStore().find(id);
    }
}
