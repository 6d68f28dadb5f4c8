package io.openhire.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AllInOneTest {

    static AllInOne boundTo(String address) {
        return new AllInOne(Path.of("unused"), false, address, new PrintStream(PrintStream.nullOutputStream()));
    }

    @Test
    void theGatewayListensOnLoopbackUnlessToldOtherwise() {
        assertThat(AllInOne.Options.parse(new String[] {"start"}).bindAddress()).isEqualTo("127.0.0.1");
        assertThat(AllInOne.Options.parse(new String[] {"start", "--bind=0.0.0.0"})
                        .bindAddress())
                .isEqualTo("0.0.0.0");
        assertThatThrownBy(() -> AllInOne.Options.parse(new String[] {"--bind"}))
                .hasMessageContaining("--bind=ADDRESS");
    }

    @Test
    void eachServiceSaysWhatItIsToTheOthers() {
        assertThat(AllInOne.SERVICES)
                .filteredOn(s -> s.part() == ServiceModule.Part.EDGE)
                .extracting(ServiceModule::name)
                .containsExactly("gateway");
        assertThat(AllInOne.SERVICES)
                .filteredOn(s -> s.part() == ServiceModule.Part.TOKEN_ISSUER)
                .extracting(ServiceModule::name)
                .containsExactly("identity");
        assertThat(AllInOne.SERVICES)
                .filteredOn(ServiceModule::hasServiceAccount)
                .extracting(ServiceModule::name)
                .contains("storage", "resume-ingestion", "matching", "model-serving")
                .doesNotContain("identity", "gateway", "dashboard");
    }

    @Test
    void theUrlToOpenIsWhereTheGatewayAnswers() {
        assertThat(boundTo("127.0.0.1").gatewayUrl()).isEqualTo("http://localhost:8080");
        assertThat(boundTo("0.0.0.0").gatewayUrl()).isEqualTo("http://localhost:8080");
        assertThat(boundTo("192.0.2.7").gatewayUrl()).isEqualTo("http://192.0.2.7:8080");
        assertThat(boundTo("2001:db8::7").gatewayUrl()).isEqualTo("http://[2001:db8::7]:8080");
    }
}
