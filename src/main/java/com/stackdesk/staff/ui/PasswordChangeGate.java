package com.stackdesk.staff.ui;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.staff.OwnAccount;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Sends a signed-in member who must replace their password (the first admin's one-time password,
 * or one an admin set) to {@link ChangePasswordView} from wherever they navigate.
 */
@Component
class PasswordChangeGate implements VaadinServiceInitListener {

    private final CurrentUser currentUser;
    private final OwnAccount account;

    PasswordChangeGate(CurrentUser currentUser, OwnAccount account) {
        this.currentUser = currentUser;
        this.account = account;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
            if (enter.getNavigationTarget() != ChangePasswordView.class
                    && currentUser.find().isPresent()
                    && account.mustChangePassword()) {
                enter.rerouteTo(ChangePasswordView.class);
            }
        }));
    }
}
