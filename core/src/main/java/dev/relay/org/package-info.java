/**
 * The org directory: reps, teams, the manager hierarchy and roles, behind the {@link dev.relay.org.OrgDirectory} port,
 * and {@link dev.relay.org.OrgChart}, the pure queries over it (who manages whom, who holds a role nearest to a rep).
 */
@NullMarked
package dev.relay.org;

import org.jspecify.annotations.NullMarked;
