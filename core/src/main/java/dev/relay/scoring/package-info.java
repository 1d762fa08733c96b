/**
 * Scoring and grading (商机评分, 客户分级): rule points for fit and engagement with caps, time frames and half-life
 * decay; grades by thresholds and an optional fit × engagement matrix; predictive models trained on won/lost history
 * (categorical naive Bayes, L2 logistic regression) with calibrated probabilities and their top factors; a configured
 * blend of both; batch re-scoring that publishes an event only when a grade changes; and {@link
 * dev.relay.scoring.ModelEvaluation} for measuring a model on a host's own history. Every score carries the
 * contributions that add up to it.
 *
 * <p>Entry points: {@link dev.relay.scoring.ScoringModel} (the configuration, also the playbook's {@code scoring}
 * section), {@link dev.relay.scoring.RuleScorer} (compiled rule points), {@link dev.relay.scoring.ModelTraining}
 * (predictive models), {@link dev.relay.scoring.Scoring} (the blend, field write-back and re-scoring), {@link
 * dev.relay.scoring.ScoringService} (the same over the tenant's current playbook and stored models). Port: {@link
 * dev.relay.scoring.ScoringModelRepository}, with {@link dev.relay.scoring.InMemoryScoringModelRepository} as the
 * reference.
 */
@NullMarked
package dev.relay.scoring;

import org.jspecify.annotations.NullMarked;
