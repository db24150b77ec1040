'use strict';

const { call, useSimulator } = require('./support');

describe('response envelope and plain-text answers', () => {
	const ctx = useSimulator();

	it('wraps results in {code, message, results} with the message echoing the status', async () => {
		const response = await call(ctx.sim, 'POST', '/send/message', { json: { phone: '6289876543210', message: 'Hello' } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(Object.keys(response.json)).toEqual(['code', 'message', 'results']);
		expect(response.json.code).toBe('SUCCESS');
		expect(response.json.results.message_id).toMatch(/^3EB0[0-9A-F]{18}$/);
		expect(response.json.message).toBe(response.json.results.status);
		expect(response.json.message).toMatch(/^Message sent to 6289876543210@s\.whatsapp\.net \(server timestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC\)$/);
		expect(response.json).not.toHaveProperty('status');
	});

	it('omits results when the handler has none', async () => {
		const response = await call(ctx.sim, 'POST', '/user/pushname', { json: { push_name: 'Salon Ayu' } });
		expect(response.json).toEqual({ code: 'SUCCESS', message: 'Success change push name' });
	});

	it('answers errors with a string code and no results', async () => {
		const response = await call(ctx.sim, 'POST', '/send/message', { json: { phone: '6289876543210' } });
		expect(response.status).toBe(400);
		expect(response.json).toEqual({ code: 'VALIDATION_ERROR', message: 'message: cannot be blank.' });
	});

	it('escapes <, > and & like Go encoding/json', async () => {
		const group = [...ctx.sim.storeFor(ctx.sim.registry.list()[0]).groups.keys()][0];
		const response = await call(ctx.sim, 'POST', '/group/name', { json: { group_id: group, name: 'Cut & <Color>' } });
		expect(response.status).toBe(200);
		expect(response.text).toContain("Success update group name to 'Cut \\u0026 \\u003cColor\\u003e'");
		expect(response.json.message).toBe("Success update group name to 'Cut & <Color>'");
	});

	it('answers unknown routes with Fiber plain text after the device middleware', async () => {
		const response = await call(ctx.sim, 'GET', '/does/not/exist');
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(response.text).toBe('Cannot GET /does/not/exist');
		const wrongMethod = await call(ctx.sim, 'PUT', '/send/message', { json: {} });
		expect(wrongMethod.status).toBe(405);
	});

	it('serves the UI-disabled banner at the base path root', async () => {
		const response = await call(ctx.sim, 'GET', '/');
		expect(response.json).toEqual({ code: 'SUCCESS', message: 'gowa v9.5.0 — UI disabled' });
	});

	it('turns binder errors into 500 INTERNAL_SERVER_ERROR with the Go message', async () => {
		const malformed = await call(ctx.sim, 'POST', '/send/message', { text: '{"phone":', headers: { 'Content-Type': 'application/json' } });
		expect(malformed.status).toBe(500);
		expect(malformed.json.code).toBe('INTERNAL_SERVER_ERROR');
		const noType = await call(ctx.sim, 'POST', '/send/message', { text: 'phone=1' });
		expect(noType.status).toBe(500);
		const wrongType = await call(ctx.sim, 'POST', '/send/message', { json: { phone: 6289876543210, message: 'x' } });
		expect(wrongType.json).toEqual({
			code: 'INTERNAL_SERVER_ERROR',
			message: 'json: cannot unmarshal number into Go struct field MessageRequest.phone of type string',
		});
	});

	it('answers 413 in plain text above the body limit', async () => {
		const { startSimulator } = require('../../simulator');
		const small = await startSimulator({ bodyLimitBytes: 1000 });
		try {
			const response = await call(small, 'POST', '/send/message', { json: { phone: '62898', message: 'x'.repeat(2000) } });
			expect(response.status).toBe(413);
			expect(response.text).toBe('Request Entity Too Large');
			expect(small.requests[0].response.status).toBe(413);
		} finally {
			await small.close();
		}
	});
});
