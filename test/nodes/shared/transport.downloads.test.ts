/**
 * Downloads with the credential only below `{base}/statics/` (issue 16, item 15) and file names with a literal `%`
 * (item 17), at the shared depth: gowaDownload, used by Message → Download Media, the QR login and the trigger.
 */
import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { forgetInProcess } from '../../../nodes/WhatsAppMultiDeviceTrigger/dedup';
import { WhatsAppMultiDeviceTrigger } from '../../../nodes/WhatsAppMultiDeviceTrigger/WhatsAppMultiDeviceTrigger.node';
import type { Sink } from '../../harness';
import { runNode, runWebhook, startSink, useSimulator } from '../../harness';
import { TransportProbe } from '../../support/transportProbe';

const SECRET = 'downloads-secret';
const CHAT = '6289876543210@s.whatsapp.net';
const gowa = useSimulator({
	auth: { username: 'admin', password: 'pw-downloads' },
	basePath: '/gowa',
	devices: [{ id: 'salon-main', jid: '6281100000001@s.whatsapp.net', state: 'logged_in' }],
	webhookSecret: SECRET,
});
const sim = () => gowa.sim as unknown as { putStatic(path: string, bytes: Buffer, type?: string): string; origin: string; port: number };

beforeEach(() => forgetInProcess());

async function download(location: string) {
	return await runNode({ nodeType: TransportProbe, parameters: { download: location }, credentials: gowa.credentials() });
}

/** A signed `message` event of the trigger with Download Media on. */
async function receive(payload: IDataObject) {
	const body = JSON.stringify({ device_id: '6281100000001@s.whatsapp.net', event: 'message', payload: { id: '3EB0HOSTILE', chat_id: CHAT, from: CHAT, is_from_me: false, timestamp: new Date().toISOString(), ...payload }, session_id: 'salon-main' });
	return await runWebhook({
		nodeType: WhatsAppMultiDeviceTrigger,
		parameters: { events: ['message'], deviceId: '', downloadMedia: true, options: {} },
		credentials: gowa.credentials(),
		request: { rawBody: body, headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` } },
	});
}

const apiCalls = () => gowa.requests().filter((request) => !request.path.startsWith('/statics/'));

describe('only files below {base}/statics/ are downloaded (item 15)', () => {
	test.each([
		['app/logout'],
		['/app/logout'],
		['statics/../app/logout'],
		['statics/%2e%2e/app/logout'],
		['statics/..%2Fapp%2Flogout'],
		['statics'],
		['statics/'],
		['./app/logout'],
		['http://127.0.0.1:1/app/logout'],
		['javascript:alert(1)'],
		['file:///etc/passwd'],
	])('%s is refused before any request', async (location) => {
		const result = await download(location);
		expect(result.error?.message).toMatch(/which is not a file below its statics folder$/);
		expect(gowa.requests()).toEqual([]);
	});

	test('the same-origin absolute form of an API route is refused too', async () => {
		const result = await download(`${gowa.url}/app/logout`);
		expect(result.error?.message).toMatch(/not a file below its statics folder/);
		expect(gowa.requests()).toEqual([]);
	});

	test('a statics link on another host is re-rooted onto the Base URL (GOWA behind a proxy)', async () => {
		sim().putStatic('statics/media/a.jpg', Buffer.from('JPEGDATA'), 'image/jpeg');
		const result = await download('https://wa.public-name.example/gowa/statics/media/a.jpg');
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ text: 'JPEGDATA', mimeType: 'image/jpeg', fileName: 'a.jpg' });
	});

	test('trigger: a hostile event "image": "app/logout" makes no API call (device stays logged in)', async () => {
		const hook = await receive({ image: 'app/logout' });
		expect(apiCalls().map((request) => `${request.method} ${request.path}`)).toEqual([]);
		expect(String(hook.thrown?.message ?? JSON.stringify(hook.items))).toMatch(/not a file below its statics folder/);
	});

	test('Message → Download Media: a file_url naming an API route is refused', async () => {
		const sink: Sink = await startSink((request) =>
			request.url.includes('/download')
				? { status: 200, body: { code: 'SUCCESS', message: 'ok', results: { file_url: 'app/logout', media_type: 'image' } } }
				: { status: 200, body: { code: 'SUCCESS', message: 'logged out' } },
		);
		try {
			const result = await runNode({
				parameters: { resource: 'message', operation: 'downloadMedia', chat: '6281234567890', messageId: '3EB0HOSTILE', binaryPropertyName: 'data' },
				credentials: { baseUrl: sink.url, username: 'admin', password: 'pw' },
			});
			expect(sink.requests.map((request) => request.url.split('?')[0])).toEqual(['/message/3EB0HOSTILE/download']);
			expect(result.error?.message).toMatch(/not a file below its statics folder/);
		} finally {
			await sink.close();
		}
	});
});

describe('a literal % in a file name (item 17)', () => {
	test('trigger: a document at statics/media/Diskon 50%.pdf downloads with its name', async () => {
		sim().putStatic('statics/media/Diskon 50%.pdf', Buffer.from('%PDF-1.4 diskon'), 'application/pdf');
		const hook = await receive({ document: 'statics/media/Diskon 50%.pdf' });
		expect(hook.thrown).toBeUndefined();
		const binary = Object.values(hook.items?.[0]?.binary ?? {})[0];
		expect(binary?.fileName).toBe('Diskon 50%.pdf');
		expect(binary?.data.toString()).toBe('%PDF-1.4 diskon');
	});

	test('gowaDownload: raw and encoded forms, and a plain Content-Disposition name with %', async () => {
		sim().putStatic('statics/media/Diskon 50%.pdf', Buffer.from('%PDF-1.4 diskon'), 'application/pdf');
		for (const location of ['statics/media/Diskon 50%.pdf', 'statics/media/Diskon%2050%25.pdf']) {
			const result = await download(location);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ fileName: 'Diskon 50%.pdf', text: '%PDF-1.4 diskon' });
		}
		const sink = await startSink({ status: 200, headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="Diskon 50%.pdf"' }, body: 'pdf' });
		try {
			const result = await runNode({ nodeType: TransportProbe, parameters: { download: 'statics/x' }, credentials: { baseUrl: sink.url } });
			expect(result.items[0].json).toMatchObject({ fileName: 'Diskon 50%.pdf' });
		} finally {
			await sink.close();
		}
	});
});
