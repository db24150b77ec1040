import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from '../session/accountKit';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describeContract('Device → Log In With QR Code (GET /devices/{device_id}/login)', () => {
	const kit = setupAccountKit();

	test('QR PNG as binary (default field "data"), JSON with qr_link and qr_duration', async () => {
		const result = await kit.run('device', 'login', { device: 'fresh-slot', binaryPropertyName: 'data' });
		expectOk(result);
		const [login, download] = kit.gowa.requests();
		expect(kit.gowa.requests()).toHaveLength(2);
		expectRequest(login, 'GET', '/devices/fresh-slot/login', 'loginDevice');
		expect(download.rawPath).toMatch(/^\/gowa\/statics\/qrcode\/scan-qr-[0-9a-f-]+\.png$/);
		expect(result.items[0].json).toEqual({ device_id: 'fresh-slot', qr_link: expect.stringMatching(/\/gowa\/statics\/qrcode\/scan-qr-/), qr_duration: 30 });
		const binary = result.items[0].binary?.data;
		expect(binary?.mimeType).toBe('image/png');
		expect(binary?.fileExtension).toBe('png');
		expect(binary?.data.subarray(0, 8)).toEqual(PNG_SIGNATURE);
	});

	test('GOWA builds qr_link from the Host it saw (e.g. behind a proxy): the QR is still fetched from the credential’s server', async () => {
		const sim = kit.gowa.sim as unknown as { failNext(rule: object): void };
		// Answer the login like a GOWA behind a proxy would: a link on another host name (a scripted 200 answer).
		sim.failNext({
			path: '/devices/fresh-slot/login',
			status: 200,
			code: 'SUCCESS',
			message: 'Login success',
			results: { device_id: 'fresh-slot', qr_link: 'https://wa.internal.example:3000/gowa/statics/qrcode/scan-qr-known.png', qr_duration: 30 },
		});
		(kit.gowa.sim as unknown as { putStatic(path: string, bytes: Buffer, type: string): string }).putStatic(
			'statics/qrcode/scan-qr-known.png',
			Buffer.concat([PNG_SIGNATURE, Buffer.alloc(64, 1)]),
			'image/png',
		);
		const result = await kit.run('device', 'login', { device: 'fresh-slot', binaryPropertyName: 'data' });
		expectOk(result);
		const requests = kit.gowa.requests();
		expect(requests.map((request) => request.rawPath)).toEqual(['/gowa/devices/fresh-slot/login', '/gowa/statics/qrcode/scan-qr-known.png']);
		expect(result.items[0].json.qr_link).toBe('https://wa.internal.example:3000/gowa/statics/qrcode/scan-qr-known.png');
		expect(result.items[0].binary?.data.data.length).toBe(72);
		expect(result.items[0].binary?.data.fileName).toBe('scan-qr-known.png');
	});
});
