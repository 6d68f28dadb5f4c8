CREATE TABLE thing (id uuid PRIMARY KEY, organization_id uuid NOT NULL, name text NOT NULL);
CREATE TABLE thing_seen (event_id uuid NOT NULL, name text NOT NULL);
