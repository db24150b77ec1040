/**
 * Media helpers: MIME resolution (pure), the multipart body, and — through the real node in n8n's engine —
 * that a wrong type, an empty file or a too-large file is rejected before any request is sent.
 */
import { NodeOperationError } from 'n8n-workflow';

import { MEDIA_RULES, resolveMimeType, toFormData } from '../../../../nodes/WhatsAppMultiDevice/helpers/media';
import type { Sink, TestItem } from '../../../harness';
import { runNode, startSink } from '../../../harness';

describe('resolveMimeType', () => {
	test.each([
		// own type wins
		['image/png', 'photo.jpg', undefined, 'image/png'],
		['IMAGE/JPEG; charset=binary', undefined, undefined, 'image/jpeg'],
		// octet-stream or nothing: by extension (file name first, then n8n's fileExtension)
		['application/octet-stream', 'photo.JPG', undefined, 'image/jpeg'],
		['', 'clip.mkv', undefined, 'video/x-matroska'],
		[undefined, 'voice.opus', undefined, 'audio/ogg'],
		[undefined, 'invoice', 'pdf', 'application/pdf'],
		['application/octet-stream', 'blob', undefined, 'application/octet-stream'],
		[undefined, undefined, undefined, 'application/octet-stream'],
		// aliases to the names GOWA accepts
		['image/jpg', 'a.jpg', undefined, 'image/jpeg'],
		['image/pjpeg', undefined, undefined, 'image/jpeg'],
		['audio/mp4', 'a.m4a', undefined, 'audio/m4a'],
		['audio/x-m4a', undefined, undefined, 'audio/m4a'],
		['audio/opus', undefined, undefined, 'audio/ogg'],
		['audio/ogg; codecs=opus', undefined, undefined, 'audio/ogg'],
	])('%j, %j, %j → %s', (mimeType, fileName, extension, expected) => {
		expect(resolveMimeType(mimeType, fileName, extension)).toBe(expected);
	});

	test('every type a rule accepts resolves to itself (no alias maps it away)', () => {
		for (const rule of Object.values(MEDIA_RULES)) {
			for (const type of ('mimeTypes' in rule ? rule.mimeTypes : undefined) ?? []) expect(resolveMimeType(type, undefined)).toBe(type);
		}
	});
});

describe('toFormData', () => {
	test('text fields as strings, arrays repeated, nullish skipped, the file with its type and name', async () => {
		const blob = new Blob([Buffer.from('abc')], { type: 'image/png' });
		const form = toFormData(
			{ phone: '62812@s.whatsapp.net', view_once: true, duration: 86400, mentions: ['1', '2'], skip: undefined, none: null },
			{ field: 'image', blob, fileName: 'a.png', mimeType: 'image/png', size: 3 },
		);
		expect(form.get('phone')).toBe('62812@s.whatsapp.net');
		expect(form.get('view_once')).toBe('true');
		expect(form.get('duration')).toBe('86400');
		expect(form.getAll('mentions')).toEqual(['1', '2']);
		expect(form.has('skip')).toBe(false);
		expect(form.has('none')).toBe(false);
		const file = form.get('image') as File;
		expect(file.name).toBe('a.png');
		expect(file.type).toBe('image/png');
		expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('abc');
	});
});

describe('uploads are checked before any request', () => {
	let sink: Sink;
	beforeAll(async () => {
		sink = await startSink();
	});
	afterAll(async () => await sink.close());
	beforeEach(() => sink.requests.splice(0));

	const credentials = () => ({ baseUrl: sink.url, username: 'admin', password: 'pw', deviceId: 'salon-main' });
	const send = (operation: string, items: TestItem[], extra: object = {}) =>
		runNode({
			parameters: { resource: 'send', operation, recipient: '6281234567890', source: 'binary', binaryPropertyName: 'data', options: {}, ...extra },
			credentials: credentials(),
			items,
		});
	const file = (data: Buffer, mimeType?: string, fileName?: string): TestItem => ({ json: {}, binary: { data: { data, mimeType, fileName } } });

	async function expectRejected(result: Awaited<ReturnType<typeof send>>, message: RegExp | string) {
		expect(result.thrown).toBeInstanceOf(NodeOperationError);
		if (typeof message === 'string') expect(result.error?.message).toBe(message);
		else expect(result.error?.message).toMatch(message);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(sink.requests).toHaveLength(0);
	}

	test('wrong type for an image (GIF)', async () => {
		const result = await send('image', [file(Buffer.from('GIF89a'), 'image/gif', 'a.gif')]);
		await expectRejected(result, 'The image in binary field "data" is image/gif, which GOWA does not accept');
		expect(result.error?.description).toBe('Accepted types: image/jpeg, image/png. Convert the file first, or send it with Send → File.');
	});

	test('octet-stream with an unknown extension is rejected for video', async () => {
		await expectRejected(await send('video', [file(Buffer.from('xx'), 'application/octet-stream', 'clip.bin')]), /is application\/octet-stream, which GOWA does not accept/);
	});

	test('octet-stream with a known extension is accepted (resolved by extension)', async () => {
		const result = await send('image', [file(Buffer.from([0xff, 0xd8, 0xff]), 'application/octet-stream', 'photo.jpg')]);
		expect(result.error).toBeUndefined();
		expect(sink.requests).toHaveLength(1);
		expect(sink.requests[0].body.toString('latin1')).toContain('Content-Type: image/jpeg');
	});

	test('an empty file', async () => {
		await expectRejected(await send('file', [file(Buffer.alloc(0), 'application/pdf', 'a.pdf')]), 'The file in binary field "data" is empty');
	});

	test('a too-large image (20 MB limit)', async () => {
		const result = await send('image', [file(Buffer.alloc(20_000_001, 1), 'image/png', 'big.png')]);
		await expectRejected(result, 'The image in binary field "data" is 20.1 MB; GOWA accepts up to 20.0 MB');
		expect(result.error?.description).toMatch(/smaller file/);
	});

	test('a missing binary field', async () => {
		const result = await send('image', [{ json: {} }]);
		await expectRejected(result, /binary/i);
	});

	test('a blank Input Binary Field name', async () => {
		await expectRejected(await send('image', [file(Buffer.from('x'), 'image/png')], { binaryPropertyName: '  ' }), 'Input Binary Field is empty');
	});

	test('a URL that is not http(s)', async () => {
		const result = await send('image', [{ json: {} }], { source: 'url', url: 'ftp://example.com/a.jpg' });
		await expectRejected(result, 'Image URL "ftp://example.com/a.jpg" is not an http(s) URL');
	});
});
