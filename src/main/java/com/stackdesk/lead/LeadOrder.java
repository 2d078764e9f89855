package com.stackdesk.lead;

/** One sort criterion of the staff grid. */
public record LeadOrder(Field field, boolean ascending) {

    public static final LeadOrder NEWEST_FIRST = new LeadOrder(Field.CREATED_AT, false);

    /** What is due soonest (or most overdue) first; leads with nothing due last. */
    public static final LeadOrder DUE_FIRST = new LeadOrder(Field.DUE, true);

    /** The columns the grid can sort by, each backed by an indexed or cheap column. */
    public enum Field {
        CREATED_AT("created_at", false),
        STATUS("status", false),
        NAME("search_name", false),
        EMAIL("search_email", false),
        COMPANY("search_company", true),
        STACK("stack", false),
        KIND("kind", false),
        FIRST_RESPONSE_AT("first_response_at", true),
        SOURCE("source_label", false),
        DUE("next_due_at", true);

        final String column;
        final boolean nullable;

        Field(String column, boolean nullable) {
            this.column = column;
            this.nullable = nullable;
        }
    }
}
