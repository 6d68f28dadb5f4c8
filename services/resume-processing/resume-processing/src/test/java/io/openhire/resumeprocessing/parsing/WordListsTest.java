package io.openhire.resumeprocessing.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.resumeprocessing.parsing.Sections.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordListsTest {

    @ParameterizedTest(name = "{0} has {1} entries, e.g. {2}")
    @CsvSource(delimiter = '|', textBlock = """
            title-words.txt    | 108 | engineer
            languages.txt      | 59  | Tamil
            name-particles.txt | 15  | van
            not-names.txt      | 66  | st.
            """)
    void readsEachListOnceWithoutCommentsOrBlankLines(String file, int size, String example) {
        assertThat(WordLists.entries(file))
                .hasSize(size)
                .contains(example)
                .doesNotHaveDuplicates()
                .allSatisfy(entry -> assertThat(entry).isEqualTo(entry.strip()).doesNotStartWith("#"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            work experience             | EXPERIENCE
            career experience           | EXPERIENCE
            scholastic profile          | EDUCATION
            skills and expertise        | SKILLS
            summary of qualifications   | SUMMARY
            courses and certifications  | CERTIFICATIONS
            language                    | LANGUAGES
            project experience          | PROJECTS
            other information           | OTHER
            """)
    void groupsTheSectionHeadingsByKind(String heading, Kind kind) {
        assertThat(WordLists.SECTION_HEADINGS).containsEntry(heading, kind).hasSize(141);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Senior Backend Engineer     | true
            VP of Sales                 | true
            Northwind Logistics GmbH    | false
            Berlin, Germany             | false
            """)
    void findsTitleWords(String text, boolean title) {
        assertThat(WordLists.hasTitleWord(text)).isEqualTo(title);
    }
}
