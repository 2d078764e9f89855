package com.stackdesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientKeyTests {

    @Test
    void anIpv4AddressCountsAsItself() {
        assertThat(ClientKey.of("203.0.113.77")).isEqualTo("203.0.113.77");
    }

    @Test
    void ipv6AddressesOfOneSlash64CountAsOneClient() {
        assertThat(ClientKey.of("2001:db8:0:1::1")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientKey.of("2001:0db8:0000:0001:ffff:ffff:ffff:fffe")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientKey.of("[2001:db8:0:1:1234::9]")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientKey.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
    }

    @Test
    void theNextSlash64IsAnotherClient() {
        assertThat(ClientKey.of("2001:db8:0:2::1")).isEqualTo("2001:db8:0:2::/64");
    }

    @Test
    void anIpv4MappedIpv6AddressCountsAsTheIpv4Address() {
        assertThat(ClientKey.of("::ffff:203.0.113.77")).isEqualTo("203.0.113.77");
    }

    @Test
    void somethingThatIsNoAddressCountsAsItselfCutTo64Characters() {
        assertThat(ClientKey.of("unknown")).isEqualTo("unknown");
        assertThat(ClientKey.of("x:".repeat(50))).hasSize(64);
    }
}
