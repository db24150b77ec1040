import { createHmac } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWebhook, useSimulator } from '../../harness';
import { forgetInProcess } from '../../../nodes/WhatsAppMultiDeviceTrigger/dedup';
import { findMedia } from '../../../nodes/WhatsAppMultiDeviceTrigger/media';
import { WhatsAppMultiDeviceTrigger } from '../../../nodes/WhatsAppMultiDeviceTrigger/WhatsAppMultiDeviceTrigger.node';

const SECRET = 'media-test-secret';
const CHAT = '6289876543210@s.whatsapp.net';

const gowa = useSimulator({
	auth: { username: 'admin', password: 'pw' },
	basePath: '/gowa',
	devices: [{ id: 'salon-main', jid: '6281100000001@s.whatsapp.net', state: 'logged_in' }],
	webhookSecret: SECRET,
});

function jpeg(size: number): Buffer {
	const bytes = Buffer.alloc(size, 0x5a);
	bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
	bytes.set([0xff, 0xd9], size - 2);
	return bytes;
}

async function receive(payload: IDataObject, options: INodeParameters = { downloadMedia: true }) {
	const { downloadMedia = false, binaryPropertyName = 'data', ...rest } = options;
	const body = JSON.stringify({ device_id: '6281100000001@s.whatsapp.net', event: 'message', payload: { chat_id: CHAT, from: CHAT, is_from_me: false, timestamp: `${new Date().toISOString().slice(0, 19)}Z`, ...payload }, session_id: 'salon-main' });
	return await runWebhook({
		nodeType: WhatsAppMultiDeviceTrigger,
		parameters: { events: ['message'], deviceId: '', downloadMedia, binaryPropertyName, options: rest },
		credentials: gowa.credentials(),
		request: { rawBody: body, headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` } },
	});
}

/** The simulator's helpers this file uses (simulator/simulator.js). */
interface MediaSimulator {
	putStatic(relativePath: string, bytes: Buffer, contentType?: string): string;
	addMessage(deviceId: string, message: IDataObject): IDataObject;
}
const sim = () => gowa.sim as unknown as MediaSimulator;

beforeEach(() => forgetInProcess());

describe('media shapes of GOWA v9 (NOTES §6.4)', () => {
	test('path string, {path, caption}, {url, caption}, {url, filename}; the first media key wins', () => {
		expect(findMedia({ image: 'statics/media/1-a.jpeg' })).toEqual({ kind: 'image', path: 'statics/media/1-a.jpeg' });
		expect(findMedia({ video: { path: 'statics/media/2.mp4', caption: 'Watch' } })).toEqual({ kind: 'video', path: 'statics/media/2.mp4', caption: 'Watch' });
		expect(findMedia({ image: { url: 'https://mmg.whatsapp.net/x', caption: 'Hi' } })).toEqual({ kind: 'image', url: 'https://mmg.whatsapp.net/x', caption: 'Hi' });
		expect(findMedia({ document: { url: 'https://mmg.whatsapp.net/d', filename: 'report.pdf' } })).toEqual({ kind: 'document', url: 'https://mmg.whatsapp.net/d', fileName: 'report.pdf' });
		expect(findMedia({ video_note: 'statics/media/3.mp4' })).toEqual({ kind: 'videoNote', path: 'statics/media/3.mp4' });
		expect(findMedia({ audio: 'statics/media/4.ogg', sticker: 'statics/media/5.webp' })?.kind).toBe('audio');
		expect(findMedia({ body: 'text only', image: '' })).toBeUndefined();
		expect(findMedia({ image: { caption: 'no file' } })).toBeUndefined();
	});
});

describe('Download Media: the file as n8n binary data', () => {
	test('auto-downloaded image (statics path) arrives byte for byte with MIME type and file name', async () => {
		const bytes = jpeg(2048);
		sim().putStatic('statics/media/1752404751-ad9e37ac.jpeg', bytes, 'image/jpeg');
		const result = await receive({ id: 'IMG1', image: 'statics/media/1752404751-ad9e37ac.jpeg' });
		expect(result.items).toHaveLength(1);
		const [item] = result.items;
		expect(item.json.messageType).toBe('image');
		expect(item.json.mediaError).toBeUndefined();
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/jpeg', fileName: '1752404751-ad9e37ac.jpeg' });
		expect(item.binary?.data.data.equals(bytes)).toBe(true);
		// Served below the base path, outside basic auth, like GOWA's {base}/statics.
		const downloads = gowa.requests().filter((request) => request.path === '/statics/media/1752404751-ad9e37ac.jpeg');
		expect(downloads.map((request) => [request.method, request.rawPath, request.response?.status])).toEqual([
			['GET', '/gowa/statics/media/1752404751-ad9e37ac.jpeg', 200],
		]);
	});

	test('document with caption ({path, caption}) into a chosen binary property', async () => {
		const pdf = Buffer.from('%PDF-1.4\n% test invoice\n%%EOF\n');
		sim().putStatic('statics/media/1752404965-invoice.pdf', pdf, 'application/pdf');
		const result = await receive(
			{ id: 'DOC1', body: 'Invoice March', document: { path: 'statics/media/1752404965-invoice.pdf', caption: 'Invoice March' } },
			{ downloadMedia: true, binaryPropertyName: 'invoice' },
		);
		const [item] = result.items;
		expect(item.json.text).toBe('Invoice March');
		expect(item.binary?.invoice).toMatchObject({ mimeType: 'application/pdf', fileName: '1752404965-invoice.pdf' });
		expect(item.binary?.invoice.data.equals(pdf)).toBe(true);
	});

	test('auto-download off ({url, filename}): fetched through GET /message/{id}/download and its file_url', async () => {
		const stored = sim().addMessage('salon-main', { id: 'DOC2', chatJid: CHAT, mediaType: 'document', fileName: 'menu.pdf' });
		expect(stored).toBeDefined();
		const result = await receive({ id: 'DOC2', document: { url: 'https://mmg.whatsapp.net/v/t62/abc.enc', filename: 'menu.pdf' } });
		const [item] = result.items;
		expect(item.json.mediaError).toBeUndefined();
		expect(item.binary?.data.fileName).toBe('menu.pdf');
		expect(item.binary?.data.data.length).toBeGreaterThan(0);
		const call = gowa.requests().find((request) => request.path === '/message/DOC2/download');
		expect(call).toBeDefined();
		expect(call?.query).toMatchObject({ phone: CHAT });
		expect(call?.headers['x-device-id']).toBe('salon-main');
		expect(call?.validation?.valid).toBe(true);
	});

	test('a failed download keeps the event, with mediaError and no binary', async () => {
		const result = await receive({ id: 'IMG404', image: 'statics/media/expired-404.jpeg' });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.messageType).toBe('image');
		expect(result.items[0].binary).toBeUndefined();
		expect(String(result.items[0].json.mediaError)).toMatch(/404/);
	});

	test('without Download Media nothing is fetched', async () => {
		const result = await receive({ id: 'IMG2', image: 'statics/media/whatever.jpeg' }, {});
		expect(result.items[0].binary).toBeUndefined();
		expect(gowa.requests()).toHaveLength(0);
	});
});
