package org.finassist.server.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code finassist.retention.*}: how long each kind of personal data is kept, enforced by the retention job.
 *
 * @param enabled         run the job (on one node of a cluster at a time, through db-scheduler)
 * @param every           how often it runs
 * @param chatHistory     conversations and their messages, counted from the last message
 * @param feedback        customers' feedback on answers (never longer than the conversation it refers to)
 * @param openingSessions account-opening sessions, counted from their last change
 * @param witnessRecords  ended video-witness sessions with their audit trail and transcript; securities rules keep
 *                        account-opening records for at least 20 years, hence the default
 */
@ConfigurationProperties("finassist.retention")
public record RetentionProperties(boolean enabled, Duration every, Duration chatHistory, Duration feedback,
                                  Duration openingSessions, Duration witnessRecords) {

    public RetentionProperties {
        every = every == null ? Duration.ofHours(6) : every;
        chatHistory = chatHistory == null ? Duration.ofDays(365) : chatHistory;
        feedback = feedback == null ? Duration.ofDays(365) : feedback;
        openingSessions = openingSessions == null ? Duration.ofDays(30) : openingSessions;
        witnessRecords = witnessRecords == null ? Duration.ofDays(20 * 366) : witnessRecords;
    }
}
