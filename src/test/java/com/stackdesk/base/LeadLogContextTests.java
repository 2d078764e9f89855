package com.stackdesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LeadLogContextTests {

    @Test
    void anSmtpRefusalIsLoggedWithoutTheAddressesItQuotes() {
        assertThat(LeadLogContext.withoutAddresses(
                        "550 5.1.1 <zoe.brooks+leads@mail.brooks.example>: Recipient address rejected"))
                .isEqualTo("550 5.1.1 <<address>>: Recipient address rejected");
        assertThat(LeadLogContext.withoutAddresses("Invalid Addresses (zoe@brooks.example, li@x.example)"))
                .isEqualTo("Invalid Addresses (<address>, <address>)");
        assertThat(LeadLogContext.withoutAddresses("Connection refused")).isEqualTo("Connection refused");
        assertThat(LeadLogContext.withoutAddresses(null)).isEmpty();
    }

    @Test
    void theReferenceIsInTheMdcUntilClosedThenTheEarlierOneIsBack() {
        try (var outer = LeadLogContext.about("SD-AAAAAA")) {
            try (var inner = LeadLogContext.about("SD-BBBBBB")) {
                assertThat(MDC.get("lead")).isEqualTo("SD-BBBBBB");
            }
            assertThat(MDC.get("lead")).isEqualTo("SD-AAAAAA");
        }
        assertThat(MDC.get("lead")).isNull();
    }
}
