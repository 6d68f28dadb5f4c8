package io.openhire.alpha.web;

import io.openhire.platform.web.ProblemException;

/** A stand-in controller of service "alpha": the web layer may answer with problem details. */
public class AlphaController {
    public String get(String id) {
        if (id == null) {
            throw new ProblemException("Alpha " + id + " was not found");
        }
        return id;
    }
}
