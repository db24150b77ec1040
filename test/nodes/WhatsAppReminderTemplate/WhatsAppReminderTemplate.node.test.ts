/**
 * The node inside n8n's real engine (test/harness): parameter defaults and expressions resolved by n8n, the
 * workflow's time zone, continue-on-fail, pairedItem, and the output mapped straight into Send → Send Text.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import type { TestItem } from '../../harness';
import { describeContract, expectContract, runNode, runWorkflow, useSimulator } from '../../harness';

const NODE = 'whatsAppReminderTemplate';
/** The run happens at Sunday 22 Nov 2026 14:05 WIB; the 24 h reminder of a Monday 14:00 booking is due. */
const RUN_AT = '2026-11-22T07:05:40Z';

const bookingItem = (overrides: Record<string, unknown> = {}): TestItem => ({
	json: {
		customerName: 'Ibu Siti Rahma',
		phone: '0812-3456-7890',
		service: 'Hair Spa',
		staff: 'Rina',
		startTime: '2026-11-23 14:00',
		durationMinutes: 90,
		location: 'Jl. Kemang Raya No. 10, Jakarta',
		businessName: 'Salon Ayu',
		bookingId: 'BK-1024',
		bookingLink: 'https://book.example.com/b/BK-1024',
		language: 'id',
		...overrides,
	},
});

const reminderParameters = (options: Record<string, unknown> = {}): INodeParameters => ({
	kind: 'reminder',
	options: { defaultCountryCode: '62', referenceTime: RUN_AT, ...options },
});

const jakarta = { timezone: 'Asia/Jakarta' };

describe('WhatsApp Reminder Template in the engine', () => {
	it('maps $json fields by default, uses the workflow time zone and pairs each message with its booking', async () => {
		const result = await runNode({
			nodeType: NODE,
			parameters: reminderParameters(),
			items: [bookingItem(), bookingItem({ bookingId: 'BK-2048', phone: '+62 811 2222 3333', language: 'en', customerName: 'Budi' })],
			settings: jakarta,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.bookingId, item.json.sendTime, item.json.due, item.pairedItem])).toEqual([
			['BK-1024', '24 hours before start', true, { item: 0 }],
			['BK-1024', '2 hours before start', false, { item: 0 }],
			['BK-2048', '24 hours before start', true, { item: 1 }],
			['BK-2048', '2 hours before start', false, { item: 1 }],
		]);
		expect(result.items[0].json).toMatchObject({
			phone: '6281234567890',
			recipient: '6281234567890@s.whatsapp.net',
			timeZone: 'Asia/Jakarta',
			sendAt: '2026-11-22T07:00:00.000Z',
			sendAtLocal: '2026-11-22T14:00:00.000+07:00',
		});
		expect(result.items[0].json.message).toContain('Halo Kak Siti 👋');
		expect(result.items[2].json.message).toContain('Hi Budi 👋');
		expect(result.items[2].json.message).toContain('*Time:* 2:00–3:30 PM WIB');
	});

	it('takes a booking’s own time zone over the workflow’s', async () => {
		const result = await runNode({
			nodeType: NODE,
			parameters: reminderParameters(),
			items: [bookingItem({ timeZone: 'Asia/Makassar', startTime: '2026-11-23 15:00' })],
			settings: jakarta,
		});
		expect(result.items[0].json).toMatchObject({ timeZone: 'Asia/Makassar', sendAtLocal: '2026-11-22T15:00:00.000+08:00', due: true });
		expect(result.items[0].json.message).toContain('*Jam:* 15.00–16.30 WITA');
	});

	it('resolves expressions in every field and renders a custom template without evaluating it', async () => {
		const result = await runNode({
			nodeType: NODE,
			parameters: {
				kind: 'confirmation',
				template: 'custom',
				customTemplate: 'Halo {{firstName}}, booking *{{service}}* {{date}} jam {{time}}. Kode: {{promo}}',
				customerName: '={{ $json.client.fullName }}',
				phone: '={{ $json.client.wa }}',
				service: '={{ $json.items.map(i => i.name).join(" + ") }}',
				startTime: '={{ $json.slot.start }}',
				timeZone: 'WITA',
				extraVariables: { variables: [{ name: 'promo', value: '={{ $json.promo.toUpperCase() }}' }] },
				options: {},
			},
			items: [
				{
					json: {
						client: { fullName: 'Pak Made Wirawan', wa: '6281338889999' },
						items: [{ name: 'Creambath' }, { name: 'Manicure' }],
						slot: { start: 1795485600 },
						promo: 'hemat10',
					},
				},
			],
			settings: jakarta,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ kind: 'confirmation', due: true, sendTime: 'immediately', phone: '6281338889999' });
		expect(result.items[0].json.message).toBe(
			'Halo Made, booking *Creambath + Manicure* Selasa, 24 November 2026 jam 10.00 WITA. Kode: HEMAT10',
		);
	});

	it('fails the run on a bad item with the field and the item in the message', async () => {
		const result = await runNode({
			nodeType: NODE,
			parameters: reminderParameters(),
			items: [bookingItem(), bookingItem({ timeZone: 'Asia/Bandung' })],
			settings: jakarta,
		});
		expect(result.thrown).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe('"Asia/Bandung" is not a time zone [item 1]');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(result.error?.description).toContain('IANA time zone');
		expect(result.items).toEqual([]);
	});

	it.each([
		['an unknown placeholder', { template: 'custom', customTemplate: 'Hi {{nickname}}' }, {}, 'Custom Template uses {{nickname}}, which is not a variable [item 0]'],
		['a missing variable', { template: 'custom', customTemplate: 'With {{staff}}' }, { staff: '' }, 'The template uses {{staff}}, but Staff is empty [item 0]'],
		['an unparseable start', {}, { startTime: 'besok jam 2' }, 'Start Time "besok jam 2" is not a date and time [item 0]'],
	])('names %s', async (_label, parameters, overrides, message) => {
		const result = await runNode({
			nodeType: NODE,
			parameters: { ...reminderParameters(), ...parameters },
			items: [bookingItem(overrides)],
			settings: jakarta,
		});
		expect(result.error?.message).toBe(message);
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('continues on fail: bad bookings become error items paired with their input, good ones are rendered', async () => {
		const result = await runNode({
			nodeType: NODE,
			parameters: reminderParameters(),
			items: [bookingItem({ phone: '' }), bookingItem({ bookingId: 'BK-2' }), bookingItem({ bookingId: 'BK-3', startTime: 'soon' })],
			continueOnFail: true,
			settings: jakarta,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.pairedItem, item.json.error ?? item.json.sendTime])).toEqual([
			[{ item: 0 }, 'Phone is empty [item 0]'],
			[{ item: 1 }, '24 hours before start'],
			[{ item: 1 }, '2 hours before start'],
			[{ item: 2 }, 'Start Time "soon" is not a date and time [item 2]'],
		]);
		expect(result.items[0].json).toMatchObject({ kind: 'reminder', bookingId: 'BK-1024' });
		expect(result.items[3].json).toMatchObject({ kind: 'reminder', bookingId: 'BK-3' });
		expect(result.items[3].json.errorDescription).toContain('ISO 8601');
	});

	it('uses the review request defaults: 2 hours after the end', async () => {
		const result = await runNode({
			nodeType: NODE,
			parameters: { kind: 'reviewRequest', options: { referenceTime: '2026-11-23T10:30:00Z', defaultCountryCode: '62' } },
			items: [bookingItem({ reviewLink: 'https://g.page/r/salon-ayu/review' })],
			settings: jakarta,
		});
		expect(result.items.map((item) => [item.json.sendTime, item.json.sendAtLocal, item.json.due])).toEqual([
			['2 hours after end', '2026-11-23T17:30:00.000+07:00', true],
		]);
	});
});

describeContract('Reminder Template → WhatsApp MultiDevice Send Text', () => {
	const gowa = useSimulator({ deviceId: 'salon-main' });

	it('Send Text takes each rendered message with plain {{ $json.phone }} / {{ $json.message }} mapping', async () => {
		const run = await runWorkflow(
			{
				nodes: [
					{ name: 'Start', type: 'start', parameters: {} },
					{ name: 'Reminder Template', type: NODE, parameters: reminderParameters() },
					{
						name: 'Send Text',
						type: 'whatsAppMultiDevice',
						parameters: { resource: 'send', operation: 'text', recipient: '={{ $json.phone }}', message: '={{ $json.message }}', options: {} },
						credentials: { whatsAppMultiDeviceApi: { id: '1', name: 'Salon Ayu' } },
					},
				],
				connections: {
					Start: { main: [[{ node: 'Reminder Template', type: 'main', index: 0 }]] },
					'Reminder Template': { main: [[{ node: 'Send Text', type: 'main', index: 0 }]] },
				},
				settings: jakarta,
			},
			{ whatsAppMultiDeviceApi: gowa.credentials() },
			{ items: [bookingItem()] },
		);
		expect(run.error).toBeUndefined();
		const rendered = await run.itemsOf('Reminder Template');
		const sent = await run.itemsOf('Send Text');
		expect(sent).toHaveLength(2);
		const requests = gowa.requests();
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /send/message', 'POST /send/message']);
		for (const [index, request] of requests.entries()) {
			expectContract(request);
			expect(request.json).toMatchObject({ phone: '6281234567890@s.whatsapp.net', message: rendered[index].json.message });
		}
		expect(String((requests[0].json as { message: string }).message)).toContain('*besok*');
	});
});
