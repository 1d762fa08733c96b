/**
 * The criteria language every rule in Relay shares (gates, assignment, scoring, pool rules): {@code all}/{@code
 * any}/{@code not} over field–operator–value conditions, written as JSON or with the Java builder, type-checked against
 * a {@link dev.relay.fields.FieldSchema} and compiled once into allocation-free predicates.
 */
@NullMarked
package dev.relay.criteria;

import org.jspecify.annotations.NullMarked;
