'use strict';
/**
 * GOWA v9.2 simulator (dev/test only). See simulator/README.md.
 *
 *   const { startSimulator } = require('./simulator');
 *   const sim = await startSimulator({ basePath: '/gowa', auth: { username: 'u', password: 'p' } });
 *   // … sim.url, sim.requests, sim.failNext(…), await sim.sendWebhook(…), await sim.close()
 */

const { DEFAULT_DEVICES, ROUTES, Simulator, startSimulator } = require('./simulator');
const { EVENTS, buildEvent, buildPayload } = require('./events');
const realServerRules = require('./realServerRules');
const specValidator = require('./specValidator');
const { marshalWebhookBody, signWebhookBody } = require('./webhooks');
const { DEFAULT_SEED } = require('./store');

/** operationIds the simulator answers (every non-chatwoot operation of the spec). */
const OPERATION_IDS = ROUTES.map((route) => route.operationId).concat('health');

module.exports = {
	DEFAULT_DEVICES,
	DEFAULT_SEED,
	EVENTS,
	OPERATION_IDS,
	ROUTES,
	Simulator,
	buildEvent,
	buildPayload,
	loadSpec: specValidator.loadSpec,
	marshalWebhookBody,
	realServerRules,
	signWebhookBody,
	specValidator,
	startSimulator,
	validateRequest: specValidator.validateRequest,
};
