/**
 * The criteria language every rule in Relay shares (gates, assignment, scoring, pool rules): {@code all}/{@code any}/
 * {@code not} over field–operator–value conditions, written as JSON ({@link dev.relay.criteria.CriteriaJson}) or with
 * the Java builder ({@link dev.relay.criteria.Criteria}), type-checked against a {@link dev.relay.fields.FieldSchema}
 * and compiled once into allocation-free predicates ({@link dev.relay.criteria.CriteriaCompiler}), rendered in words
 * for people ({@link dev.relay.criteria.CriteriaText}).
 */
@NullMarked
package dev.relay.criteria;

import org.jspecify.annotations.NullMarked;
