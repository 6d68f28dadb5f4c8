package io.openhire.jobingestion.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openhire.jobingestion.TestProperties;
import io.openhire.platform.errors.DomainException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SourceServiceTest {

    @Test
    void aSourceAtThisMachinesOwnAddressIsRefusedWithTheDefaultSettings() throws Exception {
        // Nothing is stored or sealed before the address is checked: no repository or key needed.
        SourceService service = new SourceService(
                null, null, TestProperties.defaults(false, Duration.ofSeconds(20)), Clock.systemUTC());
        List<InetAddress> own = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress())
                .toList();
        assertThat(own).as("this machine has a network address").isNotEmpty();
        for (InetAddress address : own) {
            String host = InetAddress.getByAddress(address.getAddress()).getHostAddress();
            String literal = host.contains(":") ? "[" + host + "]" : host;
            for (int port : new int[] {8101, 1}) { // identity's port and, most likely, a closed one
                DomainException refused = catchThrowableOfType(
                        DomainException.class,
                        () -> service.create(
                                UUID.randomUUID(),
                                "user:someone",
                                new SourceService.NewSource(
                                        "own",
                                        "JSON_LD",
                                        null,
                                        "http://" + literal + ":" + port + "/.well-known/jwks.json",
                                        null,
                                        null,
                                        null,
                                        null)));
                assertThat(refused).as(literal + ":" + port).isNotNull();
                assertThat(refused.category()).isEqualTo(DomainException.Category.UNPROCESSABLE);
                assertThat(refused.kind()).isEqualTo("source-host-not-allowed");
                assertThat(refused.getMessage())
                        .isEqualTo("A source must be on the internet, not a local or private address.");
            }
        }
    }
}
