package com.stackdesk.export;

import com.stackdesk.base.Plurals;

/** Refused because {@code stackdesk.export.max-concurrent} exports are running already. */
public class ExportsBusy extends RuntimeException {

    ExportsBusy(int running) {
        super(Plurals.count(running, "export is", "exports are") + " running already; try again in a minute");
    }
}
