package com.stackdesk.lead;

/** One sort criterion of the staff grid. */
public record LeadOrder(Field field, boolean ascending) {

    public static final LeadOrder NEWEST_FIRST = new LeadOrder(Field.CREATED_AT, false);

    /** The columns the grid can sort by, each backed by an indexed or cheap column. */
    public enum Field {
        CREATED_AT("created_at"),
        STATUS("status"),
        NAME("search_name"),
        EMAIL("search_email"),
        COMPANY("search_company"),
        STACK("stack"),
        KIND("kind"),
        FIRST_RESPONSE_AT("first_response_at"),
        SOURCE("source_label");

        final String column;

        Field(String column) {
            this.column = column;
        }
    }
}
