package com.stackdesk.base;

/**
 * Data a module puts in place after the database is migrated and before the web server takes its
 * first request: the first admin, the demo seeds, settings read into memory. So no request meets a
 * half-started app: a lead posted in the first second of a demo start once found no staff to route
 * to, and the demo leads were then never loaded, because Spring Boot calls its runners and
 * ready-listeners only after the server answers. Implementations run in their {@code @Order}, each
 * in its own transaction if it declares one; one that throws stops the start.
 */
public interface StartupData {

    void load();
}
