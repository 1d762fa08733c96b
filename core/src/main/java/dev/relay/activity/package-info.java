/**
 * Collaboration records (跟进记录): activities (calls, visits, meetings, notes) against accounts and deals, follow-up
 * tasks with assignees and due times, and the overdue-task monitor. Activities drive an account's "last follow-up".
 */
@NullMarked
package dev.relay.activity;

import org.jspecify.annotations.NullMarked;
