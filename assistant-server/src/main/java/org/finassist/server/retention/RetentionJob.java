package org.finassist.server.retention;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;

/**
 * Runs {@link RetentionPurge} every {@code finassist.retention.every} on db-scheduler, in its own table
 * ({@code retention_tasks}) so it shares no executions with the commentary scheduler; in a cluster one node runs
 * each execution.
 */
final class RetentionJob implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    static final String TASK = "retention-purge";

    private final DataSource dataSource;
    private final RetentionPurge purge;
    private final RetentionProperties properties;
    private volatile Scheduler scheduler;

    RetentionJob(DataSource dataSource, RetentionPurge purge, RetentionProperties properties) {
        this.dataSource = dataSource;
        this.purge = purge;
        this.properties = properties;
    }

    @Override
    public void start() {
        RecurringTask<Void> task = Tasks.recurring(TASK, Schedules.fixedDelay(properties.every()))
                .execute((instance, context) -> {
                    RetentionPurge.Purged p = purge.run();
                    LOG.info("Retention: removed {} feedback, {} conversations ({} messages), {} opening sessions,"
                                    + " {} witness sessions ({} audit records)", p.feedback(), p.conversations(),
                            p.messages(), p.openingSessions(), p.witnessSessions(), p.witnessAuditRecords());
                });
        Scheduler s = Scheduler.create(dataSource).tableName("retention_tasks").threads(1)
                .startTasks(task).build();
        s.start();
        scheduler = s;
    }

    @Override
    public void stop() {
        Scheduler s = scheduler;
        scheduler = null;
        if (s != null) {
            s.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
