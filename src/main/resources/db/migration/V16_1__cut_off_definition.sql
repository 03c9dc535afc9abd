-- A computed cut-off is valid only for the definition (cutoffs.yaml) it was computed for: a rule set that changes a
-- definition gets its cut-off computed afresh when it is activated, so the re-evaluation after the change moves the
-- customers it moves (cause RULESET_CHANGE) instead of leaving them to a later run (cause TIME).
-- Rows from before this column have no definition: they are recomputed once, at the next activation.
ALTER TABLE population_cut_off ADD COLUMN definition TEXT;
