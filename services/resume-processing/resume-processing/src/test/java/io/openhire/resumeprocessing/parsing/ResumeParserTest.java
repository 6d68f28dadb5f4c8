package io.openhire.resumeprocessing.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.resumeprocessing.ResumeTestData;
import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.skills.SkillsTaxonomy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ResumeParserTest {

    static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    final ResumeParser parser = new ResumeParser(SkillsTaxonomy.load(), "US", NOVEMBER_2026);

    CandidateProfile priya() {
        return parser.parse(String.join("\n", ResumeTestData.priya()));
    }

    @Test
    void wordsInSentencesAreNotSkillsButWhatTheSkillsSectionListsIs() {
        SkillsTaxonomy taxonomy = SkillsTaxonomy.load();
        // the rules alone took these words of a sentence for the taxonomy's skills
        assertThat(taxonomy.find("reduce impact fields")).hasSize(3);
        CandidateProfile p = parser.parse(String.join(
                "\n",
                "Jane Doe",
                "Operations Analyst",
                "EXPERIENCE",
                "Operations Analyst, Acme Logistics, Denver, CO",
                "May 2021 - Present",
                "- Helped reduce delivery costs and measured the impact of route changes across all fields",
                "- Built dashboards in Microsoft Excel and SQL",
                "SKILLS",
                "Go, Microsoft Excel, SQL, Tableau"));
        assertThat(p.skills())
                .extracting(CandidateProfile.SkillMention::name)
                // a skills list is a claim: "Go" counts there, whether or not the tagger marks it
                .contains("Go", "Microsoft Excel", "SQL", "Tableau")
                .noneMatch(name -> name.equalsIgnoreCase("reduce")
                        || name.equalsIgnoreCase("impact")
                        || name.equalsIgnoreCase("fields"));
        assertThat(p.work())
                .extracting(CandidateProfile.Work::title, CandidateProfile.Work::employer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Operations Analyst", "Acme Logistics"));
        // what the tagger decided carries its own probability, not a fixed number
        assertThat(p.name()).isEqualTo("Jane Doe");
        assertThat(p.confidence().get("name")).isBetween(0.5, 1.0).isNotIn(0.7, 0.9);
    }

    @Test
    void readsContactsAndLinks() {
        CandidateProfile p = priya();
        assertThat(p.name()).isEqualTo("Priya Raman");
        assertThat(p.headline()).isEqualTo("Senior Backend Engineer");
        assertThat(p.emails()).containsExactly("priya.raman@example.test");
        assertThat(p.phones()).containsExactly("+4930901820");
        assertThat(p.links().linkedin()).isEqualTo("linkedin.com/in/priya-raman");
        assertThat(p.links().github()).isEqualTo("github.com/praman");
        assertThat(p.location().city()).isEqualTo("Berlin");
        assertThat(p.location().country()).isEqualTo("DE");
    }

    @Test
    void readsTheWorkHistoryWithDatesAndTotalYears() {
        CandidateProfile p = priya();
        assertThat(p.work()).hasSize(2);
        CandidateProfile.Work current = p.work().get(0);
        assertThat(current.title()).isEqualTo("Senior Backend Engineer");
        assertThat(current.employer()).isEqualTo("Northwind Logistics GmbH");
        assertThat(current.location()).isEqualTo("Berlin, Germany");
        assertThat(current.start()).isEqualTo("2020-03");
        assertThat(current.current()).isTrue();
        assertThat(current.months()).isEqualTo(81);
        CandidateProfile.Work previous = p.work().get(1);
        assertThat(previous.title()).isEqualTo("Software Engineer");
        assertThat(previous.employer()).isEqualTo("Contoso Payments Ltd");
        assertThat(previous.start()).isEqualTo("2016-06");
        assertThat(previous.end()).isEqualTo("2020-02");
        assertThat(previous.months()).isEqualTo(45);
        assertThat(p.totalYearsExperience()).isEqualTo(10.5);
    }

    @Test
    void readsEducationLanguagesAndCertifications() {
        CandidateProfile p = priya();
        assertThat(p.education()).hasSize(1);
        CandidateProfile.Education degree = p.education().getFirst();
        assertThat(degree.degree()).isEqualTo("Bachelor of Science");
        assertThat(degree.field()).isEqualTo("Computer Science");
        assertThat(degree.institution()).isEqualTo("Technical University of Munich");
        assertThat(degree.year()).isEqualTo(2016);
        assertThat(p.languages()).containsExactly("English", "German", "Tamil");
        assertThat(p.certifications()).contains("AWS Certified Solutions Architect - Associate");
    }

    @Test
    void normalisesSkillsToTheTaxonomyAndSaysWhichAreListed() {
        CandidateProfile p = priya();
        assertThat(p.skills())
                .extracting(CandidateProfile.SkillMention::name)
                .contains(
                        "Java",
                        "Kotlin",
                        "Spring",
                        "Kubernetes",
                        "Docker",
                        "PostgreSQL",
                        "Apache Kafka",
                        "Amazon Web Services",
                        "Terraform",
                        "JavaScript");
        CandidateProfile.SkillMention kubernetes = p.skills().stream()
                .filter(s -> s.id().equals("kubernetes"))
                .findFirst()
                .orElseThrow();
        assertThat(kubernetes.mentions()).isEqualTo(2); // "k8s" in a bullet, "Kubernetes" under Skills
        assertThat(kubernetes.listed()).isTrue();
    }

    @Test
    void scoresHowMuchATextLooksLikeAResume() {
        assertThat(priya().resumeLikelihood()).isGreaterThanOrEqualTo(0.9);
        CandidateProfile recipe =
                parser.parse("Preheat the oven to 200 degrees. Mix flour, sugar and butter. Bake for 20 minutes.");
        assertThat(recipe.resumeLikelihood()).isLessThan(0.3);
        assertThat(recipe.work()).isEmpty();
        assertThat(recipe.name()).isNull();
    }

    @Test
    void readsTextThatLostItsLineBreaks() {
        String blob = String.join("   ", ResumeTestData.priya());
        CandidateProfile p = parser.parse(blob);
        assertThat(p.name()).isEqualTo("Priya Raman");
        assertThat(p.work()).extracting(CandidateProfile.Work::employer).contains("Northwind Logistics GmbH");
    }

    @Test
    void titlesAndPlacesNamedOutsideTheHistoryAreMentionedAndTheHistoryIsNotRepeated() {
        CandidateProfile p = parser.parse(String.join(
                "\n",
                "Jane Doe",
                "Denver, CO",
                "SUMMARY",
                "Former Warehouse Supervisor at Globex Corporation in Chicago, now an operations analyst.",
                "EXPERIENCE",
                "Operations Analyst, Acme Logistics, Denver, CO",
                "May 2021 - Present",
                "- Built dashboards in Microsoft Excel and SQL"));
        assertThat(p.work())
                .extracting(CandidateProfile.Work::title, CandidateProfile.Work::employer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Operations Analyst", "Acme Logistics"));
        // the summary's employer is no job of the history (undated, no title of its own), but it is said
        assertThat(p.mentioned().employers()).containsExactly("Globex Corporation");
        // what the history and the header hold is not said again, in any field
        assertThat(Stream.of(
                                p.mentioned().titles(),
                                p.mentioned().employers(),
                                p.mentioned().places(),
                                p.mentioned().institutions())
                        .flatMap(List::stream))
                .noneMatch(v -> v.contains("Acme") || v.contains("Operations Analyst") || v.contains("Denver"));
    }
}
