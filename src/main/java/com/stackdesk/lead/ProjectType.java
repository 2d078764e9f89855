package com.stackdesk.lead;

/** The kind of project a development plan is for. */
public enum ProjectType {
    NEW_PRODUCT("New product or MVP"),
    WEB_APPLICATION("Web application"),
    API_BACKEND("API or backend service"),
    MOBILE_BACKEND("Backend for a mobile app"),
    INTEGRATION("Integration of existing systems"),
    MODERNIZATION("Modernizing a legacy system"),
    OTHER("Something else");

    private final String label;

    ProjectType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
