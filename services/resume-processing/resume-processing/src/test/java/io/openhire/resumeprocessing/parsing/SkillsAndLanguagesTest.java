package io.openhire.resumeprocessing.parsing;

import static io.openhire.resumeprocessing.parsing.ResumeLines.aResume;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.skills.SkillsTaxonomy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SkillsAndLanguagesTest {

    static final SkillsAndLanguages PART = new SkillsAndLanguages(SkillsTaxonomy.load());

    static CandidateProfile.SkillMention technology(String id, String name, int mentions, boolean listed) {
        return new CandidateProfile.SkillMention(id, name, "TECHNOLOGY", mentions, listed);
    }

    static CandidateProfile.SkillMention competence(String id, String name, int mentions, boolean listed) {
        return new CandidateProfile.SkillMention(id, name, "COMPETENCE", mentions, listed);
    }

    static Stream<Arguments> skills() {
        return Stream.of(
                // listed (a claim) before mentioned only in prose (evidence); aliases count for their skill
                Arguments.of(
                        aResume()
                                .section("EXPERIENCE", "• Moved 14 services to k8s and wrote them in Kotlin.")
                                .section("SKILLS", "Java, Kubernetes"),
                        List.of(
                                technology("kubernetes", "Kubernetes", 2, true),
                                technology("java", "Java", 1, true),
                                technology("kotlin", "Kotlin", 1, false))),
                Arguments.of(
                        aResume().line("Ana Lopez").line("Skills: Java, Kotlin"),
                        List.of(technology("java", "Java", 1, true), technology("kotlin", "Kotlin", 1, true))),
                // a competence counts where it is claimed, or mentioned twice; once in prose is not enough
                Arguments.of(aResume().section("SUMMARY", "Known for strong communication with customers."), List.of()),
                Arguments.of(
                        aResume()
                                .section("SUMMARY", "Known for strong communication with customers.")
                                .section("EXPERIENCE", "• Ran the communication plan for a migration."),
                        List.of(competence("communication", "communication", 2, false))),
                Arguments.of(
                        aResume().section("KEY SKILLS", "Customer service"),
                        List.of(competence("customer-service", "customer service", 1, true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skills")
    void findsTaxonomySkillsAndSaysWhichAreClaimed(ResumeLines resume, List<CandidateProfile.SkillMention> skills) {
        assertThat(PART.skills(
                        resume.lines(),
                        resume.sections(),
                        TaggedLines.none(resume.lines().size())))
                .containsExactlyElementsOf(skills);
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of(
                        aResume().section("LANGUAGES", "English (fluent), HINDI, tamil"),
                        List.of("English", "Hindi", "Tamil")),
                Arguments.of(aResume().line("Languages: French; German; french"), List.of("French", "German")),
                // only a languages section says what the candidate speaks
                Arguments.of(aResume().section("SUMMARY", "Taught English in Spain for two years."), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void readsTheLanguagesSection(ResumeLines resume, List<String> languages) {
        assertThat(SkillsAndLanguages.languages(resume.lines(), resume.sections()))
                .containsExactlyElementsOf(languages);
    }

    static Stream<Arguments> certifications() {
        return Stream.of(
                Arguments.of(
                        aResume()
                                .section(
                                        "CERTIFICATIONS",
                                        "• AWS Certified Solutions Architect - Associate",
                                        "• Certified Kubernetes Administrator (CKA)"),
                        List.of(
                                "AWS Certified Solutions Architect - Associate",
                                "Certified Kubernetes Administrator (CKA)")),
                Arguments.of(aResume().line("Certifications: PMP, CSM; ITIL v4"), List.of("PMP", "CSM", "ITIL v4")),
                // a short line elsewhere that names a certificate counts too
                Arguments.of(
                        aResume()
                                .section(
                                        "EDUCATION",
                                        "B.Com, University of Mumbai, 2015",
                                        "Certificate in Financial Accounting")
                                .section("SKILLS", "Tally, Excel"),
                        List.of("Certificate in Financial Accounting")),
                Arguments.of(aResume().section("SKILLS", "Tally, Excel"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certifications")
    void readsCertifications(ResumeLines resume, List<String> certifications) {
        assertThat(SkillsAndLanguages.certifications(resume.lines(), resume.sections()))
                .containsExactlyElementsOf(certifications);
    }
}
