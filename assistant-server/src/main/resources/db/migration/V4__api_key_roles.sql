-- What a key may do beyond the customer-facing APIs: 'client' (default) or 'supervisor' (witness decisions, which
-- are then audited under the key's name).
ALTER TABLE api_keys ADD COLUMN role VARCHAR(32) DEFAULT 'client' NOT NULL;
