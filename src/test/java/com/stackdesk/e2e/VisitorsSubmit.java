package com.stackdesk.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Browser tests whose visitors submit a form the moment it is filled in and whose emails go out
 * within a fifth of a second. One set of settings, so the classes share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(
        properties = {
            "stackdesk.intake.min-fill-time=0s",
            "stackdesk.mail.embedded.port=0",
            "stackdesk.mail.dispatcher.interval=200ms"
        })
@interface VisitorsSubmit {}
