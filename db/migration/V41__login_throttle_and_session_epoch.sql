-- Sign-in throttling (README "Accounts and privacy"): wrong passwords are counted per username as
-- typed and client address, and per client address alone (username '*'), in fixed 15-minute
-- windows. The account itself is never locked, so nobody can lock its owner out from elsewhere.
CREATE TABLE login_throttle (
    username          VARCHAR(100) NOT NULL,
    client_address    VARCHAR(64)  NOT NULL,
    attempts          INTEGER      NOT NULL,
    window_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_login_throttle PRIMARY KEY (username, client_address),
    CONSTRAINT ck_login_throttle_attempts CHECK (attempts >= 0)
);

CREATE INDEX ix_login_throttle_window ON login_throttle (window_started_at);

ALTER TABLE staff DROP COLUMN failed_logins;
ALTER TABLE staff DROP COLUMN locked_until;
-- Raised when an account is deactivated, changes role or gets a new password: sessions that
-- signed in under an older value end at their next request.
ALTER TABLE staff ADD COLUMN session_epoch INTEGER DEFAULT 0 NOT NULL;
-- The first admin's one-time password, and passwords an admin set, must be changed at sign-in.
ALTER TABLE staff ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
