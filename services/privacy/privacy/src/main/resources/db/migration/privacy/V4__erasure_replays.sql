-- An erasure filed again after a restore (from the erasure ledger, see ErasureLedger): which completed erasure
-- it repeats, so that one is filed again once.
ALTER TABLE privacy_request ADD COLUMN replay_of uuid;
CREATE INDEX privacy_request_replay_of ON privacy_request (replay_of) WHERE replay_of IS NOT NULL;
