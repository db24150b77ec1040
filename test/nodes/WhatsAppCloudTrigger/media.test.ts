import type { IDataObject } from 'n8n-workflow';

import { useCloudSimulator } from '../WhatsAppCloud/cloudKit';
import { forgetInProcess } from '../../../nodes/shared/seenKeys';
import { MAX_DOWNLOADS_PER_DELIVERY } from '../../../nodes/WhatsAppCloudTrigger/media';
import { APP_SECRET, VERIFY_TOKEN, delivery, nowSeconds, post } from './cloudTriggerKit';

const kit = useCloudSimulator();
beforeEach(() => forgetInProcess());

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('salon-photo')]);
const PDF = Buffer.from('%PDF-1.7\ninvoice 7781\n%%EOF');
const OGG = Buffer.from('OggS\0voice-note');

function store(bytes: Buffer, mimeType: string, fileName?: string): string {
	return (kit.sim.state.storeMedia(kit.sim.phoneNumberId, { bytes, mimeType, fileName }) as { id: string }).id;
}

function mediaMessage(n: number, type: string, media: IDataObject): IDataObject {
	return { from: '6281234567890', id: `wamid.media${n}`, timestamp: nowSeconds(), type, [type]: media };
}

async function receive(messages: IDataObject[], parameters: IDataObject = { downloadMedia: true }) {
	const body = delivery({ metadata: { display_phone_number: '15550253483', phone_number_id: kit.sim.phoneNumberId }, messages });
	return await post(body, { parameters, credentials: kit.sim.credentials({ appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN }) });
}

describe('Download Media: incoming media as n8n binary data, through the Cloud transport', () => {
	test('image, document (with its file name) and voice note of one delivery: bytes, MIME type, file name', async () => {
		const image = store(JPEG, 'image/jpeg');
		const document = store(PDF, 'application/pdf');
		const voice = store(OGG, 'audio/ogg');
		const result = await receive([
			mediaMessage(1, 'image', { id: image, mime_type: 'image/jpeg', sha256: 'x', caption: 'My hair now' }),
			mediaMessage(2, 'document', { id: document, mime_type: 'application/pdf', sha256: 'x', filename: 'invoice-7781.pdf' }),
			mediaMessage(3, 'audio', { id: voice, mime_type: 'audio/ogg; codecs=opus', sha256: 'x', voice: true }),
		]);
		const [photo, invoice, note] = result.items;
		expect(photo.binary?.data).toMatchObject({ mimeType: 'image/jpeg', fileName: `${image}.jpg` });
		expect(photo.binary?.data.data.equals(JPEG)).toBe(true);
		expect(photo.json).toMatchObject({ caption: 'My hair now', media: { binaryProperty: 'data', mimeType: 'image/jpeg', fileName: `${image}.jpg` } });
		expect(invoice.binary?.data).toMatchObject({ mimeType: 'application/pdf', fileName: 'invoice-7781.pdf' });
		expect(invoice.binary?.data.data.equals(PDF)).toBe(true);
		expect(note.binary?.data).toMatchObject({ mimeType: 'audio/ogg' });
		expect(note.binary?.data.data.equals(OGG)).toBe(true);
		// Per file: GET /{media-id}?phone_number_id (spec-valid, with the token), then the download URL.
		const lookups = kit.sim.requests.filter((request) => request.operationId === 'retrieveMediaUrl');
		expect(lookups.map((request) => request.graphPath).sort()).toEqual([`/${image}`, `/${document}`, `/${voice}`].sort());
		expect(lookups.every((request) => request.query.phone_number_id === kit.sim.phoneNumberId && request.response?.status === 200)).toBe(true);
		expect(kit.sim.requests.filter((request) => request.operationId === 'downloadMedia').every((request) => request.headers.authorization === `Bearer ${kit.sim.token}`)).toBe(true);
	});

	test('into the chosen binary property; a sticker too', async () => {
		const sticker = store(Buffer.from('RIFF....WEBPVP8 '), 'image/webp');
		const result = await receive([mediaMessage(4, 'sticker', { id: sticker, mime_type: 'image/webp', sha256: 'x', animated: false })], { downloadMedia: true, binaryPropertyName: 'sticker' });
		expect(result.items[0].binary?.sticker).toMatchObject({ mimeType: 'image/webp' });
		expect(result.items[0].json.media).toMatchObject({ binaryProperty: 'sticker' });
	});

	test('a failed download keeps the item, with mediaError and no binary', async () => {
		const result = await receive([mediaMessage(5, 'image', { id: '999999999999', mime_type: 'image/jpeg', sha256: 'x' })]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].binary).toBeUndefined();
		expect(result.items[0].json.media).toMatchObject({ binaryProperty: null, mimeType: 'image/jpeg' });
		expect(String(result.items[0].json.mediaError)).not.toBe('');
		expect(JSON.stringify(result.items[0].json)).not.toContain(kit.sim.token);
	});

	test('a media URL on another host is refused: the token is never sent there', async () => {
		const image = store(JPEG, 'image/jpeg');
		(kit.sim as unknown as IDataObject).mediaBaseUrl = 'http://127.0.0.2:9';
		try {
			const result = await receive([mediaMessage(6, 'image', { id: image, mime_type: 'image/jpeg', sha256: 'x' })]);
			expect(String(result.items[0].json.mediaError)).toMatch(/another host \(127\.0\.0\.2:9\)/);
			expect(kit.sim.requests.filter((request) => request.operationId === 'downloadMedia')).toHaveLength(0);
		} finally {
			(kit.sim as unknown as IDataObject).mediaBaseUrl = undefined;
		}
	});

	test(`at most ${MAX_DOWNLOADS_PER_DELIVERY} files per delivery; the others keep their item with mediaError`, async () => {
		const image = store(JPEG, 'image/jpeg');
		const messages = Array.from({ length: MAX_DOWNLOADS_PER_DELIVERY + 3 }, (_, n) => mediaMessage(100 + n, 'image', { id: image, mime_type: 'image/jpeg', sha256: 'x' }));
		const result = await receive(messages);
		expect(result.items.filter((item) => item.binary?.data !== undefined)).toHaveLength(MAX_DOWNLOADS_PER_DELIVERY);
		expect(result.items.filter((item) => /more than 20 media files/.test(String(item.json.mediaError)))).toHaveLength(3);
	});

	test('off by default: no Graph request, media described without a binary', async () => {
		const image = store(JPEG, 'image/jpeg');
		const result = await receive([mediaMessage(7, 'image', { id: image, mime_type: 'image/jpeg', sha256: 'x' })], {});
		expect(result.items[0].binary).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ media: { binaryProperty: null, mimeType: 'image/jpeg', fileName: null }, mediaId: image });
		expect(kit.sim.requests).toHaveLength(0);
	});
});
