package io.openhire.privacy.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.pii.PiiSpan;
import io.openhire.pii.PiiType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every other mention of someone found once goes too — and nothing that only looks like them. */
class MentionsTest {

    private static List<String> mentioned(String text, PiiSpan found) {
        return Mentions.everywhere(text, List.of(found)).stream()
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }

    @Test
    void aNameFoundOnceIsTakenWhereverItOrOneOfItsPartsIsWrittenAsAName() {
        String text = "Name: Priya Raman\n...\nReferences: ask Ms RAMAN. Priya led the team.\nraman noodles";
        int start = text.indexOf("Priya Raman");
        assertThat(mentioned(text, new PiiSpan(PiiType.PERSON, start, start + 11, 0.9, "person")))
                .containsExactly("Priya Raman", "RAMAN", "Priya");
    }

    @Test
    void theLearnedTaggersGuessesAreTakenWholeNotByTheirParts() {
        String text = "Chief, Vendor Pay Branch. Vendor Pay ran the payroll; Pay was late.";
        int start = text.indexOf("Vendor Pay");
        assertThat(mentioned(text, new PiiSpan(PiiType.PERSON, start, start + 10, 0.6, "name-tagger")))
                .containsExactly("Vendor Pay", "Vendor Pay");
    }
}
