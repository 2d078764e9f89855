package com.stackdesk.workspace.ui;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.export.LeadCsvDownload;
import com.stackdesk.intake.IntakeService;
import com.stackdesk.lead.LeadBulkWork;
import com.stackdesk.lead.LeadSearch;
import com.stackdesk.lead.LostReasons;
import com.stackdesk.staff.StaffDirectory;
import com.stackdesk.workspace.GridColumns;
import com.stackdesk.workspace.SavedViews;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** The leads assigned to the signed-in person, with the same filters as all leads. */
@Route(value = "leads/mine", layout = MainLayout.class)
@PageTitle("My leads")
@RolesAllowed("SALES")
public class MyLeadsView extends LeadsView {

    MyLeadsView(
            LeadSearch leads,
            LeadBulkWork bulk,
            StaffDirectory staff,
            GridColumns gridColumns,
            SavedViews savedViews,
            IntakeService intake,
            LostReasons lostReasons,
            CurrentUser currentUser,
            Clock clock,
            LeadCsvDownload csv) {
        super(leads, bulk, staff, gridColumns, savedViews, intake, lostReasons, currentUser, clock, csv, true);
    }
}
