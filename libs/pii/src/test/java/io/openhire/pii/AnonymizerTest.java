package io.openhire.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnonymizerTest {

    private final PiiDetector detector = PiiDetector.standard();
    private final String text = "Jane Doe, jane.doe@example.com, +49 30 901820";

    @Test
    void replacesEachSpanByItsType() {
        var result = Anonymizer.anonymize(
                "Name: Jane Doe, jane.doe@example.com, +49 30 901820",
                detector.analyze("Name: Jane Doe, jane.doe@example.com, +49 30 901820"),
                Map.of(),
                new Anonymizer.Replace(null));
        assertThat(result.text()).isEqualTo("Name: <PERSON>, <EMAIL_ADDRESS>, <PHONE_NUMBER>");
        assertThat(result.items())
                .allSatisfy(item -> assertThat(result.text().substring(item.start(), item.end()))
                        .isEqualTo(item.replacement()));
    }

    @Test
    void masksKeepingTheLastDigitsAndSeparators() {
        var result = Anonymizer.anonymize(
                "card 4111 1111 1111 1111",
                detector.analyze("card 4111 1111 1111 1111"),
                Map.of(PiiType.CREDIT_CARD, new Anonymizer.Mask('*', 4)),
                new Anonymizer.Redact());
        assertThat(result.text()).isEqualTo("card **** **** **** 1111");
    }

    @Test
    void aKeyedHashIsStableForAKeyAndDiffersAcrossKeys() {
        byte[] one = "organisation-one-key".getBytes(StandardCharsets.UTF_8);
        byte[] two = "organisation-two-key".getBytes(StandardCharsets.UTF_8);
        String first = Anonymizer.anonymize(
                        "Name: Jane Doe", detector.analyze("Name: Jane Doe"), Map.of(), new Anonymizer.Hash(one))
                .text();
        String again = Anonymizer.anonymize(
                        "Name: Jane Doe", detector.analyze("Name: Jane Doe"), Map.of(), new Anonymizer.Hash(one))
                .text();
        String other = Anonymizer.anonymize(
                        "Name: Jane Doe", detector.analyze("Name: Jane Doe"), Map.of(), new Anonymizer.Hash(two))
                .text();
        assertThat(first).isEqualTo(again).isNotEqualTo(other).doesNotContain("Jane");
    }

    @Test
    void pseudonymsAreConsistentAndReversible() {
        Map<String, String> forward = new HashMap<>();
        Map<String, String> back = new HashMap<>();
        Anonymizer.Pseudonyms pseudonyms = (type, value) -> forward.computeIfAbsent(type + ":" + value, k -> {
            String pseudonym = type.name() + "_" + (forward.size() + 1);
            back.put(pseudonym, value);
            return pseudonym;
        });
        String twice = "Name: Jane Doe. Dear Jane Doe, call +49 30 901820.";
        var result =
                Anonymizer.anonymize(twice, detector.analyze(twice), Map.of(), new Anonymizer.Pseudonymise(pseudonyms));
        assertThat(result.text()).isEqualTo("Name: PERSON_1. Dear PERSON_1, call PHONE_NUMBER_2.");
        String restored = result.text();
        for (var item : result.items().reversed()) {
            restored =
                    restored.substring(0, item.start()) + back.get(item.replacement()) + restored.substring(item.end());
        }
        assertThat(restored).isEqualTo(twice);
    }

    @Test
    void nothingFoundChangesNothing() {
        assertThat(Anonymizer.anonymize(
                                "Java, Kafka, Spring",
                                detector.analyze("Java, Kafka, Spring"),
                                Map.of(),
                                new Anonymizer.Redact())
                        .text())
                .isEqualTo("Java, Kafka, Spring");
        assertThat(text).isNotEmpty();
    }
}
