-- A candidate's upload is a duplicate of their own uploads only (issue 14): a file identical to a
-- colleague's resume becomes a resume of its own, and the candidate learns nothing of the other.
-- Staff uploads and mail stay one resume per distinct file per organisation.
ALTER TABLE resume ADD COLUMN candidate_upload boolean NOT NULL DEFAULT false;
DROP INDEX resume_org_sha256;
CREATE UNIQUE INDEX resume_org_sha256 ON resume (organization_id, sha256) WHERE NOT candidate_upload;
CREATE UNIQUE INDEX resume_candidate_sha256 ON resume (organization_id, uploaded_by, sha256) WHERE candidate_upload;
