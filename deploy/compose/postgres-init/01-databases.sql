-- One database per service (every service owns its own), created by the postgres image on its first start
-- (an empty data directory), as POSTGRES_USER (openhire), who owns them. The names are the defaults of the
-- services' OPENHIRE_<SERVICE>_DB_URL; each service's Flyway migrations create its tables at start.
CREATE DATABASE identity;
CREATE DATABASE storage;
CREATE DATABASE resume_ingestion;
CREATE DATABASE resume_processing;
CREATE DATABASE job_ingestion;
CREATE DATABASE job_processing;
CREATE DATABASE model_registry;
CREATE DATABASE training;
CREATE DATABASE matching;
CREATE DATABASE communication;
CREATE DATABASE notification;
CREATE DATABASE applications;
CREATE DATABASE audit;
CREATE DATABASE privacy;
CREATE DATABASE security;
CREATE DATABASE monitoring;
