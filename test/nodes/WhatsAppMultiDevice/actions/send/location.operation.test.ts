import { describeContract } from '../../../../harness';
import { JID, PHONE, expectContinueOnFail, expectRejected, expectSendRequest, expectSent, setupSendKit } from './sendKit';

describeContract('Send → Location (POST /send/location)', () => {
	const kit = setupSendKit();

	test('latitude and longitude go out as strings (a JSON number is a bind error on the real server)', async () => {
		expectSent(await kit.send('location', { recipient: '={{ $json.phone }}', latitude: -8.6705, longitude: 115.2126, options: {} }));
		const request = kit.only();
		expectSendRequest(request, '/send/location');
		expect(request.json).toEqual({ phone: JID, latitude: '-8.6705', longitude: '115.2126' });
	});

	test('coordinates from expressions (strings), the poles and the date line, every option', async () => {
		const result = await kit.send('location', { recipient: PHONE, latitude: '={{ $json.lat }}', longitude: '={{ $json.lng }}', options: { duration: 86400, isForwarded: true } }, [
			{ json: { lat: ' -90 ', lng: '180' } },
		]);
		expectSent(result);
		const request = kit.only();
		expectSendRequest(request, '/send/location');
		expect(request.json).toEqual({ phone: JID, latitude: '-90', longitude: '180', duration: 86400, is_forwarded: true });
	});

	describe('bad input fails before any request', () => {
		test.each([
			[95, 10, 'Latitude must be a number from -90 to 90, not "95"'],
			[-90.5, 10, 'Latitude must be a number from -90 to 90, not "-90.5"'],
			[10, 181, 'Longitude must be a number from -180 to 180, not "181"'],
		])('latitude %s, longitude %s', async (latitude, longitude, message) => {
			expectRejected(kit, await kit.send('location', { recipient: PHONE, latitude, longitude, options: {} }), message);
		});

		test('not a number', async () => {
			const result = await kit.send('location', { recipient: PHONE, latitude: '={{ $json.lat }}', longitude: 1, options: {} }, [{ json: { lat: 'north' } }]);
			expectRejected(kit, result, 'Latitude must be a number from -90 to 90, not "north"');
		});

		test('invalid phone', async () => {
			expectRejected(kit, await kit.send('location', { recipient: 'x', latitude: 1, longitude: 1, options: {} }), /^Recipient: /);
		});
	});

	test('continue on fail', async () => {
		await expectContinueOnFail(
			kit,
			'location',
			{ recipient: PHONE, latitude: '={{ $json.lat }}', longitude: 115, options: {} },
			[{ json: { lat: 95 } }, { json: { lat: -8.5 } }, { json: { lat: 'x' } }],
			/^Latitude must be a number/,
		);
		expect(kit.only().json).toMatchObject({ latitude: '-8.5', longitude: '115' });
	});
});
