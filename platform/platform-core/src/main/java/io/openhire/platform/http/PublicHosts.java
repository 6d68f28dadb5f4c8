package io.openhire.platform.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Hosts an organisation names (a mail server, a career site) must be on the internet: not this machine,
 * a private network or a cloud metadata address, so that OpenHire cannot be used to probe the platform's
 * own infrastructure (SSRF). Checked again before every connection, since a name can resolve
 * differently later.
 */
public final class PublicHosts {

    /** What a host name turned out to be. */
    public enum Verdict {
        PUBLIC,
        PRIVATE,
        UNKNOWN
    }

    private PublicHosts() {}

    public static Verdict check(String host) {
        if (host == null || host.isBlank()) {
            return Verdict.UNKNOWN;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    return Verdict.PRIVATE;
                }
            }
            return Verdict.PUBLIC;
        } catch (UnknownHostException e) {
            return Verdict.UNKNOWN;
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7 unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0 && !(first == 100 && second >= 64 && second <= 127); // 0/8, carrier-grade NAT
    }
}
