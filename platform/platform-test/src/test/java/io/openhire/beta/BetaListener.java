package io.openhire.beta;

import io.openhire.alpha.events.AlphaHappened;

/** A stand-in service "beta" that uses alpha the allowed way. */
public class BetaListener {
    public String on(AlphaHappened event) {
        return event.id();
    }
}
