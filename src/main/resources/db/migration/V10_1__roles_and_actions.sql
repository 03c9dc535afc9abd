-- Issue 11: multi-valued dimensions (roles) and the operating move (action) of a dimension value.
-- The codes of a multi-valued dimension are stored as an array in the existing customer.dimensions
-- ({"tierRoles": ["SPREADER", "HEAVY_CONSUMER"]}), which the GIN index customer_dimensions (jsonb_path_ops) already
-- serves for containment: dimensions @> '{"tierRoles": ["SPREADER"]}'. These columns keep what the decision shows.
ALTER TABLE customer ADD COLUMN roles             JSONB NOT NULL DEFAULT '{}';
ALTER TABLE customer ADD COLUMN dimension_actions JSONB NOT NULL DEFAULT '{}';
