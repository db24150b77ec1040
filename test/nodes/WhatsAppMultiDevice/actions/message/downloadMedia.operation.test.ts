import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Sink } from '../../../../harness';
import { describeContract, runNode, startSink } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { phoneOf, seededMessage } from './messageFixtures';

describeContract('Message → Download Media (GET /message/{id}/download)', () => {
	const kit = setupConversationKit();

	test.each([
		['image', 'image/jpeg', /\.jpeg$/],
		['document', 'application/pdf', /\.pdf$/],
		['audio', 'audio/ogg', /\.ogg$/],
		['video', 'video/mp4', /\.mp4$/],
	])('%s: the file as n8n binary with its real bytes, MIME type and name, plus the metadata', async (mediaType, mimeType, extension) => {
		const message = seededMessage(kit, mediaType);
		const stored = kit.store().media.get(message.id);
		if (!stored) throw new Error('no media stored');
		const result = await kit.run('message', 'downloadMedia', { chat: phoneOf(message), messageId: message.id, binaryPropertyName: 'data' });
		expectOk(result);
		const [download, file] = kit.gowa.requests();
		expectRequest(download, 'GET', `/message/${message.id}/download`, 'downloadMessageMedia');
		expect(download.query).toEqual({ phone: message.chat_jid });
		expect(file.method).toBe('GET');
		expect(file.path).toMatch(/^\/statics\/media\//);
		expect(kit.gowa.requests()).toHaveLength(2);

		const binary = result.items[0].binary?.data;
		expect(binary?.data.equals(stored.bytes)).toBe(true);
		expect(binary?.mimeType).toBe(mimeType);
		expect(binary?.fileName).toMatch(extension);
		expect(result.items[0].json).toEqual({
			messageId: message.id,
			chat: message.chat_jid,
			mediaType,
			fileName: binary?.fileName,
			mimeType,
			fileSize: stored.bytes.length,
			filePath: expect.stringMatching(/^statics\/media\//),
			fileUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/gowa\/statics\/media\//),
			serverStatus: expect.stringMatching(/^Media downloaded successfully/),
		});
	});

	test('Put Output File in Field names the binary property; device override', async () => {
		const message = seededMessage(kit, 'image');
		const result = await kit.run('message', 'downloadMedia', { chat: message.chat_jid, messageId: message.id, binaryPropertyName: 'photo', deviceId: 'salon-main' });
		expectOk(result);
		expect(Object.keys(result.items[0].binary ?? {})).toEqual(['photo']);
		expect(kit.gowa.requests()[0].headers['x-device-id']).toBe('salon-main');
	});

	test('a text message has nothing to download: GOWA’s 500 becomes a NodeApiError, no file is fetched', async () => {
		const message = seededMessage(kit);
		const result = await kit.run('message', 'downloadMedia', { chat: message.chat_jid, messageId: message.id, binaryPropertyName: 'data', sending: { maxAttempts: 1 } });
		expect(result.thrown).toBeInstanceOf(NodeApiError);
		expect(result.error?.description).toMatch(/does not contain downloadable media/);
		expect(kit.gowa.requests()).toHaveLength(1);
	});

	test('with Continue On Fail a failed download becomes an error item paired with its input', async () => {
		const media = seededMessage(kit, 'image');
		const text = seededMessage(kit);
		const result = await kit.run(
			'message',
			'downloadMedia',
			{ chat: '={{ $json.chat }}', messageId: '={{ $json.id }}', binaryPropertyName: 'data', sending: { maxAttempts: 1 } },
			[{ json: { chat: text.chat_jid, id: text.id } }, { json: { chat: media.chat_jid, id: media.id } }],
			{ continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.pairedItem, item.json.status ?? 'ok', Boolean(item.binary?.data)])).toEqual([
			[{ item: 0 }, 'failed', false],
			[{ item: 1 }, 'ok', true],
		]);
	});

	test('bad input fails before any request', async () => {
		expectRejected(kit, await kit.run('message', 'downloadMedia', { chat: '6281234567890', messageId: 'A B', binaryPropertyName: 'data' }), 'Message ID "A B" is not a WhatsApp message ID');
		expectRejected(kit, await kit.run('message', 'downloadMedia', { chat: '6281234567890', messageId: 'AB', binaryPropertyName: '={{ "" }}' }), 'Put Output File in Field is empty');
	});
});

describe('Message → Download Media against older or unusual servers (scripted answers)', () => {
	let sink: Sink;
	beforeAll(async () => {
		sink = await startSink();
	});
	afterAll(async () => await sink.close());
	beforeEach(() => sink.requests.splice(0));

	const PDF = Buffer.from('%PDF-1.4\n% invoice\n%%EOF\n');
	const run = async () =>
		await runNode({
			parameters: { resource: 'message', operation: 'downloadMedia', chat: '6281234567890', messageId: '3EB0AAAA', binaryPropertyName: 'data', sending: { maxAttempts: 1 } },
			credentials: { baseUrl: `${sink.url}/gowa`, username: 'u', password: 'p', deviceId: 'salon-main' },
		});

	test('no file_url (GOWA before v8.8): the file is fetched from file_path under the base URL; octet-stream resolved by extension', async () => {
		sink.answer((request) =>
			request.url.startsWith('/gowa/message/')
				? { body: { code: 'SUCCESS', message: 'ok', results: { message_id: '3EB0AAAA', status: 'ok', media_type: 'document', filename: 'invoice.pdf', file_path: 'statics/media/6281234567890/2026-08-20/invoice.pdf', file_size: PDF.length } } }
				: { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: PDF },
		);
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(sink.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
			'GET /gowa/message/3EB0AAAA/download?phone=6281234567890%40s.whatsapp.net',
			'GET /gowa/statics/media/6281234567890/2026-08-20/invoice.pdf',
		]);
		const binary = result.items[0].binary?.data;
		expect(binary?.data.equals(PDF)).toBe(true);
		expect(binary?.mimeType).toBe('application/pdf');
		expect(binary?.fileName).toBe('invoice.pdf');
		expect(result.items[0].json).toMatchObject({ fileName: 'invoice.pdf', mimeType: 'application/pdf', fileUrl: null, fileSize: PDF.length });
	});

	test('a file saved outside the served statics folder: a clear error, no second request', async () => {
		sink.answer({ body: { code: 'SUCCESS', message: 'ok', results: { message_id: '3EB0AAAA', media_type: 'image', filename: 'x.jpg', file_path: '/var/lib/gowa/media/x.jpg' } } });
		const result = await run();
		expect(result.thrown).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe('GOWA saved the media but offers no link to download it');
		expect(sink.requests).toHaveLength(1);
	});
});
