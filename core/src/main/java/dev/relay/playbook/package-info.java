/**
 * The playbook: a tenant's whole configuration as one versioned document (JSON, or the Java builder over the same
 * model), validated on load with every problem reported by path.
 */
@NullMarked
package dev.relay.playbook;

import org.jspecify.annotations.NullMarked;
