'use strict';

const path = require('node:path');
const { specValidator } = require('../../simulator');

const { spec, reason } = specValidator.tryLoadSpec();
const describeWithSpec = spec ? describe : describe.skip;
if (!spec) console.warn(`spec validator tests skipped: ${reason}`);

const json = (method, requestPath, body, extra = {}) => ({
	method,
	path: requestPath,
	headers: { 'content-type': 'application/json' },
	contentType: 'application/json',
	rawBody: Buffer.from(JSON.stringify(body)),
	json: body,
	...extra,
});

describeWithSpec('specValidator', () => {
	it('finds operations by method and path, literal segments first', () => {
		expect(specValidator.findOperation(spec, 'GET', '/group/participants/export').operationId).toBe('exportGroupParticipants');
		expect(specValidator.findOperation(spec, 'POST', '/group/participants').operationId).toBe('addParticipantToGroup');
		const templated = specValidator.findOperation(spec, 'GET', '/chat/6289%40s.whatsapp.net/messages');
		expect(templated.operationId).toBe('getChatMessages');
		expect(templated.params).toEqual({ chat_jid: '6289@s.whatsapp.net' });
		expect(specValidator.findOperation(spec, 'GET', '/nope')).toBeUndefined();
	});

	it('accepts a documented request and reports type errors, missing params and unknown fields', () => {
		expect(specValidator.validateRequest(spec, json('POST', '/send/message', { phone: '6289', message: 'hi' }))).toEqual({
			valid: true,
			errors: [],
			warnings: [],
			operationId: 'sendMessage',
		});
		const wrong = specValidator.validateRequest(spec, json('POST', '/send/message', { phone: 6289, messages: 'typo' }));
		expect(wrong.valid).toBe(false);
		expect(wrong.errors).toEqual(['body/phone must be string']);
		expect(wrong.warnings).toEqual(['body/messages is not documented for sendMessage (the server ignores unknown fields)']);
		const missing = specValidator.validateRequest(spec, { method: 'GET', path: '/user/business-profile', query: {}, headers: {} });
		expect(missing.errors).toEqual(['query.phone is required']);
		const badQuery = specValidator.validateRequest(spec, { method: 'GET', path: '/chats', query: { limit: 'ten' }, headers: {} });
		expect(badQuery.errors).toEqual(['query.limit must be integer']);
		const patch = specValidator.validateRequest(spec, json('PATCH', '/devices/a/webhook', { webhook_secret: 'x' }));
		expect(patch.errors).toEqual(['body/webhook_url is required']);
	});

	it('validates multipart forms with types coerced from strings and file parts', () => {
		const form = (fields, files = {}) => ({
			method: 'POST',
			path: '/send/image',
			headers: {},
			contentType: 'multipart/form-data; boundary=x',
			rawBody: Buffer.from('x'),
			form: { fields, files },
		});
		expect(specValidator.validateRequest(spec, form({ phone: ['6289'], view_once: ['true'], duration: ['86400'] }, { image: { fileName: 'a.png' } })).valid).toBe(true);
		expect(specValidator.validateRequest(spec, form({ phone: ['6289'], view_once: ['yes'] })).errors).toEqual(['body/view_once must be boolean']);
		expect(specValidator.validateRequest(spec, form({ phone: ['6289'], image: ['not-a-file'] })).errors).toEqual([
			'body/image must be a file part (format: binary), got a text field',
		]);
	});

	it('treats JSON on a multipart-documented operation as a warning (the server accepts it)', () => {
		const result = specValidator.validateRequest(spec, json('POST', '/send/image', { phone: '6289', image_url: 'https://x.example/a.jpg' }));
		expect(result.valid).toBe(true);
		expect(result.warnings[0]).toMatch(/Content-Type application\/json is not documented for sendImage/);
		const xml = specValidator.validateRequest(spec, { ...json('POST', '/send/message', {}), contentType: 'text/xml', json: undefined });
		expect(xml.valid).toBe(false);
	});

	it('validates response bodies against the documented schema', () => {
		expect(specValidator.validateResponse(spec, 'appStatus', 200, { code: 'SUCCESS', message: 'x', results: { is_connected: true } }).valid).toBe(true);
		const bad = specValidator.validateResponse(spec, 'appStatus', 200, { code: 'SUCCESS', results: { is_connected: 'yes' } });
		expect(bad.valid).toBe(false);
	});

	it('throws a helpful error when the spec file is missing', () => {
		expect(() => specValidator.loadSpec(path.join(__dirname, 'missing-openapi.yaml'))).toThrow(/docs\/openapi\.yaml/);
		expect(specValidator.tryLoadSpec(path.join(__dirname, 'missing.yaml')).spec).toBeUndefined();
	});
});

describe('simulator without a spec file', () => {
	it('skips spec validation (recording the reason) but still applies the real-server rules', async () => {
		const { startSimulator } = require('../../simulator');
		const sim = await startSimulator({ specPath: path.join(__dirname, 'no-such-openapi.yaml') });
		try {
			const ok = await fetch(`${sim.url}/send/message`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"phone":"6289876543210","message":"x"}' });
			expect(ok.status).toBe(200);
			expect(sim.requests[0].validation.skipped).toMatch(/openapi/);
			const bad = await fetch(`${sim.url}/send/message`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"phone":"0812","message":"x"}' });
			expect(bad.status).toBe(400);
			expect(sim.requests[1].validation.valid).toBe(false);
		} finally {
			await sim.close();
		}
	});
});

describeWithSpec('cold start (spec not cached yet)', () => {
	it('listens at once and validates against the spec once the worker has parsed it', async () => {
		const fs = require('node:fs');
		const os = require('node:os');
		const { startSimulator } = require('../../simulator');
		const copy = path.join(os.tmpdir(), `gowa-openapi-cold-${process.pid}-${Date.now()}.yaml`);
		fs.writeFileSync(copy, `${fs.readFileSync(spec.__file || specValidator.findSpecPath(), 'utf8')}\n# cold-start test ${Date.now()}\n`);
		expect(specValidator.isSpecCached(copy)).toBe(false);
		const sim = await startSimulator({ specPath: copy });
		try {
			expect(sim.specReady).toBeDefined();
			const response = await fetch(`${sim.url}/send/message`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"phone":6289,"message":"x"}' });
			expect(response.status).toBe(500);
			expect(sim.requests[0].validation.spec.errors).toEqual(['body/phone must be string']);
			expect(specValidator.isSpecCached(copy)).toBe(true);
		} finally {
			await sim.close();
			const crypto = require('node:crypto');
			const digest = crypto.createHash('sha256').update(fs.readFileSync(copy)).digest('hex').slice(0, 32);
			fs.rmSync(path.join(os.tmpdir(), `gowa-simulator-spec-${digest}.json`), { force: true });
			fs.rmSync(copy, { force: true });
		}
	});
});
