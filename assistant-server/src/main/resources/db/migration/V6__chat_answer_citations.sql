-- The passages an answer was given (id, source and heading, as JSON), so that a knowledge-base owner reading
-- "not helpful" feedback sees which passages misled it.
ALTER TABLE chat_messages ADD COLUMN citations TEXT;
