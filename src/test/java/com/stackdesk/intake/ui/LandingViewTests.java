package com.stackdesk.intake.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.Test;

@IntegrationTest
class LandingViewTests extends SpringBrowserlessTest {

    @Test
    void offersBothCallsToActionAndTheResponsePromise() {
        var view = navigate(LandingView.class);

        assertThat(find(H2.class).from(view).all())
                .extracting(H2::getText)
                .containsExactly("Book a Consultation", "Get a Custom Development Plan");
        assertThat(view.getElement().getTextRecursively()).contains("within one business day");
    }

    @Test
    void theConsultationCallToActionOpensTheBookingForm() {
        var view = navigate(LandingView.class);
        var link = find(RouterLink.class)
                .from(view)
                .withText("Book a Consultation")
                .single();

        test(link).click();

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("book");
        find(BookConsultationView.class).single();
    }
}
