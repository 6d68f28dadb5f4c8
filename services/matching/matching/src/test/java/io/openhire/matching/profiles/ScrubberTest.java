package io.openhire.matching.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScrubberTest {

    @Test
    void removesNameContactsAgeAndGenderedWordsButKeepsTheWork() {
        String text = """
                Priya Raman
                Berlin, Germany | priya.raman@example.test | +49 30 901820 | linkedin.com/in/priya-raman
                Date of birth: 12.03.1988, female, married
                She led the move of 14 services to Kubernetes; Ms. Raman mentored her team.
                Senior Backend Engineer at Northwind Logistics (2018 - 2024)
                """;

        String scrubbed = Scrubber.scrub(text, "Priya Raman");

        assertThat(scrubbed)
                .doesNotContain("Priya", "Raman", "@", "+49", "901820", "linkedin", "1988", "female", "married")
                .doesNotContainPattern("(?i)\\b(she|her|ms)\\b");
        assertThat(scrubbed).contains("led the move of 14 services to Kubernetes", "mentored", "team");
        assertThat(scrubbed).contains("Senior Backend Engineer at Northwind Logistics (2018 - 2024)");
        assertThat(scrubbed.lines()).allSatisfy(line -> assertThat(line).isNotBlank());
    }

    @Test
    void keepsYearsAndNumbersThatAreNotPhoneNumbers() {
        assertThat(Scrubber.scrub("Cut deployment time by 60% across 2,000 requests per second in 2021", null))
                .isEqualTo("Cut deployment time by 60% across 2,000 requests per second in 2021");
    }

    @Test
    void nothingInNothingOut() {
        assertThat(Scrubber.scrub(null, "A B")).isEmpty();
        assertThat(Scrubber.scrub("  \n ", null)).isEmpty();
    }
}
