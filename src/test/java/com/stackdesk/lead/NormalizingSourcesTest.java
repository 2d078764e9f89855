package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One source however a campaign link or a referrer wrote it; the raw values stay on the lead. */
class NormalizingSourcesTest {

    @ParameterizedTest
    @CsvSource({
        "google, google",
        "Google, google",
        "google.com, google",
        "www.google.com, google",
        "https://www.Google.com/search?q=go, google",
        "  LinkedIn.com , linkedin",
        "news.ycombinator.com, news.ycombinator.com",
        "google.de, google.de",
        "Spring Newsletter, spring newsletter",
        "'   ', direct"
    })
    void writesOneSourceOneWay(String raw, String normalized) {
        assertThat(LeadSource.normalize(raw)).isEqualTo(normalized);
    }

    @Test
    void aLeadsLabelIsTheNormalizedUtmSourceElseTheReferrersHost() {
        assertThat(new LeadSource("Google.com", null, null, null, null, null, null).label())
                .isEqualTo("google");
        assertThat(new LeadSource(null, null, null, null, null, "https://www.google.com/", null).label())
                .isEqualTo("google");
        assertThat(LeadSource.DIRECT.label()).isEqualTo("direct");
    }

    @Test
    void theGridsSourceFilterIsNormalizedTheSameWay() {
        assertThat(LeadFilter.builder().source("www.Google.com").build().source())
                .isEqualTo("google");
    }
}
