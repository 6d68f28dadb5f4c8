package io.openhire.resumetagger;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.tagging.Words;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotatedResumeTest {

    @Test
    void aPlainSkillsLabelTeachesSkillsAsTheDotinTypesDoAndOtherTypesAreLeftOut() {
        AnnotatedResume resume = AnnotatedResume.parse(
                "own.xml",
                "<label type=\"Name\">Jane Doe</label> knows <label type=\"Skills\">Kotlin</label> and"
                        + " <label type=\"Tech Tools\">Gradle</label>, <label type=\"Email Address\">j@d.example</label>");
        List<String> tags = resume.tags(Words.of(resume.text()));
        assertThat(Words.of(resume.text())).extracting(Words.Word::text).startsWith("Jane", "Doe", "knows", "Kotlin");
        assertThat(tags).startsWith("B-NAME", "I-NAME", "O", "B-SKILL", "O", "B-SKILL");
        // an email is the rules' to read: no tag
        assertThat(tags.subList(6, tags.size())).containsOnly("O");
    }
}
