package io.openhire.resumeprocessing;

import static io.openhire.platform.test.ClientContracts.assertClientReadsAll;
import static io.openhire.platform.test.ClientContracts.filled;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.optimize.AtsReport;
import io.openhire.resumeprocessing.parsing.Profile;
import org.junit.jupiter.api.Test;

/**
 * The parser's profile and the optimizer's report are stored as JSON and answered as they are; callers read
 * them with resume-processing-client's records. Every field written here must be read there, by the same
 * name: a field added or renamed on one side only fails this test, not a caller at run time.
 */
class ClientContractTest {

    @Test
    void theClientReadsEveryFieldOfTheParsersProfile() {
        assertClientReadsAll(filled(Profile.class), CandidateProfile.class);
    }

    @Test
    void theClientReadsEveryFieldOfAnAtsReport() {
        assertClientReadsAll(filled(AtsReport.class), io.openhire.resumeprocessing.client.AtsReport.class);
    }
}
