import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from './accountKit';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describeContract('Session → Log In With QR Code (GET /app/login)', () => {
	const kit = setupAccountKit();

	test('starts the login of the chosen device and outputs the QR code as a PNG binary', async () => {
		const result = await kit.run('session', 'login', { deviceId: 'fresh-slot', binaryPropertyName: 'qr' });
		expectOk(result);
		const [login, download] = kit.gowa.requests();
		expectRequest(login, 'GET', '/app/login', 'appLogin', 'fresh-slot');
		expect(kit.gowa.requests()).toHaveLength(2);
		// The QR PNG is fetched from the qr_link GOWA returned (its public statics path below the base path).
		expect(download.method).toBe('GET');
		expect(download.rawPath).toMatch(/^\/gowa\/statics\/qrcode\/scan-qr-[0-9a-f-]+\.png$/);

		const item = result.items[0];
		expect(item.json).toEqual({ device_id: 'fresh-slot', qr_link: expect.stringContaining('/gowa/statics/qrcode/scan-qr-'), qr_duration: 30 });
		const qr = item.binary?.qr;
		expect(qr?.mimeType).toBe('image/png');
		expect(qr?.fileName).toMatch(/^scan-qr-[0-9a-f-]+\.png$/);
		expect(qr?.data.subarray(0, 8)).toEqual(PNG_SIGNATURE);
		expect(qr?.data.length).toBeGreaterThan(100);
	});

	test('a device that is already paired: GOWA’s ALREADY_LOGGED_IN, explained', async () => {
		const result = await kit.run('session', 'login', { binaryPropertyName: 'data' });
		expect(result.error?.message).toBe('GOWA rejected the request: you are already logged in.');
		expect(kit.gowa.requests()).toHaveLength(1);
	});

	test('an empty output field name fails before any request', async () => {
		const result = await kit.run('session', 'login', { deviceId: 'fresh-slot', binaryPropertyName: ' ' });
		expect(result.error?.message).toBe('Put Output File in Field is empty');
		expect(kit.gowa.requests()).toHaveLength(0);
	});
});
