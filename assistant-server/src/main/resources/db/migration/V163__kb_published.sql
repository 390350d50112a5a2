-- Issue 16: a knowledge base is searched for customers (the chat, kb-read API keys) only once it is published to
-- them; kb-admin operators see every one. Knowledge bases that existed before stay published, new ones start
-- unpublished (an internal manual is not exposed by being uploaded).
ALTER TABLE kb_knowledge_base ADD COLUMN published BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE kb_knowledge_base SET published = TRUE;
