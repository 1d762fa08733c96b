/**
 * Collaboration records (跟进记录): activities (calls, visits, meetings, e-mails, notes) against accounts and deals,
 * follow-up tasks with assignees and due times, and the overdue-task monitor. Activities drive an account's "last
 * follow-up" through {@link dev.relay.activity.FollowUpListener}; tasks do not.
 *
 * <p>Entry points: {@link dev.relay.activity.ActivityService} and {@link dev.relay.activity.OverdueTaskMonitor}.
 * Ports: {@link dev.relay.activity.ActivityRepository} and {@link dev.relay.activity.TaskRepository}, with in-memory
 * reference implementations. Events: {@link dev.relay.activity.ActivityEvent}.
 */
@NullMarked
package dev.relay.activity;

import org.jspecify.annotations.NullMarked;
