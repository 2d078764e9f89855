package com.stackdesk.export;

/** Refused because {@code stackdesk.export.max-concurrent} exports are running already. */
public class ExportsBusy extends RuntimeException {

    ExportsBusy(int running) {
        super(running + " exports are running already; try again in a minute");
    }
}
