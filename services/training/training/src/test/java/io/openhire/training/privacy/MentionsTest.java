package io.openhire.training.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.privacy.client.DataSubject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A person is found in a dataset's text by their address or number however it is written, never by name. */
class MentionsTest {

    static final Mentions ERIN = new Mentions(new DataSubject(
            UUID.randomUUID(), "ERASURE", List.of("erin.erased@example.test"), List.of("+4915127384950"), "Erin"));

    @Test
    void anAddressIsFoundWholeInAnyCaseAndAsATokenizerCutIt() {
        assertThat(ERIN.in("Write to Erin.Erased@Example.TEST today.")).isTrue();
        assertThat(ERIN.in("{\"text\": \"mail erin.erased@example.test\", \"spans\": []}"))
                .isTrue();
        // CoNLL words read back with a space between them
        assertThat(ERIN.in("Contact erin.erased @ example.test today")).isTrue();
        // another address that contains hers is not hers
        assertThat(ERIN.in("mary.erin.erased@example.test")).isFalse();
        assertThat(ERIN.in("erin.erased@example.testing.org")).isFalse();
        // her name is not how she is found
        assertThat(ERIN.in("Erin Erased, Registered Nurse")).isFalse();
    }

    @Test
    void aNumberIsFoundInItsNationalAndInternationalFormsAndCutIntoWords() {
        assertThat(ERIN.in("Phone: +49 151 2738 4950")).isTrue();
        assertThat(ERIN.in("Tel. 0151 27384950")).isTrue();
        assertThat(ERIN.in("( 0151 ) 2738-4950")).isTrue();
        assertThat(ERIN.in("+49/151/2738.4950")).isTrue();
        // a year right after it does not hide it
        assertThat(ERIN.in("0151 2738 4950 2019 - 2022")).isTrue();
        assertThat(ERIN.in("0151 2738 4951")).isFalse();
        assertThat(ERIN.in("2019 - 2022, 12 people, 40 hours")).isFalse();
    }
}
