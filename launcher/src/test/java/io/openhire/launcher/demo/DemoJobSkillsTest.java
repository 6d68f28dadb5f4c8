package io.openhire.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.jobprocessing.analysis.SkillExtractor;
import io.openhire.skills.SkillsTaxonomy;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the demo jobs require, as a recruiter sees it after {@code ./openhire start}: real skills, and none
 * of the words the rule-based extractor used to take for skills ("plan", "logistics", "APPS", "FAST",
 * "BASIC").
 */
class DemoJobSkillsTest {

    static final SkillExtractor EXTRACTOR = new SkillExtractor(SkillsTaxonomy.load());
    static final Map<String, List<SkillExtractor.ExtractedSkill>> SKILLS = new LinkedHashMap<>();

    @BeforeAll
    static void extract() throws Exception {
        try (InputStream in = DemoJobSkillsTest.class.getResourceAsStream("/openhire/demo/jobs.json")) {
            JsonNode postings = JsonMapper.builder().build().readTree(in).get("postings");
            for (JsonNode posting : postings) {
                SKILLS.put(
                        posting.get("title").asString(),
                        EXTRACTOR.extract(posting.get("description").asString()));
            }
        }
    }

    static List<String> required(String title) {
        assertThat(SKILLS).containsKey(title);
        return SKILLS.get(title).stream()
                .filter(s -> s.importance() == SkillExtractor.Importance.REQUIRED)
                .map(SkillExtractor.ExtractedSkill::name)
                .toList();
    }

    @Test
    void noCommonWordIsASkillOfAnyDemoJob() {
        List<String> words = List.of("plan", "logistics", "apps", "fast", "basic", "reduce", "impact", "fields");
        SKILLS.forEach((title, skills) -> assertThat(skills)
                .as(title)
                .extracting(s -> s.name().toLowerCase(java.util.Locale.ROOT))
                .doesNotContainAnyElementsOf(words));
    }

    @Test
    void theJavaJobRequiresItsStackAndTheNiceToHavesStayNiceToHave() {
        assertThat(required("Senior Backend Engineer (Java)"))
                .contains("Java", "Apache Kafka", "PostgreSQL", "SQL")
                // named in the duties too ("Run what you build on Kubernetes"), but listed as nice to have
                .doesNotContain("Docker", "Amazon Web Services", "Kubernetes");
    }

    @Test
    void everyTechnicalDemoJobRequiresItsNamedTechnologies() {
        assertThat(required("Frontend Developer (React)")).contains("React", "TypeScript", "CSS");
        assertThat(required("Data Scientist")).contains("Python", "SQL");
        assertThat(required("DevOps Engineer")).contains("Linux", "Docker", "Kubernetes", "Terraform");
        assertThat(required("Junior Accountant")).contains("Microsoft Excel");
    }

    @Test
    void aNursingJobRequiresItsCareSkillsAndCertificationsThoughTheTaggerLearnedFromTechAds() {
        assertThat(required("Registered Nurse - Intensive Care"))
                .contains(
                        "Registered nurse license",
                        "intensive care",
                        "critical care",
                        "Basic Life Support",
                        "Advanced Cardiac Life Support");
    }

    @Test
    void dutiesAreNotSkills() {
        SKILLS.forEach((title, skills) -> assertThat(skills)
                .as(title)
                .extracting(SkillExtractor.ExtractedSkill::name)
                .doesNotContain(
                        "learn into a roadmap",
                        "Work with designers",
                        "Explain results",
                        "Support tax returns",
                        "Improve monitoring and incident response"));
    }
}
