package com.stackdesk.workspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.DemoData;
import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.LostReasons;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** A manager edits the list of lost reasons; a refused entry is explained at the field. */
@IntegrationTest
@DemoData
class LostReasonsViewTests extends SpringBrowserlessTest {

    @Autowired
    LostReasons lostReasons;

    private List<String> shown(LostReasonsView view) {
        return find(ListItem.class).from(view.reasons).all().stream()
                .map(li -> li.getElement().getTextRecursively())
                .toList();
    }

    @Test
    @WithUserDetails("maria")
    void aManagerAddsMovesAndRemovesAReasonAndOtherIsAlwaysThere() {
        var view = navigate(LostReasonsView.class);
        assertThat(shown(view)).startsWith("Budget", "Chose another vendor").endsWith("Other (the rep's own words)");

        test(view.newReason).setValue("Went in-house");
        test(view.add).click();
        assertThat(lostReasons.labels()).endsWith("Went in-house");
        assertThat(shown(view)).contains("Went in-house");

        test(view.newReason).setValue("budget");
        test(view.add).click();
        assertThat(view.newReason.isInvalid()).isTrue();
        assertThat(view.newReason.getErrorMessage()).isEqualTo("\u201cbudget\u201d is already on the list.");
        assertThat(lostReasons.labels()).filteredOn("Went in-house"::equals).hasSize(1);

        var item = find(ListItem.class).from(view.reasons).all().stream()
                .filter(li -> li.getElement().getTextRecursively().equals("Went in-house"))
                .findFirst()
                .orElseThrow();
        var up = find(Button.class).from(item).all().stream()
                .filter(b -> "Move Went in-house up".equals(b.getElement().getAttribute("aria-label")))
                .findFirst()
                .orElseThrow();
        test(up).click();
        var labels = lostReasons.labels();
        assertThat(labels.indexOf("Went in-house")).isEqualTo(labels.size() - 2);

        var remove = find(Button.class).from(view.reasons).all().stream()
                .filter(b -> "Remove Went in-house".equals(b.getElement().getAttribute("aria-label")))
                .findFirst()
                .orElseThrow();
        test(remove).click();
        assertThat(lostReasons.labels()).doesNotContain("Went in-house");
        assertThat(shown(view)).doesNotContain("Went in-house");
    }
}
