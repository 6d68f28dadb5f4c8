package io.openhire.matching.ranking;

/**
 * What one rule found for one category, before it is weighted: a score from 0 to 1 (null where the category
 * does not apply, so its weight goes to the others) and the sentence a recruiter reads beside it.
 */
record Fit(Double score, String detail) {

    static Fit of(double score, String detail) {
        return new Fit(score, detail);
    }

    static Fit notApplicable(String detail) {
        return new Fit(null, detail);
    }
}
