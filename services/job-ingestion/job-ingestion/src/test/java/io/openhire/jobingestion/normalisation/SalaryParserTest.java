package io.openhire.jobingestion.normalisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openhire.jobingestion.upload.Csv;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SalaryParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "$53K-$91K (Glassdoor est.)                     | 53000  | 91000  | USD | YEAR  | true",
                "Employer Provided Salary:$17-$24 Per Hour      | 17     | 24     | USD | HOUR  | false",
                "$150K-$160K(Employer est.)                     | 150000 | 160000 | USD | YEAR  | false",
                "€45.000 – €55.000 per annum                    | 45000  | 55000  | EUR | YEAR  | false",
                "£30k–35k pa                                    | 30000  | 35000  | GBP | YEAR  | false",
                "USD 120,000-150,000/yr                         | 120000 | 150000 | USD | YEAR  | false",
                "Salary: 4.500 EUR per month                    | 4500   | 4500   | EUR | MONTH | false",
                "CHF 95'000 - 110'000                           | 95000  | 110000 | CHF | YEAR  | false",
                "Pay: $22.50 - $28.75 an hour                   | 22.50  | 28.75  | USD | HOUR  | false",
                "CTC 12-18 LPA                                  | 1200000| 1800000| INR | YEAR  | false",
                "C$85,000 to C$95,000 a year                    | 85000  | 95000  | CAD | YEAR  | false",
                "daily rate £450 - £550 per day                 | 450    | 550    | GBP | DAY   | false",
            })
    void readsTheRangesPostingsUse(
            String text, BigDecimal min, BigDecimal max, String currency, Salary.Period period, boolean estimated) {
        Salary salary = SalaryParser.parse(text).orElseThrow();
        assertThat(salary.min()).isEqualByComparingTo(min);
        assertThat(salary.max()).isEqualByComparingTo(max);
        assertThat(salary.currency()).isEqualTo(currency);
        assertThat(salary.period()).isEqualTo(period);
        assertThat(salary.estimated()).isEqualTo(estimated);
    }

    @Test
    void openRangesKeepTheirOpenEnd() {
        Salary upTo = SalaryParser.parse("Up to $90k plus bonus").orElseThrow();
        assertThat(upTo.min()).isNull();
        assertThat(upTo.max()).isEqualByComparingTo("90000");
        Salary from = SalaryParser.parse("from €40,000 depending on experience").orElseThrow();
        assertThat(from.min()).isEqualByComparingTo("40000");
        assertThat(from.max()).isNull();
        Salary plus = SalaryParser.parse("$100K+ base").orElseThrow();
        assertThat(plus.min()).isEqualByComparingTo("100000");
        assertThat(plus.max()).isNull();
    }

    @Test
    void numbersThatAreNotPayAreNotSalaries() {
        assertThat(SalaryParser.parse("5-7 years of experience with Java")).isEmpty();
        assertThat(SalaryParser.parse("Founded in 2019, 200-500 employees")).isEmpty();
        assertThat(SalaryParser.parse("Competitive salary and benefits")).isEmpty();
        assertThat(SalaryParser.parse("-1")).isEmpty();
        assertThat(SalaryParser.parse(null)).isEmpty();
    }

    @Test
    void annualisesForComparison() {
        Salary hourly = SalaryParser.parse("$20-$30 per hour").orElseThrow();
        assertThat(hourly.annualMin()).isEqualByComparingTo("41600");
        assertThat(hourly.annualMax()).isEqualByComparingTo("62400");
    }

    /** Every salary estimate of the 956 scraped Glassdoor postings (../shared/data; skipped without it). */
    @Test
    void everyGlassdoorSalaryEstimateIsRead() throws Exception {
        Path csv = Path.of("../../../../shared/data/jobs/glassdoor/glassdoor_jobs.csv");
        assumeTrue(Files.isRegularFile(csv), "../shared/data/jobs/glassdoor is absent: not checked");
        List<String> estimates = new ArrayList<>();
        int descriptionsWithPay = 0;
        int rows = 0;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (List<String> row : Csv.read(in)) {
                if (rows++ == 0) {
                    continue; // header
                }
                estimates.add(row.get(2));
                if (SalaryParser.parse(row.get(3)).isPresent()) {
                    descriptionsWithPay++;
                }
            }
        }
        assertThat(estimates).hasSize(956);
        int read = 0;
        for (String estimate : estimates) {
            if (estimate.equals("-1")) {
                assertThat(SalaryParser.parse(estimate)).isEmpty();
                continue;
            }
            Salary salary = SalaryParser.parse(estimate).orElseThrow(() -> new AssertionError("not read: " + estimate));
            assertThat(salary.currency()).isEqualTo("USD");
            assertThat(salary.min()).isLessThanOrEqualTo(salary.max());
            assertThat(salary.period())
                    .isEqualTo(estimate.contains("Per Hour") ? Salary.Period.HOUR : Salary.Period.YEAR);
            assertThat(salary.estimated()).isEqualTo(estimate.contains("Glassdoor est."));
            read++;
        }
        System.out.printf(
                "Glassdoor: %d of %d salary estimates read (the rest say -1); pay found in %d of 956 descriptions%n",
                read,
                estimates.size() - estimates.stream().filter("-1"::equals).count() + read - read,
                descriptionsWithPay);
        assertThat(read).isEqualTo(742);
    }
}
