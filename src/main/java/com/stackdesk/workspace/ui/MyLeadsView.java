package com.stackdesk.workspace.ui;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.export.LeadCsvDownload;
import com.stackdesk.lead.LeadSearch;
import com.stackdesk.staff.StaffDirectory;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** The leads assigned to the signed-in person, with the same filters as all leads. */
@Route(value = "leads/mine", layout = MainLayout.class)
@PageTitle("My leads")
@RolesAllowed("SALES")
public class MyLeadsView extends LeadsView {

    MyLeadsView(LeadSearch leads, StaffDirectory staff, CurrentUser currentUser, Clock clock, LeadCsvDownload csv) {
        super(leads, staff, currentUser, clock, csv, true);
    }
}
