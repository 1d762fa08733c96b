/**
 * REST adapter: Relay's application services as a JSON HTTP API with webhooks. The endpoints arrive with the REST issue;
 * the module builds now so that the layout is fixed.
 */
package dev.relay.rest;
