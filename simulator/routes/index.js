'use strict';
/**
 * Route table: every non-chatwoot operation of GOWA's spec (v9.5; routes with `since: '9.5'` are 404 on a simulator started as v9.2). A route is
 * { method, path (Fiber style, `:param`), operationId, scoped (passes the device middleware), handler(ctx) }.
 * Handlers return { status, json | text | buffer, headers } or throw a GowaError.
 */

const ROUTES = [
	...require('./app'),
	...require('./device'),
	...require('./user'),
	...require('./send'),
	...require('./message'),
	...require('./call'),
	...require('./chat'),
	...require('./group'),
	...require('./newsletter'),
	...require('./v95'),
];

function compile(route) {
	const segments = route.path.split('/').filter(Boolean);
	return { ...route, segments };
}

const COMPILED = ROUTES.map(compile);

/**
 * Fiber matching: case-insensitive static segments, optional trailing slash, params are raw (not unescaped).
 * Returns { route, params } | { methodMismatch: true } | undefined.
 */
function matchRoute(method, path) {
	const parts = path.split('/').filter(Boolean);
	let methodMismatch = false;
	for (const route of COMPILED) {
		if (route.segments.length !== parts.length) continue;
		const params = {};
		let ok = true;
		for (let i = 0; i < parts.length; i++) {
			const segment = route.segments[i];
			if (segment.startsWith(':')) params[segment.slice(1)] = parts[i];
			else if (segment.toLowerCase() !== parts[i].toLowerCase()) {
				ok = false;
				break;
			}
		}
		if (!ok) continue;
		if (route.method !== method) {
			methodMismatch = true;
			continue;
		}
		return { route, params };
	}
	return methodMismatch ? { methodMismatch: true } : undefined;
}

module.exports = { ROUTES, matchRoute };
