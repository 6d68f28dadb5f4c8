package io.openhire.resumeprocessing.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.parsing.Periods.Period;
import io.openhire.resumeprocessing.parsing.Periods.YearsOfExperience;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodsTest {

    static final YearMonth NOVEMBER_2026 = YearMonth.of(2026, 11);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Jan 2019 - Mar 2021                                        | 2019-01 | 2021-03 | false | 27
            03/2018 – 12/2019                                          | 2018-03 | 2019-12 | false | 22
            2015 to 2017                                               | 2015-01 | 2017-12 | false | 36
            Sept. '19 – current                                        | 2019-09 | 2026-11 | true  | 87
            September 2017 onwards                                     | 2017-09 | 2026-11 | true  | 111
            Since March 2020                                           | 2020-03 | 2026-11 | true  | 81
            Software Engineer, Acme Ltd (June 2016 to February 2020)   | 2016-06 | 2020-02 | false | 45
            Aug 2024 - Dec 2027 (expected)                             | 2024-08 | 2026-11 | false | 28
            """)
    void readsTheCommonDateFormats(String line, YearMonth start, YearMonth end, boolean current, int months) {
        Period period = Periods.period(line, NOVEMBER_2026);
        assertThat(period.start()).isEqualTo(start);
        assertThat(period.end()).isEqualTo(end);
        assertThat(period.current()).isEqualTo(current);
        assertThat(period.months()).isEqualTo(months);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Call me on 2019 2020 numbers",
                "2030 - 2031",
                "Mar 2021 - Jan 2019",
                "Increased sales by 40% in 2019",
                "Led the move of 14 services to k8s"
            })
    void aLineWithoutAPlausiblePeriodHasNone(String line) {
        assertThat(Periods.period(line, NOVEMBER_2026)).isNull();
    }

    static CandidateProfile.Work job(String start, Integer months) {
        return new CandidateProfile.Work("Engineer", "Acme Ltd", null, start, null, false, months);
    }

    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of(List.of(job("2020-03", 81), job("2016-06", 45)), 10.5),
                Arguments.of(List.of(job("2019-01", 24), job("2020-01", 24)), 3.0), // overlapping: once
                Arguments.of(List.of(job("2010-01", 12), job("2015-01", 6)), 1.5), // a gap is not experience
                Arguments.of(List.of(), null));
    }

    @ParameterizedTest(name = "{0} → {1} years")
    @MethodSource("histories")
    void addsUpTheWorkHistoryCountingOverlapsOnce(List<CandidateProfile.Work> work, Double years) {
        assertThat(Periods.totalYears(work)).isEqualTo(years);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Backend engineer with 8 years of experience building payment platforms | 8.0
            12+ yrs experience in retail banking                                   | 12.0
            5.5 years of industry experience; 3 years experience in Java           | 5.5
            Over 60 years of experience                                            |
            Experienced engineer                                                   |
            """)
    void readsTheYearsAResumeStates(String text, Double years) {
        assertThat(Periods.yearsFromPhrase(text)).isEqualTo(years);
    }

    @ParameterizedTest(name = "{0} jobs, \"{1}\"")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1 | 8 years of experience | 1.0 | WORK_HISTORY
            0 | 8 years of experience | 8.0 | STATED
            0 | Java developer        | -   | -
            """)
    void prefersTheWorkHistoryToWhatTheTextStates(
            int jobs, String text, Double years, YearsOfExperience.Source source) {
        List<CandidateProfile.Work> work = jobs == 0 ? List.of() : List.of(job("2020-01", 12));
        YearsOfExperience found = Periods.yearsOfExperience(work, text);
        assertThat(found).isEqualTo(years == null ? null : new YearsOfExperience(years, source));
    }
}
