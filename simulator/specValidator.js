'use strict';
/**
 * Validates recorded requests (and, for contract tests, response bodies) against GOWA's OpenAPI spec.
 *
 *   const { loadSpec, validateRequest } = require('./simulator/specValidator');
 *   const spec = loadSpec();                       // $GOWA_OPENAPI or ../shared/gowa/openapi.yaml
 *   const { valid, errors, warnings, operationId } = validateRequest(spec, sim.requests[0]);
 *
 * Only the spec is checked here; what the real server additionally enforces lives in realServerRules.js.
 * Per NOTES §1.4 the server accepts JSON, urlencoded and multipart on every body, so a body is validated against the
 * operation's documented schema whatever its content type (an undocumented content type is a warning, not an error).
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const PROJECT_ROOT = path.resolve(__dirname, '..');
const SPEC_HINT =
	"GOWA's OpenAPI spec was not found: set GOWA_OPENAPI to a copy of docs/openapi.yaml from github.com/aldinokemal/go-whatsapp-web-multidevice, or place it at ../shared/gowa/openapi.yaml (relative to the project root)";
const NEXT_SPEC_HINT =
	"GOWA's v9.5 OpenAPI spec was not found: set GOWA_OPENAPI_NEXT to a copy of docs/openapi.yaml of GOWA v9.5 or newer (github.com/aldinokemal/go-whatsapp-web-multidevice), or place it at ../shared/gowa/next/openapi-fork-v9.5.yaml (relative to the project root)";

const specCache = new Map();
const compiled = new WeakMap();

/** Candidate locations, in order: explicit argument, $GOWA_OPENAPI, ../shared/gowa/openapi.yaml. */
function specCandidates(explicitPath) {
	if (explicitPath) return [path.resolve(explicitPath)];
	const list = [];
	if (process.env.GOWA_OPENAPI) list.push(path.resolve(process.env.GOWA_OPENAPI));
	list.push(path.resolve(PROJECT_ROOT, '..', 'shared', 'gowa', 'openapi.yaml'));
	return list;
}

/** Where the v9.5 spec copy is: $GOWA_OPENAPI_NEXT, else ../shared/gowa/next/openapi-fork-v9.5.yaml; undefined when neither exists. */
function findNextSpecPath() {
	const list = [];
	if (process.env.GOWA_OPENAPI_NEXT) list.push(path.resolve(process.env.GOWA_OPENAPI_NEXT));
	list.push(path.resolve(PROJECT_ROOT, '..', 'shared', 'gowa', 'next', 'openapi-fork-v9.5.yaml'));
	return list.find((candidate) => fs.existsSync(candidate));
}

/** The spec file that loadSpec() would read, or undefined. */
function findSpecPath(explicitPath) {
	return specCandidates(explicitPath).find((candidate) => fs.existsSync(candidate));
}

/** Parses (and caches) the spec. Throws an Error naming where to get the file when it is missing. */
function loadSpec(explicitPath) {
	const file = findSpecPath(explicitPath);
	if (!file) {
		const error = new Error(`${SPEC_HINT} (looked at: ${specCandidates(explicitPath).join(', ')})`);
		error.code = 'SPEC_NOT_FOUND';
		throw error;
	}
	if (specCache.has(file)) return specCache.get(file);
	const document = parseSpecFile(file);
	Object.defineProperty(document, '__file', { value: file, enumerable: false });
	specCache.set(file, document);
	return document;
}

function cacheFileFor(text) {
	const digest = crypto.createHash('sha256').update(text).digest('hex');
	return path.join(os.tmpdir(), `gowa-simulator-spec-${digest.slice(0, 32)}.json`);
}

/**
 * YAML parsing of the 5,000-line spec takes ~0.3 s, so the parsed form is cached as JSON in the OS temp folder,
 * keyed by the file's SHA-256 (a changed spec is parsed again).
 */
function parseSpecFile(file) {
	const text = fs.readFileSync(file);
	const cacheFile = cacheFileFor(text);
	try {
		return JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
	} catch {
		// not cached yet (or unreadable): parse the YAML
	}
	const YAML = require('yaml');
	const document = YAML.parse(text.toString('utf8'));
	try {
		const temporary = `${cacheFile}.${process.pid}.tmp`;
		fs.writeFileSync(temporary, JSON.stringify(document));
		fs.renameSync(temporary, cacheFile);
	} catch {
		// caching is best effort
	}
	return document;
}

/** True when loadSpec() can answer from the parsed-JSON cache (no YAML parsing needed). */
function isSpecCached(explicitPath) {
	const file = findSpecPath(explicitPath);
	if (!file) return false;
	if (specCache.has(file)) return true;
	return fs.existsSync(cacheFileFor(fs.readFileSync(file)));
}

/**
 * Like loadSpec, but a cold start (no JSON cache yet) parses the YAML in a worker thread, keeping the event loop free.
 * Resolves to { spec, reason }.
 */
function loadSpecAsync(explicitPath) {
	const file = findSpecPath(explicitPath);
	if (!file || isSpecCached(explicitPath)) return Promise.resolve(tryLoadSpec(explicitPath));
	const { Worker } = require('node:worker_threads');
	return new Promise((resolve) => {
		const worker = new Worker(path.join(__dirname, 'specWorker.js'), { workerData: { file } });
		worker.once('message', () => resolve(tryLoadSpec(explicitPath)));
		worker.once('error', () => resolve(tryLoadSpec(explicitPath)));
	});
}

/** Like loadSpec but returns { spec, reason } instead of throwing. */
function tryLoadSpec(explicitPath) {
	try {
		return { spec: loadSpec(explicitPath), reason: undefined };
	} catch (error) {
		return { spec: undefined, reason: error.message };
	}
}

function templateRegex(template) {
	const names = [];
	const source = template
		.split('/')
		.map((segment) => {
			const match = /^\{([^}]+)\}$/.exec(segment);
			if (match) {
				names.push(match[1]);
				return '([^/]+)';
			}
			return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	return { regex: new RegExp(`^${source}/?$`), names, literalCount: template.split('/').filter((s) => !s.startsWith('{')).length };
}

function operationIndex(spec) {
	let cache = compiled.get(spec);
	if (!cache) {
		cache = { operations: [], validators: new Map(), ajv: undefined };
		for (const [template, item] of Object.entries(spec.paths || {})) {
			const matcher = templateRegex(template);
			for (const method of HTTP_METHODS) {
				const operation = item[method];
				if (!operation) continue;
				const parameters = [...(item.parameters || []), ...(operation.parameters || [])].map((p) => resolveRef(spec, p));
				cache.operations.push({
					method: method.toUpperCase(),
					path: template,
					operationId: operation.operationId,
					tags: operation.tags || [],
					operation,
					parameters,
					matcher,
				});
			}
		}
		// Literal paths win over templated ones (e.g. /group/participants/export vs a {param}).
		cache.operations.sort((a, b) => b.matcher.literalCount - a.matcher.literalCount);
		compiled.set(spec, cache);
	}
	return cache;
}

function resolveRef(spec, node) {
	let current = node;
	const seen = new Set();
	while (current && current.$ref && !seen.has(current.$ref)) {
		seen.add(current.$ref);
		const pointer = current.$ref.replace(/^#\//, '').split('/');
		current = pointer.reduce((value, key) => (value ? value[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), spec);
	}
	return current;
}

/** Every operation of the spec: [{ method, path, operationId, tags }]. */
function listOperations(spec) {
	return operationIndex(spec).operations.map(({ method, path: template, operationId, tags }) => ({ method, path: template, operationId, tags }));
}

/** The operation for METHOD + path (path without base path and query), with decoded path params. */
function findOperation(spec, method, requestPath) {
	const upper = String(method).toUpperCase();
	const cleanPath = String(requestPath).split('?')[0];
	for (const entry of operationIndex(spec).operations) {
		if (entry.method !== upper) continue;
		const match = entry.matcher.regex.exec(cleanPath);
		if (!match) continue;
		const params = {};
		entry.matcher.names.forEach((name, index) => {
			try {
				params[name] = decodeURIComponent(match[index + 1]);
			} catch {
				params[name] = match[index + 1];
			}
		});
		return { ...entry, params };
	}
	return undefined;
}

function getAjv(spec) {
	const cache = operationIndex(spec);
	if (!cache.ajv) {
		const Ajv = require('ajv');
		const addFormats = require('ajv-formats');
		const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, validateSchema: false, code: { optimize: false } });
		addFormats(ajv);
		ajv.addSchema({ $id: 'gowa-openapi.json', components: spec.components || {} });
		cache.ajv = ajv;
	}
	return cache.ajv;
}

function rewriteRefs(schema) {
	if (Array.isArray(schema)) return schema.map(rewriteRefs);
	if (schema && typeof schema === 'object') {
		const out = {};
		for (const [key, value] of Object.entries(schema)) {
			out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `gowa-openapi.json${value}` : rewriteRefs(value);
		}
		return out;
	}
	return schema;
}

function compileSchema(spec, key, schema) {
	const cache = operationIndex(spec);
	if (!cache.validators.has(key)) cache.validators.set(key, getAjv(spec).compile(rewriteRefs(schema)));
	return cache.validators.get(key);
}

function ajvMessages(validator, prefix) {
	return (validator.errors || []).map((error) => {
		const where = `${prefix}${error.instancePath || ''}`;
		if (error.keyword === 'required') return `${where}/${error.params.missingProperty} is required`;
		if (error.keyword === 'additionalProperties') return `${where} has unknown property ${error.params.additionalProperty}`;
		return `${where} ${error.message}`;
	});
}

/** Converts form/query strings to the JSON types the schema declares (booleans, integers, arrays). */
function coerceValue(values, schema, spec) {
	const resolved = resolveRef(spec, schema) || {};
	const list = Array.isArray(values) ? values : [values];
	if (resolved.type === 'array') return list.map((value) => coerceScalar(value, resolveRef(spec, resolved.items) || {}));
	return coerceScalar(list[0], resolved);
}

function coerceScalar(value, schema) {
	if (typeof value !== 'string') return value;
	if (schema.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
	if (schema.type === 'integer') return /^-?\d+$/.test(value) ? Number(value) : value;
	if (schema.type === 'number') return value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
	return value;
}

function queryValues(recorded) {
	// Recorded requests keep every value in `queryAll`; fall back to `query` (single values) or the raw path.
	if (recorded.queryAll) return recorded.queryAll;
	const out = {};
	if (recorded.query) {
		for (const [key, value] of Object.entries(recorded.query)) out[key] = Array.isArray(value) ? value : [value];
		return out;
	}
	const raw = String(recorded.rawPath || recorded.path || '').split('?')[1];
	for (const [key, value] of new URLSearchParams(raw || '')) (out[key] ||= []).push(value);
	return out;
}

function headerValue(headers, name) {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
	return undefined;
}

function bodyMediaType(recorded) {
	const header = recorded.contentType || headerValue(recorded.headers, 'content-type') || '';
	return String(header).split(';')[0].trim().toLowerCase();
}

function validateParameters(spec, entry, recorded, errors, warnings) {
	const query = queryValues(recorded);
	const documentedQuery = new Set();
	for (const parameter of entry.parameters) {
		if (!parameter || !parameter.in) continue;
		const schema = parameter.schema || { type: 'string' };
		let present;
		let value;
		if (parameter.in === 'path') {
			present = entry.params[parameter.name] !== undefined && entry.params[parameter.name] !== '';
			value = coerceScalar(entry.params[parameter.name], resolveRef(spec, schema) || {});
		} else if (parameter.in === 'query') {
			documentedQuery.add(parameter.name);
			present = Object.prototype.hasOwnProperty.call(query, parameter.name);
			value = present ? coerceValue(query[parameter.name], schema, spec) : undefined;
		} else if (parameter.in === 'header') {
			const raw = headerValue(recorded.headers, parameter.name);
			present = raw !== undefined;
			value = raw;
		} else {
			continue;
		}
		if (!present) {
			if (parameter.required) errors.push(`${parameter.in}.${parameter.name} is required`);
			continue;
		}
		const validator = compileSchema(spec, `param:${entry.operationId}:${parameter.in}:${parameter.name}`, schema);
		if (!validator(value)) errors.push(...ajvMessages(validator, `${parameter.in}.${parameter.name}`));
	}
	for (const name of Object.keys(query)) {
		if (!documentedQuery.has(name) && name !== 'device_id') warnings.push(`query.${name} is not documented for ${entry.operationId}`);
	}
}

/** A schema's properties, merged with those of its `allOf` parts (v9.5 send bodies add ScheduleOptions that way). */
function schemaProperties(spec, schema) {
	const resolved = resolveRef(spec, schema) || {};
	const merged = {};
	for (const part of resolved.allOf || []) Object.assign(merged, schemaProperties(spec, part));
	return Object.assign(merged, resolved.properties || {});
}

function formToObject(spec, schema, form, errors) {
	const properties = schemaProperties(spec, schema);
	const object = {};
	const fields = form.fields || {};
	const files = form.files || {};
	for (const [name, values] of Object.entries(fields)) {
		const propertySchema = resolveRef(spec, properties[name]);
		if (propertySchema && propertySchema.format === 'binary') {
			errors.push(`body/${name} must be a file part (format: binary), got a text field`);
			continue;
		}
		object[name] = propertySchema ? coerceValue(values, propertySchema, spec) : values.length === 1 ? values[0] : values;
	}
	for (const name of Object.keys(files)) {
		const propertySchema = resolveRef(spec, properties[name]);
		if (propertySchema && propertySchema.type === 'string' && propertySchema.format !== 'binary') {
			errors.push(`body/${name} must be a text field, got a file part`);
			continue;
		}
		object[name] = `<file ${files[name].fileName || ''}>`;
	}
	return object;
}

function validateBody(spec, entry, recorded, errors, warnings) {
	const requestBody = resolveRef(spec, entry.operation.requestBody);
	const mediaType = bodyMediaType(recorded);
	const hasBody = recorded.rawBody ? recorded.rawBody.length > 0 : recorded.json !== undefined || recorded.form !== undefined;
	if (!requestBody) {
		if (hasBody) warnings.push(`${entry.operationId} documents no request body, but one was sent (${mediaType || 'no content type'})`);
		return;
	}
	if (!hasBody) {
		if (requestBody.required) errors.push('body is required');
		return;
	}
	const content = requestBody.content || {};
	const documented = Object.keys(content);
	let schemaEntry = content[mediaType];
	if (!schemaEntry) {
		if (!mediaType) errors.push(`Content-Type is missing (documented: ${documented.join(', ')})`);
		else if (!['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'].includes(mediaType)) {
			errors.push(`Content-Type ${mediaType} is not accepted (documented: ${documented.join(', ')})`);
			return;
		} else warnings.push(`Content-Type ${mediaType} is not documented for ${entry.operationId} (documented: ${documented.join(', ')}); the real server accepts it`);
		schemaEntry = content[documented[0]];
	}
	const schema = schemaEntry && schemaEntry.schema;
	if (!schema) return;
	let object;
	if (mediaType === 'application/json') {
		if (recorded.json === undefined) {
			errors.push('body is not valid JSON');
			return;
		}
		object = recorded.json;
	} else if (recorded.form) {
		object = formToObject(spec, schema, recorded.form, errors);
	} else if (recorded.json !== undefined) {
		object = recorded.json;
	} else {
		return;
	}
	const validator = compileSchema(spec, `body:${entry.operationId}`, schema);
	if (!validator(object)) errors.push(...ajvMessages(validator, 'body'));
	const properties = schemaProperties(spec, schema);
	if (Object.keys(properties).length > 0 && object && typeof object === 'object' && !Array.isArray(object)) {
		for (const key of Object.keys(object)) {
			if (!Object.prototype.hasOwnProperty.call(properties, key)) warnings.push(`body/${key} is not documented for ${entry.operationId} (the server ignores unknown fields)`);
		}
	}
}

/**
 * Validates a recorded request ({ method, path, query|queryAll, headers, contentType, rawBody, json, form }).
 * Returns { valid, errors, warnings, operationId }.
 */
function validateRequest(spec, recorded) {
	const errors = [];
	const warnings = [];
	const entry = findOperation(spec, recorded.method, recorded.path);
	if (!entry) {
		return { valid: false, errors: [`no operation in the spec for ${recorded.method} ${recorded.path}`], warnings, operationId: null };
	}
	validateParameters(spec, entry, recorded, errors, warnings);
	validateBody(spec, entry, recorded, errors, warnings);
	return { valid: errors.length === 0, errors, warnings, operationId: entry.operationId };
}

/** Validates a JSON response body against the documented schema for that status (when there is one). */
function validateResponse(spec, operationId, status, body) {
	const entry = operationIndex(spec).operations.find((op) => op.operationId === operationId);
	if (!entry) return { valid: false, errors: [`unknown operationId ${operationId}`], documented: false };
	const responses = entry.operation.responses || {};
	const response = resolveRef(spec, responses[String(status)] || responses.default);
	const schema = response && response.content && response.content['application/json'] && response.content['application/json'].schema;
	if (!schema) return { valid: true, errors: [], documented: false };
	const validator = compileSchema(spec, `response:${operationId}:${status}`, schema);
	const valid = validator(body);
	return { valid, errors: valid ? [] : ajvMessages(validator, 'response'), documented: true };
}

module.exports = {
	NEXT_SPEC_HINT,
	SPEC_HINT,
	findNextSpecPath,
	findOperation,
	findSpecPath,
	isSpecCached,
	listOperations,
	loadSpec,
	loadSpecAsync,
	parseSpecFile,
	resolveRef,
	tryLoadSpec,
	validateRequest,
	validateResponse,
};
