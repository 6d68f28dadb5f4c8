package io.openhire.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PublicHostsTest {

    /** One address inside and, where there is one close by, one just outside each special-purpose range. */
    record Case(String range, String inside, String outside) {}

    static final List<Case> RANGES = List.of(
            new Case("0.0.0.0/8", "0.1.2.3", "1.0.0.1"),
            new Case("10.0.0.0/8", "10.255.0.1", "11.0.0.1"),
            new Case("100.64.0.0/10", "100.127.255.254", "100.128.0.1"),
            new Case("127.0.0.0/8", "127.0.1.1", "128.0.0.1"),
            new Case("169.254.0.0/16", "169.254.169.254", "169.255.0.1"),
            new Case("172.16.0.0/12", "172.31.255.1", "172.32.0.1"),
            new Case("192.0.0.0/24", "192.0.0.170", "192.0.1.1"),
            new Case("192.0.2.0/24", "192.0.2.2", "192.0.3.1"),
            new Case("192.88.99.0/24", "192.88.99.1", "192.88.98.1"),
            new Case("192.168.0.0/16", "192.168.1.1", "192.169.0.1"),
            new Case("198.18.0.0/15", "198.19.255.1", "198.20.0.1"),
            new Case("198.51.100.0/24", "198.51.100.7", "198.51.101.1"),
            new Case("203.0.113.0/24", "203.0.113.9", "203.0.114.1"),
            new Case("224.0.0.0/4", "239.255.255.250", "223.255.255.1"),
            new Case("240.0.0.0/4", "240.0.0.1", "223.1.1.1"),
            new Case("255.255.255.255/32", "255.255.255.255", "8.8.8.8"),
            new Case("::/128", "::", "2606:4700::1"),
            new Case("::1/128", "::1", "2606:4700::1"),
            new Case("::ffff:0:0/96 private", "::ffff:10.0.0.1", "::ffff:8.8.8.8"),
            new Case("::ffff:0:0/96 loopback", "::ffff:127.0.0.1", "::ffff:1.1.1.1"),
            new Case("64:ff9b::/96", "64:ff9b::a9fe:a9fe", "64:ff9b::808:808"),
            new Case("64:ff9b:1::/48", "64:ff9b:1::808:808", "64:ff9b::808:808"),
            new Case("100::/64", "100::1", "2606:4700::1"),
            new Case("2001::/23", "2001:0:4136:e378::1", "2001:4860:4860::8888"),
            new Case("2001:db8::/32", "2001:db8::1", "2001:dc8::1"),
            new Case("2002::/16 private", "2002:a00:1::1", "2002:808:808::1"),
            new Case("2002::/16 loopback", "2002:7f00:1::1", "2002:101:101::1"),
            new Case("3fff::/20", "3fff:fff::1", "3fff:1000::1"),
            new Case("5f00::/16", "5f00::1", "2606:4700::1"),
            new Case("fc00::/7", "fd00::2", "2606:4700::1"),
            new Case("fe80::/10", "fe80::fc:ff:fe00:1", "2606:4700::1"),
            new Case("ff00::/8", "ff02::1", "2606:4700::1"),
            new Case("outside 2000::/3", "4000::1", "2a00:1450::1"));

    @Test
    void everySpecialPurposeRangeIsNotPublicAndItsNeighbourIs() throws Exception {
        for (Case c : RANGES) {
            assertThat(PublicHosts.isPublic(ipv6Kept(c.inside()), Set.of()))
                    .as(c.range() + ": " + c.inside())
                    .isFalse();
            assertThat(PublicHosts.isPublic(ipv6Kept(c.outside()), Set.of()))
                    .as(c.range() + " neighbour " + c.outside())
                    .isTrue();
        }
    }

    /** Java reads {@code ::ffff:a.b.c.d} as IPv4; a resolver may still hand over the IPv6 form. */
    static InetAddress ipv6Kept(String literal) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        if (literal.contains(":") && address.getAddress().length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(address.getAddress(), 0, mapped, 12, 4);
            return Inet6Address.getByAddress(null, mapped, -1);
        }
        return address;
    }

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
            "192.0.2.1",
            "198.18.0.1",
            "240.0.0.1",
            "[::1]",
            "[::ffff:127.0.0.1]",
            "fd00::1"
        }) {
            assertThat(PublicHosts.check(host)).as(host).isEqualTo(PublicHosts.Verdict.PRIVATE);
        }
        assertThat(PublicHosts.check("8.8.8.8")).isEqualTo(PublicHosts.Verdict.PUBLIC);
        assertThat(PublicHosts.check("no-such-host.invalid")).isEqualTo(PublicHosts.Verdict.UNKNOWN);
    }

    @Test
    void everyAddressOfThisMachinesInterfacesIsNotPublic() throws Exception {
        List<InetAddress> own = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .toList();
        assertThat(own).isNotEmpty();
        for (InetAddress address : own) {
            // as a user would write it: the literal, without an IPv6 scope
            String literal = InetAddress.getByAddress(address.getAddress()).getHostAddress();
            assertThat(PublicHosts.check(literal)).as(literal).isEqualTo(PublicHosts.Verdict.PRIVATE);
        }
    }

    @Test
    void aPublicAddressOfThisMachineIsNotPublicEvenInsideAnIpv6Translation() throws Exception {
        InetAddress own = InetAddress.getByName("93.184.215.14");
        Set<InetAddress> addresses = Set.of(own);
        assertThat(PublicHosts.isPublic(own, addresses)).isFalse();
        assertThat(PublicHosts.isPublic(ipv6Kept("::ffff:93.184.215.14"), addresses))
                .isFalse();
        assertThat(PublicHosts.isPublic(InetAddress.getByName("2002:5db8:d70e::1"), addresses))
                .isFalse();
        assertThat(PublicHosts.check("93.184.215.14", addresses)).isEqualTo(PublicHosts.Verdict.PRIVATE);
        assertThat(PublicHosts.check("93.184.215.14", Set.of())).isEqualTo(PublicHosts.Verdict.PUBLIC);
    }

    @Test
    void theMachinesAddressesAreReadAgainOnceTheCacheIsStale() throws Exception {
        AtomicReference<Set<InetAddress>> interfaces =
                new AtomicReference<>(Set.of(InetAddress.getByName("93.184.215.14")));
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        PublicHosts.OwnAddresses own = new PublicHosts.OwnAddresses(interfaces::get, now::get, Duration.ofSeconds(10));
        assertThat(own.get()).containsExactly(InetAddress.getByName("93.184.215.14"));

        // DHCP hands out another address: seen once the cached list is 10 s old, not before
        interfaces.set(Set.of(InetAddress.getByName("93.184.215.15")));
        now.set(now.get().plusSeconds(9));
        assertThat(own.get()).containsExactly(InetAddress.getByName("93.184.215.14"));
        now.set(now.get().plusSeconds(1));
        assertThat(own.get()).containsExactly(InetAddress.getByName("93.184.215.15"));

        // the system would not tell: keep the last known addresses
        interfaces.set(null);
        now.set(now.get().plusSeconds(60));
        assertThat(own.get()).containsExactly(InetAddress.getByName("93.184.215.15"));
    }
}
