-- Issue 21: content-ops review before publication. review_state: pending (waits for a reviewer), approved
-- (reviewer = a person, or 'auto' when every check passed and auto-approval is on), rejected (with a reason), or
-- blocked (the article itself failed the checks: never publishable). published_at is set once the publish hook
-- took it; publish_error keeps the last failure of the hook.
ALTER TABLE commentary_article ADD COLUMN review_state VARCHAR(16) DEFAULT 'pending' NOT NULL;
ALTER TABLE commentary_article ADD COLUMN reviewer VARCHAR(100);
ALTER TABLE commentary_article ADD COLUMN review_reason VARCHAR(1000);
ALTER TABLE commentary_article ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE commentary_article ADD COLUMN published_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE commentary_article ADD COLUMN publish_error VARCHAR(1000);
UPDATE commentary_article SET review_state = 'blocked' WHERE status <> 'done';
CREATE INDEX ix_commentary_article_review ON commentary_article (review_state, trade_date);
