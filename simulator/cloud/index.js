'use strict';
/** Meta WhatsApp Business Cloud API simulator (dev/test only). See README.md in this folder. */

const { CloudSimulator, MEDIA_PATH, envelope, startCloudSimulator } = require('./simulator');
const { ROUTES } = require('./routes');
const rules = require('./rules');
const spec = require('./spec');
const { CloudState, DEFAULTS } = require('./state');
const { inboundMessagePayload, signMetaBody, statusPayload, verifyCallback } = require('./webhooks');

module.exports = { CloudSimulator, CloudState, DEFAULTS, MEDIA_PATH, ROUTES, envelope, inboundMessagePayload, rules, signMetaBody, spec, startCloudSimulator, statusPayload, verifyCallback };
