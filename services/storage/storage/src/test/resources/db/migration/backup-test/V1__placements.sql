-- A stand-in for another service's database in BackupsIT: a table with a sequence and a foreign key.
CREATE TABLE client (
    id   bigserial PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE placement (
    id        bigserial PRIMARY KEY,
    client_id bigint NOT NULL REFERENCES client (id),
    candidate text   NOT NULL,
    fee       numeric(12, 2),
    placed_on date,
    notes     jsonb
);
