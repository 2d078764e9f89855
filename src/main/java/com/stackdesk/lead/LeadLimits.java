package com.stackdesk.lead;

/**
 * Field lengths of a lead, defined once: the forms validate against them and the columns in
 * {@code db/migration} are sized by them (a test checks that the two agree).
 */
public final class LeadLimits {

    public static final int NAME = 100;
    public static final int EMAIL = 254;
    public static final int PHONE = 40;
    public static final int COMPANY = 200;
    public static final int MESSAGE = 4000;
    public static final int UTM = 200;
    public static final int URL = 1000;
    public static final int CONSENT_VERSION = 40;
    public static final int TIME_ZONE = 64;
    public static final int IP = 45;
    public static final int ASSISTANT_ANSWERS = 1000;
    public static final int ASSISTANT_RECOMMENDATION = 300;
    public static final int ASSISTANT_QUOTE = 200;
    public static final int FOLLOW_UP = 200;

    private LeadLimits() {}
}
