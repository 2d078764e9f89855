package com.stackdesk.lead;

/** The backend stack a visitor leans toward; staff skills use the same values. */
public enum StackLeaning {
    NODE_JS("Node.js"),
    PYTHON("Python"),
    GO("Go"),
    JAVA("Java"),
    PHP("PHP"),
    RUBY("Ruby"),
    OTHER("Something else"),
    NOT_SURE("Not sure yet");

    private final String label;

    StackLeaning(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this names a concrete stack a specialist can have as a skill. */
    public boolean isSpecific() {
        return this != OTHER && this != NOT_SURE;
    }
}
