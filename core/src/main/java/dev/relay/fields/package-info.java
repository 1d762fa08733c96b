/**
 * Typed fields: the {@link dev.relay.fields.FieldSchema} of each kind of record (built-in fields plus the tenant's
 * custom fields declared in the playbook) and the immutable, type-checked {@link dev.relay.fields.FieldValues} every
 * record carries. Criteria are checked against schemas and evaluated over field values.
 */
@NullMarked
package dev.relay.fields;

import org.jspecify.annotations.NullMarked;
