'use strict';
/**
 * Meta's WhatsApp Business Cloud API spec (business-messaging-api_v23.0.yaml, MIT), read from $META_OPENAPI or
 * ../shared/meta/ — never copied into this repository — and patched in memory so it can validate requests
 * (NOTES §8.1 and §9):
 *
 *   P1  every message variant's `allOf` member that sets `additionalProperties:false` also gets the properties of
 *       `BaseMessageProperties` (as published, no request can validate: the base fields are "additional");
 *   P2  `interactive.type` also allows `cta_url` and `location_request_message` (documented by Meta, missing
 *       from the enum);
 *   P3  a template button `index` is "0"–"9" (Meta's 0-based positions; the published pattern `^[2-6, 11-14]$`
 *       rejects "0");
 *   P4  mark-as-read / typing indicator (`status:"read"`) has no schema: a local one is used.
 *
 * Each patch is a function of the loaded document, so a test can validate against the unpatched spec as well.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const SPEC_FILE = 'business-messaging-api_v23.0.yaml';
const SPEC_HINT =
	"Meta's WhatsApp Business Cloud API spec was not found: set META_OPENAPI to a copy of business-messaging-api_v23.0.yaml " +
	'(github.com/facebook/openapi, MIT), or place it at ../shared/meta/ (relative to the project root)';

function specCandidates(explicitPath) {
	if (explicitPath) return [path.resolve(explicitPath)];
	const list = [];
	if (process.env.META_OPENAPI) list.push(path.resolve(process.env.META_OPENAPI));
	list.push(path.resolve(PROJECT_ROOT, '..', 'shared', 'meta', SPEC_FILE));
	return list;
}

function findMetaSpecPath(explicitPath) {
	return specCandidates(explicitPath).find((candidate) => fs.existsSync(candidate));
}

const cache = new Map();

/** Parses the spec (cached as JSON in the OS temp folder, keyed by the file's SHA-256). */
function loadRawSpec(explicitPath) {
	const file = findMetaSpecPath(explicitPath);
	if (!file) {
		const error = new Error(`${SPEC_HINT} (looked at: ${specCandidates(explicitPath).join(', ')})`);
		error.code = 'SPEC_NOT_FOUND';
		throw error;
	}
	if (cache.has(file)) return cache.get(file);
	const text = fs.readFileSync(file);
	const digest = crypto.createHash('sha256').update(text).digest('hex').slice(0, 32);
	const cacheFile = path.join(os.tmpdir(), `meta-cloud-simulator-spec-${digest}.json`);
	let document;
	try {
		document = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
	} catch {
		document = require('yaml').parse(text.toString('utf8'));
		try {
			const temporary = `${cacheFile}.${process.pid}.tmp`;
			fs.writeFileSync(temporary, JSON.stringify(document));
			fs.renameSync(temporary, cacheFile);
		} catch {
			// caching is best effort
		}
	}
	cache.set(file, document);
	return document;
}

const MESSAGE_VARIANTS = ['TextMessage', 'AudioMessage', 'DocumentMessage', 'ImageMessage', 'LocationMessage', 'VideoMessage', 'StickerMessage', 'ReactionMessage', 'InteractiveMessage', 'TemplateMessage', 'ContactsMessage'];

/** P1: merge BaseMessageProperties' properties into the closed allOf member of every message variant. */
function mergeBaseProperties(schemas) {
	const base = schemas.BaseMessageProperties.properties;
	for (const name of MESSAGE_VARIANTS) {
		for (const member of schemas[name].allOf || []) {
			if (member.additionalProperties === false && member.properties) {
				member.properties = { ...base, ...member.properties };
			}
		}
	}
}

/** P2: interactive types Meta documents (cta_url, location_request_message) but the enum and ActionObject lack. */
function addInteractiveTypes(schemas) {
	const type = schemas.InteractiveObject.properties.type;
	for (const extra of ['cta_url', 'location_request_message']) if (!type.enum.includes(extra)) type.enum.push(extra);
	schemas.ActionObject.oneOf.push(
		{
			required: ['name', 'parameters'],
			properties: {
				name: { type: 'string', enum: ['cta_url'] },
				parameters: {
					type: 'object',
					additionalProperties: false,
					required: ['display_text', 'url'],
					properties: { display_text: { type: 'string', minLength: 1, maxLength: 20 }, url: { type: 'string', pattern: '^https?://' } },
				},
			},
		},
		{ required: ['name'], properties: { name: { type: 'string', enum: ['send_location'] } } },
	);
}

/** P3: 0-based button positions. */
function fixButtonIndex(schemas) {
	const walk = (node) => {
		if (!node || typeof node !== 'object') return;
		if (node.properties && node.properties.index && node.properties.index.pattern === '^[2-6, 11-14]$') {
			node.properties.index = { ...node.properties.index, pattern: '^[0-9]$' };
		}
		for (const value of Object.values(node)) walk(value);
	};
	walk(schemas.TemplateComponent ?? schemas);
}

/** P4 adds no schema to the document: it switches the validator to MARK_READ_SCHEMA for `status:"read"` bodies. */
function markReadSchema() {}

const PATCHES = { mergeBaseProperties, addInteractiveTypes, fixButtonIndex, markReadSchema };

/** P4: the body of mark-as-read (optionally with a typing indicator); Meta's spec has only an example. */
const MARK_READ_SCHEMA = {
	type: 'object',
	additionalProperties: false,
	required: ['messaging_product', 'status', 'message_id'],
	properties: {
		messaging_product: { const: 'whatsapp' },
		status: { const: 'read' },
		message_id: { type: 'string', minLength: 1 },
		typing_indicator: { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { const: 'text' } } },
	},
};

const validators = new Map();
const SPEC_ID = 'https://cloud-simulator.local/meta-spec';

/**
 * A validator over the (patched) spec: `validate(operationId, body)` → { valid, errors }.
 * `patches`: names of PATCHES to apply (default all); [] = the spec as published.
 */
function specValidator(options = {}) {
	const patches = options.patches ?? Object.keys(PATCHES);
	const key = `${findMetaSpecPath(options.specPath)}|${patches.join(',')}`;
	if (validators.has(key)) return validators.get(key);
	const raw = loadRawSpec(options.specPath);
	const document = JSON.parse(JSON.stringify(raw));
	for (const name of patches) PATCHES[name](document.components.schemas);
	const Ajv2020 = require('ajv/dist/2020').default;
	const addFormats = require('ajv-formats').default;
	const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
	addFormats(ajv);
	ajv.addSchema({ $id: SPEC_ID, components: document.components });
	const bodySchemas = new Map();
	for (const item of Object.values(document.paths)) {
		for (const operation of Object.values(item)) {
			if (!operation || typeof operation !== 'object' || !operation.operationId) continue;
			const content = operation.requestBody && operation.requestBody.content;
			if (!content) continue;
			bodySchemas.set(operation.operationId, content);
		}
	}
	const mapping = document.components.schemas.Message.discriminator.mapping;
	const compiled = new Map();
	const compile = (id, schema) => {
		if (!compiled.has(id)) compiled.set(id, ajv.compile({ ...rebase(schema), $id: `https://cloud-simulator.local/body/${encodeURIComponent(id)}` }));
		return compiled.get(id);
	};
	const validator = {
		document,
		/** Validates a JSON body of `operationId` (sendMessage: the Message schema; mark-read: the local schema). */
		validate(operationId, body, contentType = 'application/json') {
			let check;
			const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
			if (operationId === 'sendMessage' && isObject && body.status === 'read' && patches.includes('markReadSchema')) {
				check = compile('markRead', MARK_READ_SCHEMA);
			} else if (operationId === 'sendMessage') {
				// NOTES §8.1: pick the variant by `type` (the discriminator validators ignore), then validate against it.
				const target = isObject ? mapping[body.type] : undefined;
				if (target === undefined) {
					return { valid: false, errors: [`/type ${JSON.stringify(isObject ? body.type : body)} is not one of the message types (${Object.keys(mapping).join(', ')})`] };
				}
				check = compile(`sendMessage:${body.type}`, { $ref: target });
			} else {
				const content = bodySchemas.get(operationId);
				const schema = content && (content[contentType] || content['application/json']);
				if (!schema || !schema.schema) return { valid: true, errors: [], skipped: `no ${contentType} body schema for ${operationId}` };
				check = compile(`${operationId}:${contentType}`, schema.schema);
			}
			const valid = check(body);
			return { valid, errors: valid ? [] : (check.errors || []).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params && e.params.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`) };
		},
	};
	validators.set(key, validator);
	return validator;
}

/** Local `#/components/...` refs point into the spec document added to ajv. */
function rebase(schema) {
	return JSON.parse(JSON.stringify(schema), (key, value) => (key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${SPEC_ID}${value}` : value));
}

module.exports = { specValidator, findMetaSpecPath, loadRawSpec, PATCHES, MARK_READ_SCHEMA, SPEC_HINT };
