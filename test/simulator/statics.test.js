'use strict';

const { call, useSimulator } = require('./support');

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('statics: QR codes and downloaded media', () => {
	const ctx = useSimulator({
		basePath: '/gowa',
		auth: { username: 'u', password: 'p' },
		devices: [
			{ id: 'salon-main', jid: '6281234567890@s.whatsapp.net', state: 'logged_in' },
			{ id: 'pairing', state: 'new' },
		],
	});
	const auth = { username: 'u', password: 'p' };

	it('serves the QR of /app/login as a real PNG under {base}/statics/qrcode, without auth', async () => {
		const login = await call(ctx.sim, 'GET', '/app/login', { auth, device: 'pairing' });
		expect(login.status).toBe(200);
		const { qr_link: link, qr_duration: duration, device_id: deviceId } = login.json.results;
		expect(deviceId).toBe('pairing');
		expect(duration).toBe(30);
		expect(link.startsWith(`${ctx.sim.url}/statics/qrcode/scan-qr-`)).toBe(true);
		const response = await fetch(link);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/png');
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
		expect(bytes.readUInt32BE(16)).toBeGreaterThan(100); // IHDR width
		expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
		expect(bytes.subarray(-8, -4).toString('ascii')).toBe('IEND');
	});

	it('builds qr_link from the request Host header like c.Host()', async () => {
		const http = require('node:http');
		const body = await new Promise((resolve, reject) => {
			const request = http.request(
				`${ctx.sim.url}/devices/other/login`,
				{ headers: { Host: 'wa.tenant-a.example', Authorization: `Basic ${Buffer.from('u:p').toString('base64')}` } },
				(response) => {
					const chunks = [];
					response.on('data', (chunk) => chunks.push(chunk));
					response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
				},
			);
			request.on('error', reject);
			request.end();
		});
		expect(body.results.qr_link).toMatch(/^http:\/\/wa\.tenant-a\.example\/gowa\/statics\/qrcode\/scan-qr-.+\.png$/);
	});

	it('answers unknown static files after auth (401 without credentials, then 404)', async () => {
		expect((await call(ctx.sim, 'GET', '/statics/qrcode/missing.png')).status).toBe(401);
		expect((await call(ctx.sim, 'GET', '/statics/qrcode/missing.png', { auth, device: 'salon-main' })).status).toBe(404);
	});

	it('downloads media: file_url under {base}/statics/media serves the bytes with the right type', async () => {
		const bytes = Buffer.from('%PDF-1.7 invoice bytes');
		const stored = ctx.sim.addMessage('salon-main', {
			chatJid: '6289876543210@s.whatsapp.net',
			mediaType: 'document',
			fileName: 'invoice-42.pdf',
			bytes,
			mimeType: 'application/pdf',
			content: 'Invoice',
		});
		const download = await call(ctx.sim, 'GET', `/message/${stored.id}/download?phone=6289876543210`, { auth, device: 'salon-main' });
		expect(download.status).toBe(200);
		const results = download.json.results;
		expect(results).toMatchObject({ message_id: stored.id, media_type: 'document', file_size: bytes.length });
		expect(results.file_path).toMatch(/^statics\/media\/6289876543210\/\d{4}-\d\d-\d\d\/\d+-[0-9a-f-]{36}\.pdf$/);
		expect(results.filename).toBe(results.file_path.split('/').pop());
		expect(results.status).toBe(`Media downloaded successfully to ${results.file_path}`);
		expect(results.file_url).toBe(`${ctx.sim.url}/${results.file_path}`);
		const file = await fetch(results.file_url);
		expect(file.headers.get('content-type')).toBe('application/pdf');
		expect(Buffer.from(await file.arrayBuffer())).toEqual(bytes);
	});

	it('downloads seeded image messages as JPEG', async () => {
		const store = ctx.sim.storeFor(ctx.sim.registry.get('salon-main'));
		const chat = [...store.chats.values()].find((item) => item.hasMedia);
		const image = store.messagesOf(chat.jid).find((message) => message.media_type === 'image');
		const download = await call(ctx.sim, 'GET', `/message/${image.id}/download?phone=${encodeURIComponent(image.chat_jid)}`, { auth, device: 'salon-main' });
		const file = await fetch(download.json.results.file_url);
		expect(file.headers.get('content-type')).toBe('image/jpeg');
		const bytes = Buffer.from(await file.arrayBuffer());
		expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
	});

	it('refuses downloads the real server refuses', async () => {
		const text = ctx.sim.addMessage('salon-main', { chatJid: '6289876543210@s.whatsapp.net', content: 'just text' });
		const noMedia = await call(ctx.sim, 'GET', `/message/${text.id}/download?phone=6289876543210`, { auth, device: 'salon-main' });
		expect(noMedia.json).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: `message ${text.id} does not contain downloadable media` });
		const unknown = await call(ctx.sim, 'GET', '/message/3EB0FFFFFFFFFFFFFFFFFF/download?phone=6289876543210', { auth, device: 'salon-main' });
		expect(unknown.json.message).toBe('message with ID 3EB0FFFFFFFFFFFFFFFFFF not found');
		const noPhone = await call(ctx.sim, 'GET', `/message/${text.id}/download`, { auth, device: 'salon-main' });
		expect(noPhone.json).toEqual({ code: 'VALIDATION_ERROR', message: 'phone: cannot be blank.' });
	});
});
