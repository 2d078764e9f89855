-- V3 created Spring Modulith's event publication registry, but no listener ever used it: events
-- between modules are plain synchronous listeners, and what must survive a crash is written in the
-- same transaction as the change that causes it (a lead waiting for routing is marked on the lead,
-- emails go to the outbound_email table). The registry and its starter are gone, and so is its table.
DROP TABLE event_publication;
