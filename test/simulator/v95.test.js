'use strict';
/** The simulator as GOWA v9.5 (default) and as v9.2 (`version: '9.2'`, CLI `--version 9.2`). */

const { OPERATION_IDS, ROUTES, specValidator } = require('../../simulator');
const { parseArgs } = require('../../simulator/cli');
const { call, useSimulator } = require('./support');

const nextPath = specValidator.findNextSpecPath();
const describeNext = nextPath ? describe : describe.skip;
if (!nextPath) console.warn(`simulator v9.5 tests skipped: ${specValidator.NEXT_SPEC_HINT}`);

const at = (ms) => new Date(Date.now() + ms).toISOString();

describeNext('GOWA v9.5 simulator', () => {
	const ctx = useSimulator();
	const spec = nextPath ? specValidator.loadSpec(nextPath) : undefined;

	it('has a route for each of the 89 non-chatwoot operations of the v9.5 spec, at the documented method + path', () => {
		const documented = specValidator.listOperations(spec).filter((operation) => !operation.tags.includes('chatwoot'));
		expect(documented).toHaveLength(89);
		const routed = new Set(OPERATION_IDS);
		expect(documented.filter((operation) => !routed.has(operation.operationId)).map((operation) => operation.operationId)).toEqual([]);
		for (const route of ROUTES) expect(specValidator.findOperation(spec, route.method, route.path.replace(/:([a-z_]+)/g, '1'))?.operationId).toBe(route.operationId);
	});

	it('announces scheduled sends in /app/info', async () => {
		const info = await call(ctx.sim, 'GET', '/app/info');
		expect(info.json.results).toMatchObject({ version: 'v9.5.0', scheduled_sends: true });
	});

	it.each([
		[{ scheduled_at: at(3600e3) }, 'timezone: cannot be blank'],
		[{ scheduled_at: at(-1000), timezone: 'Asia/Jakarta' }, 'scheduled_at: must be in the future'],
		[{ scheduled_at: at(3600e3), timezone: 'Nowhere/City' }, 'timezone: unknown time zone Nowhere/City'],
		[{ scheduled_at: at(3600e3), timezone: 'UTC', recurrence: 'weekly' }, 'weekdays: required when recurrence is weekly'],
		[{ scheduled_at: at(3600e3), timezone: 'UTC', recurrence: 'monthly' }, 'day_of_month: required when recurrence is monthly (1-31)'],
		[{ scheduled_at: at(3600e3), timezone: 'UTC', occurrence_limit: 2 }, 'end_at and occurrence_limit apply to recurring schedules only'],
		[{ scheduled_at: at(3600e3), timezone: 'UTC', recurrence: 'daily', end_at: at(60e3) }, 'end_at: must be after scheduled_at'],
		[{ timezone: 'UTC' }, 'scheduled_at: cannot be blank when schedule fields are set'],
	])('rejects schedule fields %j with 400 (rules the spec states only in descriptions)', async (fields, message) => {
		const response = await call(ctx.sim, 'POST', '/send/message', { json: { phone: '6289876543210', message: 'x', ...fields } });
		expect([response.status, response.json]).toEqual([400, { code: 'VALIDATION_ERROR', message }]);
	});

	it('rejects schedule fields on chat presence', async () => {
		const response = await call(ctx.sim, 'POST', '/send/chat-presence', { json: { phone: '6289876543210', action: 'start', scheduled_at: at(3600e3), timezone: 'UTC' } });
		expect(response.status).toBe(400);
	});

	it('schedules a multipart send with repeated weekdays; the life cycle runs, pauses and cancels', async () => {
		const response = await call(ctx.sim, 'POST', '/send/link', {
			form: { phone: '6289876543210', link: 'https://salon.example', caption: 'Weekly', scheduled_at: at(3600e3), timezone: 'Asia/Jakarta', recurrence: 'weekly', weekdays: ['1', '3'], occurrence_limit: '2' },
		});
		expect(response.status).toBe(200);
		expect(response.json.results).not.toHaveProperty('message_id');
		const id = response.json.results.schedule_id;
		expect(ctx.sim.requests.at(-1).validation.spec.valid).toBe(true);
		const [ran] = ctx.sim.runDueSchedules(Date.now() + 2 * 3600e3).filter((schedule) => schedule.id === id);
		expect(ran).toMatchObject({ status: 'active', occurrence_count: 1, weekdays: [1, 3] });
		expect((await call(ctx.sim, 'POST', `/send/schedules/${id}/resume`)).status).toBe(400);
		expect((await call(ctx.sim, 'POST', `/send/schedules/${id}/pause`)).status).toBe(200);
		expect((await call(ctx.sim, 'POST', `/send/schedules/${id}/cancel`)).status).toBe(200);
		expect((await call(ctx.sim, 'POST', `/send/schedules/${id}/cancel`)).status).toBe(400);
		expect((await call(ctx.sim, 'GET', `/send/schedules/${id}`)).json.results).toMatchObject({ status: 'cancelled', occurrence_count: 1 });
		expect((await call(ctx.sim, 'GET', '/send/schedules?limit=101')).status).toBe(400);
	});

	it('the last allowed occurrence completes the schedule', async () => {
		const response = await call(ctx.sim, 'POST', '/send/message', { json: { phone: '6289876543210', message: 'x', scheduled_at: at(60e3), timezone: 'UTC', recurrence: 'daily', occurrence_limit: 1 } });
		const id = response.json.results.schedule_id;
		expect(ctx.sim.runDueSchedules(Date.now() + 120e3).find((schedule) => schedule.id === id)).toMatchObject({ status: 'completed', occurrence_count: 1 });
		expect(ctx.sim.schedulesOf().find((schedule) => schedule.id === id)).not.toHaveProperty('next_run_at');
	});
});

describe('the simulator started as GOWA v9.2', () => {
	const ctx = useSimulator({ version: '9.2' });

	it('reports v9.2.0 without scheduled_sends, 404s the v9.5 routes and ignores schedule fields (sends at once)', async () => {
		const info = await call(ctx.sim, 'GET', '/app/info');
		expect(info.json.results.version).toBe('v9.2.0');
		expect(info.json.results).not.toHaveProperty('scheduled_sends');
		expect((await call(ctx.sim, 'GET', '/send/schedules')).status).toBe(404);
		expect((await call(ctx.sim, 'POST', '/message/ABC/played', { json: { phone: '6289876543210' } })).status).toBe(404);
		const sent = await call(ctx.sim, 'POST', '/send/message', { json: { phone: '6289876543210', message: 'x', scheduled_at: at(3600e3), timezone: 'UTC' } });
		expect(sent.json.results.message_id).toMatch(/^3EB0/);
	});

	it('--version 9.2 on the command line', () => {
		expect(parseArgs(['--version', '9.2']).version).toBe('9.2');
	});
});
