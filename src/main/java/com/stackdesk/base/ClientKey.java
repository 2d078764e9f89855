package com.stackdesk.base;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which client an address counts as, for the intake rate limit and the sign-in throttle. An IPv4
 * address is one client; an IPv6 client
 * usually holds a whole /64 (a home or a server gets 2^64 addresses to pick from), so IPv6
 * addresses count per /64 prefix. Anything that is not an address literal counts as itself.
 */
public final class ClientKey {

    private static final int MAX_LENGTH = 64;

    private ClientKey() {}

    public static String of(String clientAddress) {
        var address = clientAddress.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (address.indexOf(':') >= 0) {
            try {
                // ofLiteral never asks DNS; an IPv4-mapped address comes back as IPv4
                var parsed = InetAddress.ofLiteral(address);
                if (parsed instanceof Inet6Address) {
                    return prefix64(parsed.getAddress());
                }
                return parsed.getHostAddress();
            } catch (IllegalArgumentException notALiteral) {
                // counted as it came
            }
        }
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }

    /** {@code 2001:db8:0:1::/64}: the first four groups, each without leading zeros. */
    private static String prefix64(byte[] bytes) {
        var sb = new StringBuilder(24);
        for (int group = 0; group < 4; group++) {
            int value = ((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff);
            sb.append(Integer.toHexString(value)).append(':');
        }
        return sb.append(":/64").toString();
    }
}
