-- The platform's own organisation (platform-core PlatformOrganization.ID): it owns platform-wide assets
-- such as ML model artifacts, so that services can get a service token for it. It has no users.
INSERT INTO organization (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'OpenHire platform')
ON CONFLICT (id) DO NOTHING;
