/** Scheduled Send resource (GOWA v9.5 /send/schedules*) against the simulator as v9.5 and as v9.2. */
import type { INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../../../../harness';
import { describeContractNext, expectContract, runNode, useSimulator } from '../../../../harness';

const AUTH = { username: 'salon-admin', password: 'Schedules-Pw-95' };

function kitFor(version: '9.5' | '9.2') {
	const gowa = useSimulator({ auth: AUTH, basePath: '/gowa', version, deviceId: 'salon-main', defaultCountryCode: '62' });
	const run = async (resource: string, parameters: INodeParameters, continueOnFail = false): Promise<RunResult> =>
		await runNode({ parameters: { resource, ...parameters }, credentials: gowa.credentials(), continueOnFail });
	/** Schedules `count` text sends through the node; returns their schedule ids. */
	const schedule = async (count: number, text = 'Reminder'): Promise<string[]> => {
		const items = Array.from({ length: count }, (_, index) => ({ json: { phone: `+62 811-2222-${String(1000 + index)}`, at: new Date(Date.now() + (index + 1) * 3_600_000).toISOString() } }));
		const result = await runNode({
			parameters: { resource: 'send', operation: 'text', recipient: '={{ $json.phone }}', message: `=${text} {{ $itemIndex }}`, options: { scheduleAt: '={{ $json.at }}', scheduleTimeZone: 'Asia/Jakarta' } },
			items,
			credentials: gowa.credentials(),
		});
		expect(result.error).toBeUndefined();
		return result.items.map((item) => item.json.scheduleId as string);
	};
	return { gowa, run, schedule };
}

describeContractNext('Scheduled Send on a GOWA v9.5 server', () => {
	const kit = kitFor('9.5');

	test('Get Many with Return All pages 100 at a time through 130 schedules; soonest first', async () => {
		const ids = await kit.schedule(130);
		kit.gowa.sim.clearRequests();
		const result = await kit.run('scheduledSend', { operation: 'getAll', returnAll: true, filters: {} });
		expect(result.items.map((item) => item.json.id)).toEqual(ids);
		const pages = kit.gowa.requests().filter((request) => request.path === '/send/schedules');
		expect(pages.map((request) => [request.query.limit, request.query.offset])).toEqual([
			['100', '0'],
			['100', '100'],
		]);
		for (const request of pages) expectContract(request, '9.5');
	});

	test('Get Many: filters go to GOWA as status, message_type and search; Limit stops early', async () => {
		await kit.schedule(3, 'Booking BK-7');
		kit.gowa.sim.clearRequests();
		const result = await kit.run('scheduledSend', { operation: 'getAll', returnAll: false, limit: 2, filters: { status: 'active', messageType: 'text', search: 'BK-7' } });
		expect(result.items).toHaveLength(2);
		const [request] = kit.gowa.requests().filter((candidate) => candidate.path === '/send/schedules');
		expect(request.query).toEqual({ status: 'active', message_type: 'text', search: 'BK-7', limit: '2', offset: '0' });
		expectContract(request, '9.5');
	});

	test('Get, Pause, Resume, Cancel: the life cycle of one schedule', async () => {
		const [id] = await kit.schedule(1);
		const step = async (operation: string) => (await kit.run('scheduledSend', { operation, scheduleId: id })).items[0]?.json;
		expect(await step('get')).toMatchObject({ id, status: 'active', message_type: 'text', timezone: 'Asia/Jakarta' });
		expect(await step('pause')).toEqual({ success: true, scheduleId: id, status: 'paused', serverStatus: 'Schedule paused' });
		expect(kit.gowa.sim.schedulesOf().find((schedule: { id: string }) => schedule.id === id)).toMatchObject({ status: 'paused' });
		expect(await step('resume')).toMatchObject({ scheduleId: id, status: 'active' });
		expect(await step('cancel')).toMatchObject({ scheduleId: id, status: 'cancelled' });
		const cancelledAgain = await kit.run('scheduledSend', { operation: 'cancel', scheduleId: id });
		expect(cancelledAgain.error?.message).toMatch(/schedule is cancelled and cannot be cancelled/);
		for (const request of kit.gowa.requests().filter((candidate) => candidate.path.startsWith('/send/schedules/'))) {
			if (request.response?.status === 200) expectContract(request, '9.5');
		}
	});

	test('an unknown (or another device’s) schedule id is GOWA’s 404, named in the error', async () => {
		const result = await kit.run('scheduledSend', { operation: 'get', scheduleId: '0b5c3a8e-7f5d-4d6f-9d1e-2f8c1a7b9e10' });
		expect(result.error?.message).toMatch(/schedule 0b5c3a8e-7f5d-4d6f-9d1e-2f8c1a7b9e10 not found/);
	});

	test('an empty or malformed Schedule ID fails before any request', async () => {
		for (const scheduleId of ['', 'a/b']) {
			kit.gowa.sim.clearRequests();
			const result = await kit.run('scheduledSend', { operation: 'pause', scheduleId });
			expect(result.error?.message).toMatch(/Schedule ID/);
			expect(kit.gowa.requests()).toHaveLength(0);
		}
	});
});

describeContractNext('Scheduled Send on a GOWA v9.2 server', () => {
	const kit = kitFor('9.2');

	test.each(['getAll', 'get', 'pause', 'resume', 'cancel'])('%s fails with the server version, only /app/info was asked', async (operation) => {
		const result = await kit.run('scheduledSend', { operation, scheduleId: '0b5c3a8e-7f5d-4d6f-9d1e-2f8c1a7b9e10', returnAll: true, filters: {} });
		expect(result.error?.message).toBe('this GOWA server is v9.2.0; scheduled sends need v9.5 or newer');
		expect(kit.gowa.requests().map((request) => request.path)).toEqual(['/app/info']);
	});
});
