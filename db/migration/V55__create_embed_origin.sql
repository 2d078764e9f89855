-- Sites whose pages may post leads from a visitor's browser (CORS), managed by admins on /admin/embed.
-- The CORS check looks an origin up by its primary key.
CREATE TABLE embed_origin (
    origin    VARCHAR(255) NOT NULL PRIMARY KEY,
    added_by  VARCHAR(100) NOT NULL,
    added_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
