-- Token-classification versions (CRF sequence taggers): the features they were trained on, as declared, and
-- their labels and sizes, read from the model. Null for every other task.
ALTER TABLE model_version ADD COLUMN tagger jsonb;

-- A gate may also compare with the champion: [{metric, min?, max?, atLeastChampion?}].
COMMENT ON COLUMN registered_model.promotion_gates IS
    '[{metric, min?, max?, atLeastChampion?}]: a version must meet every gate to become champion';
