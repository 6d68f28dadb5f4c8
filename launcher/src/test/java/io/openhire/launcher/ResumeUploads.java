package io.openhire.launcher;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.test.TestDocuments;
import io.openhire.platform.test.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A resume uploaded through the gateway as a recruiter uploads one, and waited for until it is parsed. */
final class ResumeUploads {

    private ResumeUploads() {}

    /** A PDF of these lines, accepted (202) and PARSED within the time given; its id. */
    static String uploadParsed(TestHttp gateway, String token, String fileName, List<String> lines, Duration within) {
        TestHttp.Response uploaded = gateway.postMultipart(
                "/api/v1/resumes/upload",
                "file",
                fileName,
                "application/pdf",
                TestDocuments.pdf(lines),
                Map.of(),
                bearer(token));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
        String id = uploaded.json().get("id").asString();
        await().atMost(within)
                .untilAsserted(() -> assertThat(gateway.get("/api/v1/resumes/" + id, bearer(token))
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("PARSED"));
        return id;
    }
}
