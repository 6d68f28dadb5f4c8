package io.openhire.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicHostsTest {

    @Test
    void thisMachinePrivateNetworksAndMetadataAddressesAreNotPublic() {
        for (String host : new String[] {
            "localhost",
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "[::1]",
            "fd00::1"
        }) {
            assertThat(PublicHosts.check(host)).as(host).isEqualTo(PublicHosts.Verdict.PRIVATE);
        }
        assertThat(PublicHosts.check("8.8.8.8")).isEqualTo(PublicHosts.Verdict.PUBLIC);
        assertThat(PublicHosts.check("no-such-host.invalid")).isEqualTo(PublicHosts.Verdict.UNKNOWN);
    }
}
