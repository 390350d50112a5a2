package org.finassist.server.evalanswers;

/** Runs one question (after its earlier turns, in one conversation) through the chat. */
interface ChatPipeline {

    /** Never throws for a failed turn: a transport failure is an {@link Observed} with an error. */
    Observed run(AnswerCase c);
}
