package io.openhire.platform.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Hosts an organisation names (a mail server, a career site) must be on the internet: not this machine
 * (under any of its addresses), a private network, a cloud metadata address or any other address that
 * is not globally reachable, so that OpenHire cannot be used to probe the platform's own infrastructure
 * (SSRF). Checked again before every connection, since a name can resolve differently later.
 */
public final class PublicHosts {

    /** What a host name turned out to be. */
    public enum Verdict {
        PUBLIC,
        PRIVATE,
        UNKNOWN
    }

    /**
     * Every range of the IANA IPv4 and IPv6 Special-Purpose Address Registries that is not globally
     * reachable (https://www.iana.org/assignments/iana-ipv4-special-registry,
     * https://www.iana.org/assignments/iana-ipv6-special-registry). Where a range has globally reachable
     * members (192.0.0.9, 2001:4860::/32 within 2001::/23 …) the whole range is refused: no career site or
     * mail server lives there.
     */
    static final List<Range> NOT_PUBLIC = Range.all(
            "0.0.0.0/8", //          "this network"; 0.0.0.0 reaches this machine (RFC 791)
            "10.0.0.0/8", //         private use (RFC 1918)
            "100.64.0.0/10", //      shared address space, carrier-grade NAT (RFC 6598)
            "127.0.0.0/8", //        loopback (RFC 1122)
            "169.254.0.0/16", //     link local, cloud metadata services (RFC 3927)
            "172.16.0.0/12", //      private use (RFC 1918)
            "192.0.0.0/24", //       IETF protocol assignments (RFC 6890)
            "192.0.2.0/24", //       documentation TEST-NET-1 (RFC 5737)
            "192.88.99.0/24", //     6to4 relay anycast, deprecated (RFC 7526)
            "192.168.0.0/16", //     private use (RFC 1918)
            "198.18.0.0/15", //      benchmarking (RFC 2544)
            "198.51.100.0/24", //    documentation TEST-NET-2 (RFC 5737)
            "203.0.113.0/24", //     documentation TEST-NET-3 (RFC 5737)
            "224.0.0.0/4", //        multicast (RFC 5771)
            "240.0.0.0/4", //        reserved (RFC 1112)
            "255.255.255.255/32", // limited broadcast (RFC 919), inside 240/4 but named for the reader
            "::/128", //             unspecified (RFC 4291)
            "::1/128", //            loopback (RFC 4291)
            "::/96", //              IPv4-compatible, deprecated (RFC 4291); includes the two above
            "64:ff9b:1::/48", //     local-use IPv4/IPv6 translation (RFC 8215)
            "100::/64", //           discard-only (RFC 6666)
            "100:0:0:1::/64", //     dummy prefix (added to the registry in 2025)
            "2001::/23", //          IETF protocol assignments: Teredo, ORCHID, benchmarking … (RFC 2928)
            "2001:db8::/32", //      documentation (RFC 3849)
            "3fff::/20", //          documentation (RFC 9637)
            "5f00::/16", //          segment routing SIDs (RFC 9602)
            "fc00::/7", //           unique local (RFC 4193)
            "fe80::/10", //          link local (RFC 4291)
            "fec0::/10", //          site local, deprecated (RFC 3879)
            "ff00::/8"); //          multicast (RFC 4291)

    /**
     * IPv6 ranges that carry an IPv4 address, which decides: {@code ::ffff:10.0.0.1} or {@code
     * 2002:a00:1::} reach 10.0.0.1.
     */
    static final List<Embedding> EMBEDDING_IPV4 = List.of(
            new Embedding(Range.of("::ffff:0:0/96"), 12), // IPv4-mapped (RFC 4291)
            new Embedding(Range.of("64:ff9b::/96"), 12), //  IPv4/IPv6 translation, NAT64 (RFC 6052)
            new Embedding(Range.of("2002::/16"), 2)); //     6to4 (RFC 3056)

    /** Outside this, IPv6 is not allocated for global unicast (IANA IPv6 Address Space registry). */
    private static final Range GLOBAL_UNICAST = Range.of("2000::/3");

    private static final OwnAddresses OWN =
            new OwnAddresses(PublicHosts::interfaceAddresses, InstantSource.system(), Duration.ofSeconds(10));

    private PublicHosts() {}

    public static Verdict check(String host) {
        return check(host, OWN.get());
    }

    static Verdict check(String host, Set<InetAddress> own) {
        if (host == null || host.isBlank()) {
            return Verdict.UNKNOWN;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address, own)) {
                    return Verdict.PRIVATE;
                }
            }
            return Verdict.PUBLIC;
        } catch (UnknownHostException e) {
            return Verdict.UNKNOWN;
        }
    }

    /** @param own this machine's addresses: a public address of the host itself is not a site on the internet */
    static boolean isPublic(InetAddress address, Set<InetAddress> own) {
        byte[] bytes = address.getAddress();
        if (own.contains(address) || NOT_PUBLIC.stream().anyMatch(r -> r.contains(bytes))) {
            return false;
        }
        if (address instanceof Inet6Address) {
            for (Embedding embedding : EMBEDDING_IPV4) {
                if (embedding.range().contains(bytes)) {
                    return isPublic(embedding.ipv4(bytes), own);
                }
            }
            return GLOBAL_UNICAST.contains(bytes);
        }
        return true;
    }

    /** An address range in CIDR notation. */
    record Range(byte[] prefix, int bits) {

        static Range of(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                // literals only: InetAddress does not ask DNS for them
                byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                if (prefix.length == 4 && cidr.contains(":")) {
                    // Java reads ::ffff:a.b.c.d as the IPv4 address; the range is the IPv6 one
                    byte[] mapped = new byte[16];
                    mapped[10] = (byte) 0xff;
                    mapped[11] = (byte) 0xff;
                    System.arraycopy(prefix, 0, mapped, 12, 4);
                    prefix = mapped;
                }
                return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        static List<Range> all(String... cidrs) {
            return Arrays.stream(cidrs).map(Range::of).toList();
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    /** An IPv6 range whose addresses carry an IPv4 address at {@code offset}. */
    record Embedding(Range range, int offset) {
        InetAddress ipv4(byte[] ipv6) {
            try {
                return InetAddress.getByAddress(Arrays.copyOfRange(ipv6, offset, offset + 4));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // four bytes are always an address
            }
        }
    }

    /**
     * This machine's interface addresses, read again when older than {@code ttl}: addresses change
     * (DHCP, containers, VPNs), and reading them on every check would cost a system call per interface.
     */
    static final class OwnAddresses {
        private record Snapshot(Set<InetAddress> addresses, Instant until) {}

        private final Supplier<Set<InetAddress>> read;
        private final InstantSource clock;
        private final Duration ttl;
        private volatile Snapshot snapshot;

        OwnAddresses(Supplier<Set<InetAddress>> read, InstantSource clock, Duration ttl) {
            this.read = read;
            this.clock = clock;
            this.ttl = ttl;
        }

        Set<InetAddress> get() {
            Snapshot current = snapshot;
            Instant now = clock.instant();
            if (current == null || !now.isBefore(current.until())) {
                Set<InetAddress> addresses = read.get();
                if (addresses == null) { // could not be read: keep what we knew, ask again next time
                    return current == null ? Set.of() : current.addresses();
                }
                current = new Snapshot(addresses, now.plus(ttl));
                snapshot = current;
            }
            return current.addresses();
        }
    }

    /** Every address of every interface (up or down); null when the system would not tell. */
    static Set<InetAddress> interfaceAddresses() {
        try {
            Set<InetAddress> addresses = new HashSet<>();
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                // InetAddress.equals compares the address bytes only, so an IPv6 scope does not matter
                nic.inetAddresses().forEach(addresses::add);
            }
            return Set.copyOf(addresses);
        } catch (SocketException e) {
            return null;
        }
    }
}
