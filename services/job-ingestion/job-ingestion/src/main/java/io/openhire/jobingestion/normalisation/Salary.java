package io.openhire.jobingestion.normalisation;

import java.math.BigDecimal;

/**
 * A pay range as a posting states it.
 *
 * @param min lower bound (equal to {@code max} for a single figure; null for "up to …")
 * @param max upper bound (null for "from …" or "…+")
 * @param currency ISO 4217 code
 * @param period what one amount pays for
 * @param estimated the figure is a job board's estimate, not the employer's
 * @param text the words it was read from
 */
public record Salary(BigDecimal min, BigDecimal max, String currency, Period period, boolean estimated, String text) {

    public enum Period {
        HOUR,
        DAY,
        WEEK,
        MONTH,
        YEAR
    }

    /** Both bounds per year (hours × 2,080, days × 260, weeks × 52, months × 12), for comparing postings. */
    public BigDecimal annualMin() {
        return annual(min);
    }

    public BigDecimal annualMax() {
        return annual(max);
    }

    private BigDecimal annual(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        int factor = switch (period) {
            case HOUR -> 2080;
            case DAY -> 260;
            case WEEK -> 52;
            case MONTH -> 12;
            case YEAR -> 1;
        };
        return amount.multiply(BigDecimal.valueOf(factor));
    }
}
