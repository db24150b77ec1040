/**
 * The WhatsApp Cloud router: every item is validated before the first request (bad input gets a clear error before
 * anything is sent), and each parameter of each item is resolved once (the validation pass and the send share it).
 */

import { CUSTOMER, describeCloudContract, expectRejectedBeforeSending, openWindow, useCloudSimulator } from '../cloudKit';
import { countParameterResolutions } from '../../shared/resolutionCounter';

describeCloudContract('WhatsApp Cloud: validation before the first request', () => {
	const kit = useCloudSimulator();
	const rows = [{ to: CUSTOMER }, { to: CUSTOMER }, { to: 'not a phone' }, { to: CUSTOMER }];
	const sendText = { resource: 'message', operation: 'send', recipient: '={{ $json.to }}', messageType: 'text', textBody: '={{ "Reminder for " + $json.to }}', sending: { parallelRequests: 1 } };

	beforeEach(async () => {
		await openWindow(kit);
	});
	afterEach(() => jest.restoreAllMocks());

	test('without Continue On Fail, an invalid row 2 fails the node and nothing is sent', async () => {
		const result = await kit.run(sendText, rows.map((json) => ({ json })));
		expectRejectedBeforeSending(kit, result, /^Recipient/, 2);
	});

	test('with Continue On Fail, the invalid row is an error item and the valid rows are sent', async () => {
		const result = await kit.run(sendText, rows.map((json) => ({ json })), { continueOnFail: true });
		expect(result.items.map((item) => item.json.status)).toEqual(['sent', 'sent', 'failed', 'sent']);
		expect(result.items.map((item) => item.pairedItem)).toEqual(rows.map((_, item) => ({ item })));
		expect(kit.requests().filter((request) => request.graphPath === `/${kit.sim.phoneNumberId}/messages`)).toHaveLength(3);
	});

	test('with Check All Items First off, sending starts at once: the rows before the invalid row are sent', async () => {
		const result = await kit.run({ ...sendText, sending: { parallelRequests: 1, checkAllItemsFirst: false } }, rows.map((json) => ({ json })));
		expect(result.error?.message).toMatch(/^Recipient/);
		expect(result.error?.context?.itemIndex).toBe(2);
		expect(kit.requests().filter((request) => request.graphPath === `/${kit.sim.phoneNumberId}/messages`)).toHaveLength(2);
	});

	test('each expression of each item is resolved once for the validation pass and the send', async () => {
		const resolved = countParameterResolutions();
		const valid = [rows[0], rows[1]];
		const result = await kit.run(sendText, valid.map((json) => ({ json })));
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.status)).toEqual(['sent', 'sent']);
		for (let item = 0; item < valid.length; item++) {
			expect(resolved.get(`recipient#${item}`)).toBe(1);
			expect(resolved.get(`textBody#${item}`)).toBe(1);
		}
	});
});
