package io.openhire.matching.ranking;

import io.openhire.matching.profiles.JobFacts;
import io.openhire.matching.profiles.Place;

/**
 * How near the candidate lives to where the job is done: the same city counts fully, the same region 0.8,
 * the same country 0.5 (0.4 for a hybrid job, which asks for the office some days), anything else 0. A
 * remote job fits everyone; without a place on either side the category does not apply.
 */
final class LocationFit {

    private LocationFit() {}

    /** The best fit over the job's places, naming the closest. */
    static Fit of(JobFacts job, Place candidate) {
        if ("REMOTE".equals(job.workplace())) {
            return Fit.of(1.0, "remote job");
        }
        if (job.locations().isEmpty()) {
            return Fit.notApplicable("the job names no location");
        }
        if (candidate == null || !candidate.known()) {
            return Fit.notApplicable("the candidate's location is not known");
        }
        double best = 0;
        Place closest = job.locations().getFirst();
        for (Place place : job.locations()) {
            double fit = fit(place, candidate, job.workplace());
            if (fit > best) {
                best = fit;
                closest = place;
            }
        }
        String where = "ON_SITE".equals(job.workplace()) ? "on site in " : "in ";
        return Fit.of(best, "lives in " + candidate + "; job " + where + closest);
    }

    /** One of the job's places. A country unknown on either side does not stand in the way of a city match. */
    private static double fit(Place place, Place candidate, String workplace) {
        boolean sameCountry = same(place.country(), candidate.country());
        boolean countryUnknown = place.country() == null || candidate.country() == null;
        if (same(place.city(), candidate.city()) && (sameCountry || countryUnknown)) {
            return 1.0;
        }
        if (same(place.region(), candidate.region()) && (sameCountry || countryUnknown)) {
            return 0.8;
        }
        if (sameCountry) {
            return "HYBRID".equals(workplace) ? 0.4 : 0.5;
        }
        return 0.0;
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }
}
