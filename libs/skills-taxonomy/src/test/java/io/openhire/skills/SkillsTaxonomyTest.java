package io.openhire.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openhire.skills.build.TaxonomyBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkillsTaxonomyTest {

    final SkillsTaxonomy taxonomy = SkillsTaxonomy.load();

    List<String> names(String text) {
        return taxonomy.find(text).stream().map(m -> m.skill().name()).toList();
    }

    @Test
    void findsSkillsUnderTheirCanonicalNamesWhateverTheAlias() {
        assertThat(names("Deployed services on k8s with Golang, JS and Postgres; CI/CD in Jenkins."))
                .containsExactly("Kubernetes", "Go", "JavaScript", "PostgreSQL", "CI/CD", "Jenkins");
        assertThat(names("Structured Query Language, C++, C#, Node.js and .NET Core"))
                .containsExactly("SQL", "C++", "C#", "Node.js", ".NET");
    }

    @Test
    void prefersTheLongestPhrase() {
        assertThat(names("Microsoft SQL Server and Apache Kafka"))
                .containsExactly("Microsoft SQL Server", "Apache Kafka");
    }

    @Test
    void ordinaryWordsAreSkillsOnlyAsProductsAreWritten() {
        assertThat(names("I excel at my work and read every word")).isEmpty();
        assertThat(names("Reports in Excel and Word")).containsExactly("Microsoft Excel", "Microsoft Word");
        assertThat(names("rest well; REST services")).containsExactly("REST APIs");
    }

    @Test
    void neverMatchesInsideAWord() {
        assertThat(names("Javaland Rustic Scalability Pythonic")).isEmpty();
    }

    @Test
    void reportsWhereEachSkillWasFound() {
        String text = "Skills: python, k8s";
        SkillMatch k8s = taxonomy.find(text).get(1);
        assertThat(text.substring(k8s.start(), k8s.end())).isEqualTo("k8s");
        assertThat(k8s.skill().id()).isEqualTo("kubernetes");
    }

    @Test
    void isVersionedAndBigEnoughToMatter() {
        assertThat(taxonomy.version()).isEqualTo("1");
        assertThat(taxonomy.skills()).hasSizeGreaterThan(15_000);
        assertThat(taxonomy.lookup("K8S")).map(Skill::name).contains("Kubernetes");
    }

    @Test
    void theShippedResourceIsWhatTheBuilderMakesFromTheSources() throws Exception {
        Path skills = Path.of("../../../shared/data/skills");
        assumeTrue(Files.isDirectory(skills), "../shared/data/skills is absent: the taxonomy is not rebuilt here");
        List<String> rebuilt = TaxonomyBuilder.build(skills, Path.of("src/taxonomy/curated.tsv"));
        List<String> shipped =
                Files.readAllLines(Path.of("src/main/resources/" + SkillsTaxonomy.RESOURCE), StandardCharsets.UTF_8);
        assertThat(rebuilt).isEqualTo(shipped);
    }
}
