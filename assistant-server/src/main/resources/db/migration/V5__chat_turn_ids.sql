-- A client-chosen id per question, so that a question re-sent after a dropped connection is not stored or answered
-- twice: a finished answer is replayed, an unfinished one is generated once more without repeating the question.
ALTER TABLE chat_messages ADD COLUMN turn_id VARCHAR(64);
CREATE INDEX chat_messages_turn ON chat_messages (conversation_id, turn_id);
