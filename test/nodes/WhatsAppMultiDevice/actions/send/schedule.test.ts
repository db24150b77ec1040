/**
 * Schedule options of the sends (GOWA v9.5 scheduled sends) against the simulator as v9.5 and as v9.2: exact fields
 * (JSON and multipart), the "scheduled" outcome, /app/info read once per run, and an older server refused before
 * anything is sent.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { RecordedRequest, RunResult, TestItem } from '../../../../harness';
import { bodyOf, describeContractNext, expectContract, runNode, runWorkflow, startSink, useSimulator } from '../../../../harness';
import { JPEG, withFile } from './fixtures';

const AUTH = { username: 'salon-admin', password: 'Schedule-Pw-95' };
const JID = '6281122223333@s.whatsapp.net';
const tomorrowAt9 = '={{ $now.setZone("Asia/Jakarta").plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toISO() }}';

function kitFor(version: '9.5' | '9.2') {
	const gowa = useSimulator({ auth: AUTH, basePath: '/gowa', version, deviceId: 'salon-main', defaultCountryCode: '62' });
	const run = async (parameters: INodeParameters, items: TestItem[] = [{ json: { phone: '+62 811-2222-3333' } }], continueOnFail = false): Promise<RunResult> =>
		await runNode({ parameters: { resource: 'send', recipient: '={{ $json.phone }}', ...parameters }, items, credentials: gowa.credentials(), continueOnFail });
	const requests = (path?: string): RecordedRequest[] => gowa.requests().filter((request) => path === undefined || request.path === path);
	return { gowa, run, requests };
}

describeContractNext('Send with Schedule options on a GOWA v9.5 server', () => {
	const kit = kitFor('9.5');

	test('Send Text scheduled weekly: exact JSON fields, output status scheduled with the schedule id (no message id)', async () => {
		const result = await kit.run({
			operation: 'text',
			message: 'Class reminder',
			options: { scheduleAt: tomorrowAt9, scheduleTimeZone: 'Asia/Jakarta', scheduleRepeat: 'weekly', scheduleWeekdays: [4, 1], scheduleLimit: 8 },
		});
		expect(result.error).toBeUndefined();
		const [send] = kit.requests('/send/message');
		expectContract(send, '9.5');
		const json = send.json as Record<string, unknown>;
		expect(Object.keys(json).sort()).toEqual(['message', 'occurrence_limit', 'phone', 'recurrence', 'scheduled_at', 'timezone', 'weekdays']);
		expect(json).toMatchObject({ phone: JID, message: 'Class reminder', timezone: 'Asia/Jakarta', recurrence: 'weekly', weekdays: [1, 4], occurrence_limit: 8 });
		expect(json.scheduled_at).toMatch(/^\d{4}-\d\d-\d\dT09:00:00\+07:00$/);
		const [schedule] = kit.gowa.sim.schedulesOf() as Array<Record<string, unknown>>;
		expect(result.items).toEqual([
			{
				json: { status: 'scheduled', provider: 'gowa', tenant: 'salon-main', scheduleId: schedule.id, scheduledAt: schedule.scheduled_at, nextRunAt: schedule.next_run_at, recipient: JID, attempts: 1, serverStatus: expect.stringMatching(/^Message scheduled/) },
				pairedItem: { item: 0 },
			},
		]);
		expect(result.items[0].json).not.toHaveProperty('messageId');
		expect(schedule).toMatchObject({ status: 'active', message_type: 'text', recurrence: 'weekly', weekdays: [1, 4], occurrence_limit: 8, phone: JID });
	});

	test('the server sends it when due: GOWA’s worker puts the message into chat storage, the schedule goes on weekly', async () => {
		const result = await kit.run({ operation: 'text', message: 'Due later', options: { scheduleAt: tomorrowAt9, scheduleRepeat: 'daily', scheduleLimit: 2 } });
		const scheduleId = result.items[0].json.scheduleId as string;
		const ran = kit.gowa.sim.runDueSchedules(Date.now() + 2 * 86_400_000) as Array<Record<string, unknown>>;
		const mine = ran.find((schedule) => schedule.id === scheduleId);
		expect(mine).toMatchObject({ occurrence_count: 1, status: 'active', last_message_id: expect.stringMatching(/^3EB0/) });
	});

	test('Send Image scheduled monthly with caption mentions: multipart fields, weekdays/mentions as repeated fields', async () => {
		const result = await kit.run(
			{
				operation: 'image',
				source: 'binary',
				binaryPropertyName: 'data',
				caption: 'Promo for @6281234567890',
				options: { mentions: ['0812-3456-7890', '@everyone'], scheduleAt: tomorrowAt9, scheduleTimeZone: 'Asia/Jakarta', scheduleRepeat: 'monthly', scheduleDayOfMonth: 31 },
			},
			[withFile(JPEG, 'image/jpeg', 'promo.jpg', { phone: '+62 811-2222-3333' })],
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.status).toBe('scheduled');
		const [send] = kit.requests('/send/image');
		expectContract(send, '9.5');
		const { fields } = bodyOf(send);
		expect(fields).toMatchObject({ mentions: ['6281234567890', '@everyone'], recurrence: 'monthly', day_of_month: '31', timezone: 'Asia/Jakarta' });
	});

	test('three items: /app/info is read once, then three scheduled sends', async () => {
		const items = ['+62 811-2222-3333', '+62 811-2222-4444', '+62 811-2222-5555'].map((phone) => ({ json: { phone } }));
		const result = await kit.run({ operation: 'text', message: 'x', options: { scheduleAt: tomorrowAt9 } }, items);
		expect(result.items.map((item) => item.json.status)).toEqual(['scheduled', 'scheduled', 'scheduled']);
		expect(kit.requests('/app/info')).toHaveLength(1);
		expect(kit.requests('/send/message')).toHaveLength(3);
	});

	test('two WhatsApp nodes in one execution share one /app/info read; the next execution reads it again', async () => {
		const node = (name: string, message: string) => ({
			name,
			type: 'whatsAppMultiDevice',
			parameters: { resource: 'send', operation: 'text', recipient: '+62 811-2222-3333', message, options: { scheduleAt: tomorrowAt9 } },
			credentials: { whatsAppMultiDeviceApi: { id: '1', name: 'tenant' } },
		});
		const workflow = {
			nodes: [{ name: 'Start', type: 'start', parameters: {} }, node('Reminder', '24 h'), node('Second Reminder', '2 h')],
			connections: {
				Start: { main: [[{ node: 'Reminder', type: 'main' as const, index: 0 }]] },
				Reminder: { main: [[{ node: 'Second Reminder', type: 'main' as const, index: 0 }]] },
			},
		};
		for (let execution = 1; execution <= 2; execution++) {
			const run = await runWorkflow(workflow, { whatsAppMultiDeviceApi: kit.gowa.credentials() });
			expect((await run.itemsOf('Second Reminder')).map((item) => item.json.status)).toEqual(['scheduled']);
			expect(kit.requests('/app/info')).toHaveLength(execution);
		}
		expect(kit.requests('/send/message')).toHaveLength(4);
	});

	test('a send without Schedule options does not ask /app/info and is sent now', async () => {
		const result = await kit.run({ operation: 'text', message: 'now', options: {} });
		expect(result.items[0].json).toMatchObject({ status: 'sent', messageId: expect.stringMatching(/^3EB0/) });
		expect(kit.gowa.requests().map((request) => request.path)).toEqual(['/send/message']);
	});

	test('a bad combination fails the item before any request (not even /app/info)', async () => {
		const result = await kit.run({ operation: 'text', message: 'x', options: { scheduleAt: tomorrowAt9, scheduleRepeat: 'weekly' } });
		expect(result.error?.message).toBe('Schedule Weekdays is empty but Schedule Repeat is weekly');
		expect(result.error?.description).toMatch(/Nothing was sent/);
		expect(kit.gowa.requests()).toHaveLength(0);
	});
});

describeContractNext('Send with Schedule options on a GOWA v9.2 server', () => {
	const kit = kitFor('9.2');

	test.each([
		['text', { message: 'x', options: { scheduleAt: tomorrowAt9 } }, 'scheduled sends need'],
		['location', { latitude: '-8.72', longitude: '115.17', options: { scheduleAt: tomorrowAt9 } }, 'scheduled sends need'],
	])('Send %s scheduled: the item fails with the server version, nothing is sent', async (operation, parameters, feature) => {
		const result = await kit.run({ operation, ...parameters } as INodeParameters);
		expect(result.error?.message).toBe(`this GOWA server is v9.2.0; ${feature} v9.5 or newer`);
		expect(result.error?.description).toMatch(/^Nothing was sent\. Update GOWA on 127\.0\.0\.1:\d+ to v9\.5 or newer/);
		expect(kit.gowa.requests().map((request) => request.path)).toEqual(['/app/info']);
	});

	test('caption mentions on v9.2 (which would drop them) fail the item before the upload', async () => {
		const result = await kit.run(
			{ operation: 'file', source: 'binary', binaryPropertyName: 'data', caption: 'Invoice', options: { mentions: ['0812-3456-7890'] } },
			[withFile(JPEG, 'image/jpeg', 'invoice.jpg', { phone: '+62 811-2222-3333' })],
		);
		expect(result.error?.message).toBe('this GOWA server is v9.2.0; mentions in image, file and video captions need v9.5 or newer');
		expect(kit.gowa.requests().map((request) => request.path)).toEqual(['/app/info']);
	});

	test('Continue On Fail: scheduled items become error items, the same run’s immediate sends still work on v9.2', async () => {
		const result = await kit.run(
			{ operation: 'text', message: 'x', options: { scheduleAt: '={{ $json.at }}' } },
			[{ json: { phone: '+62 811-2222-3333', at: '2099-01-01T09:00:00+07:00' } }, { json: { phone: '+62 811-2222-3333', at: '' } }],
			true,
		);
		expect(result.items.map((item) => [item.json.status, item.pairedItem])).toEqual([
			['failed', { item: 0 }],
			['sent', { item: 1 }],
		]);
		expect(kit.requests('/send/message')).toHaveLength(1);
	});
});

describe('Scheduled sends: servers that cannot or do not schedule', () => {
	test('GOWA v8 (no /app/info): "v8 or older", nothing sent', async () => {
		const sink = await startSink((request) => (request.url.endsWith('/app/info') ? { status: 404, body: 'Cannot GET /app/info' } : { status: 200, body: { code: 'SUCCESS', results: { message_id: 'X' } } }));
		try {
			const result = await runNode({
				parameters: { resource: 'send', operation: 'text', recipient: '6281122223333', message: 'x', options: { scheduleAt: '2099-01-01T09:00:00+07:00' } },
				credentials: { baseUrl: sink.url, username: 'u', password: 'p' },
			});
			expect(result.error?.message).toBe('this GOWA server is v8 or older (it has no /app/info); scheduled sends need v9.5 or newer');
			expect(sink.requests.map((request) => request.url)).toEqual(['/app/info']);
		} finally {
			await sink.close();
		}
	});

	test('a server that announces scheduled sends but answers with a message id: reported as sent at once, not as scheduled', async () => {
		const sink = await startSink((request) =>
			request.url.endsWith('/app/info')
				? { status: 200, body: { code: 'SUCCESS', results: { version: 'v9.5.0', scheduled_sends: true } } }
				: { status: 200, body: { code: 'SUCCESS', message: 'sent', results: { message_id: '3EB0AAAA', status: 'sent' } } },
		);
		try {
			const result = await runNode({
				parameters: { resource: 'send', operation: 'text', recipient: '6281122223333', message: 'x', options: { scheduleAt: '2099-01-01T09:00:00+07:00' } },
				credentials: { baseUrl: sink.url, username: 'u', password: 'p' },
			});
			expect(result.error?.message).toBe('GOWA sent the message at once (message ID 3EB0AAAA) instead of scheduling it');
			expect(result.error?.description).toMatch(/do not send it again/);
			expect(sink.requests.filter((request) => request.url.endsWith('/send/message'))).toHaveLength(1);
		} finally {
			await sink.close();
		}
	});
});
