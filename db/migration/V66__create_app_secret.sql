-- Secrets the app generates for itself on first start and every instance shares (e.g. the key that
-- signs the reschedule and cancel links in booking emails), unless the operator sets one.
CREATE TABLE app_secret (
    name        VARCHAR(50)  NOT NULL PRIMARY KEY,
    secret      VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
