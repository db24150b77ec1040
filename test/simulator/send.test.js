'use strict';

const crypto = require('node:crypto');
const { call, JPEG_BYTES, PNG_BYTES, useSimulator } = require('./support');

const phone = '6289876543210';
const file = (type, name, bytes = PNG_BYTES) => ({ bytes, type, name });

/** [endpoint, valid request, invalid request, expected status, expected code, expected message (or RegExp)] */
const CASES = [
	['/send/message', { json: { phone, message: 'Your booking is confirmed' } }, { json: { phone: '08123456789', message: 'x' } }, 400, 'VALIDATION_ERROR', /should not start with 0/],
	['/send/image', { form: { phone, caption: 'Before/after', image: file('image/jpeg', 'a.jpg', JPEG_BYTES) } }, { form: { phone, image: file('application/octet-stream', 'a.jpg', JPEG_BYTES) } }, 400, 'VALIDATION_ERROR', 'your image is not allowed. please use jpg/jpeg/png'],
	['/send/audio', { form: { phone, ptt: 'true', audio: file('audio/ogg', 'v.ogg', Buffer.from('OggS')) } }, { form: { phone, audio: file('audio/webm', 'v.webm', Buffer.from('x')) } }, 400, 'VALIDATION_ERROR', /^your audio type is not allowed\. please use \(audio\/aac,/],
	['/send/file', { form: { phone, file: file('application/pdf', 'menu.pdf', Buffer.from('%PDF-1.4')) } }, { form: { phone } }, 400, 'VALIDATION_ERROR', 'either File or FileURL must be provided'],
	['/send/video', { form: { phone, video: file('video/mp4', 'v.mp4', Buffer.from('ftyp')) } }, { form: { phone, video: file('video/quicktime', 'v.mov', Buffer.from('x')) } }, 400, 'VALIDATION_ERROR', 'your video type is not allowed. please use mp4/mkv/avi/x-msvideo'],
	['/send/sticker', { form: { phone, sticker: file('image/webp', 's.webp', Buffer.from('RIFF....WEBP')) } }, { form: { phone, sticker: file('image/png', 's.png'), sticker_url: 'https://cdn.example/s.png' } }, 400, 'VALIDATION_ERROR', 'cannot provide both Sticker file and StickerURL'],
	['/send/contact', { json: { phone, contact_name: 'Ayu', contact_phone: '6281234567890' } }, { json: { phone, contact_name: 'Ayu' } }, 400, 'VALIDATION_ERROR', 'contact_phone: cannot be blank.'],
	['/send/link', { json: { phone, link: 'https://salon.example/book', caption: 'Book online' } }, { json: { phone, link: 'https://salon.example/book' } }, 400, 'VALIDATION_ERROR', 'caption: cannot be blank.'],
	['/send/location', { json: { phone, latitude: '-8.7220', longitude: '115.1723' } }, { json: { phone, latitude: -8.722, longitude: 115.1723 } }, 500, 'INTERNAL_SERVER_ERROR', 'json: cannot unmarshal number into Go struct field LocationRequest.latitude of type string'],
	['/send/poll', { json: { phone, question: 'Which day?', options: ['Sat', 'Sun'], max_answer: 2 } }, { json: { phone, question: 'Which day?', options: ['Sat', 'Sat'], max_answer: 1 } }, 400, 'VALIDATION_ERROR', 'options should be unique'],
	['/send/presence', { json: { type: 'unavailable' } }, { json: { type: 'away' } }, 400, 'VALIDATION_ERROR', 'type: must be a valid value.'],
	['/send/chat-presence', { json: { phone, action: 'stop' } }, { json: { phone, action: 'typing' } }, 400, 'VALIDATION_ERROR', 'action: must be a valid value.'],
];

describe('send endpoints', () => {
	const ctx = useSimulator();

	it.each(CASES)('%s accepts a valid request and rejects an invalid one like the real server', async (path, valid, invalid, status, code, message) => {
		const ok = await call(ctx.sim, 'POST', path, valid);
		expect(ok.status).toBe(200);
		expect(ok.json.code).toBe('SUCCESS');
		expect(ok.json.results.status).toBe(ok.json.message);
		const okRecord = ctx.sim.requests.at(-1);
		expect(okRecord.validation.valid).toBe(true);

		const bad = await call(ctx.sim, 'POST', path, invalid);
		expect(bad.status).toBe(status);
		expect(bad.json.code).toBe(code);
		if (message instanceof RegExp) expect(bad.json.message).toMatch(message);
		else expect(bad.json.message).toBe(message);
		const badRecord = ctx.sim.requests.at(-1);
		expect(badRecord.validation.valid).toBe(false);
		expect(badRecord.validation.rules.errors).toEqual([bad.json.message]);
		expect(badRecord.response.status).toBe(status);
	});

	it('names the real status texts per type', async () => {
		const texts = {};
		for (const [path, valid] of CASES) texts[path] = (await call(ctx.sim, 'POST', path, valid)).json.message;
		expect(texts['/send/file']).toMatch(/^Document sent to 6289876543210@s\.whatsapp\.net \(server timestamp: /);
		expect(texts['/send/location']).toMatch(/^Send location success 6289876543210@s\.whatsapp\.net/);
		expect(texts['/send/presence']).toBe('Send presence success unavailable');
		expect(texts['/send/chat-presence']).toBe('Send chat presence stop typing success 6289876543210@s.whatsapp.net');
		const presence = await call(ctx.sim, 'POST', '/send/presence', { json: { type: 'available' } });
		expect(presence.json.results.message_id).toBe('presence');
	});

	it('requires the fields the spec leaves optional (NOTES §10.6)', async () => {
		const message = await call(ctx.sim, 'POST', '/send/message', { json: {} });
		expect(message.json.message).toBe('message: cannot be blank; phone: cannot be blank.');
		const contact = await call(ctx.sim, 'POST', '/send/contact', { json: {} });
		expect(contact.json.message).toBe('contact_name: cannot be blank; contact_phone: cannot be blank; phone: cannot be blank.');
		const location = await call(ctx.sim, 'POST', '/send/location', { json: { phone } });
		expect(location.json.message).toBe('latitude: cannot be blank; longitude: cannot be blank.');
		const badLatitude = await call(ctx.sim, 'POST', '/send/location', { json: { phone, latitude: '95', longitude: '10' } });
		expect(badLatitude.json.message).toBe('latitude: must be a valid latitude.');
	});

	it('checks duration, mentions and poll answers', async () => {
		const duration = await call(ctx.sim, 'POST', '/send/message', { json: { phone, message: 'x', duration: 3600 } });
		expect(duration.json.message).toBe('duration must be one of: 0 (no expiry), 86400 (24h), 604800 (7d), 7776000 (90d)');
		for (const allowed of [0, 86400, 604800, 7776000]) {
			expect((await call(ctx.sim, 'POST', '/send/message', { json: { phone, message: 'x', duration: allowed } })).status).toBe(200);
		}
		const mention = await call(ctx.sim, 'POST', '/send/message', { json: { phone, message: 'x', mentions: ['@everyone', '0812'] } });
		expect(mention.json.message).toBe('mention 0812: phone number must be in international format');
		const tooMany = await call(ctx.sim, 'POST', '/send/poll', { json: { phone, question: 'q', options: ['a', 'b'], max_answer: 3 } });
		expect(tooMany.json.message).toBe('max_answer: must be no greater than 2.');
		const none = await call(ctx.sim, 'POST', '/send/poll', { json: { phone, question: 'q', options: [], max_answer: 1 } });
		expect(none.json.message).toBe('options: cannot be blank.');
		const stringDuration = await call(ctx.sim, 'POST', '/send/message', { json: { phone, message: 'x', duration: '86400' } });
		expect(stringDuration.status).toBe(500);
	});

	it('accepts URL media as plain JSON (NOTES §1.4) and validates the URL', async () => {
		const ok = await call(ctx.sim, 'POST', '/send/image', { json: { phone, image_url: 'https://cdn.example/promo.jpg', view_once: true } });
		expect(ok.status).toBe(200);
		expect(ctx.sim.requests.at(-1).validation.warnings.join(' ')).toMatch(/Content-Type application\/json is not documented for sendImage/);
		const bad = await call(ctx.sim, 'POST', '/send/video', { json: { phone, video_url: 'not a url' } });
		expect(bad.json.message).toBe('VideoURL must be a valid URL');
		const empty = await call(ctx.sim, 'POST', '/send/file', { json: { phone, file_url: '' } });
		expect(empty.json.message).toBe('either File or FileURL must be provided');
	});

	it('parses multipart booleans and integers from strings and records the files', async () => {
		const ok = await call(ctx.sim, 'POST', '/send/image', {
			form: { phone, compress: 'false', view_once: 'true', duration: '604800', image: file('image/png', 'promo.png') },
		});
		expect(ok.status).toBe(200);
		const recorded = ctx.sim.requests.at(-1);
		expect(recorded.contentType).toMatch(/^multipart\/form-data; boundary=/);
		expect(recorded.form.fields).toMatchObject({ phone: [phone], compress: ['false'], view_once: ['true'], duration: ['604800'] });
		expect(recorded.form.files.image).toMatchObject({ fileName: 'promo.png', contentType: 'image/png', size: PNG_BYTES.length });
		expect(recorded.form.files.image.sha256).toBe(crypto.createHash('sha256').update(PNG_BYTES).digest('hex'));
		expect(Buffer.compare(recorded.form.files.image.bytes, PNG_BYTES)).toBe(0);
		const notBool = await call(ctx.sim, 'POST', '/send/image', { form: { phone, view_once: 'yes', image: file('image/png', 'a.png') } });
		expect(notBool.status).toBe(500);
		expect(notBool.json.message).toBe('schema: error converting value for "view_once"');
	});

	it('rejects file parts without a usable Content-Type and checks the image bytes', async () => {
		const untyped = await call(ctx.sim, 'POST', '/send/image', { form: { phone, image: { bytes: PNG_BYTES, name: 'a.png' } } });
		expect(untyped.status).toBe(400);
		const sticker = await call(ctx.sim, 'POST', '/send/sticker', { form: { phone, sticker: file('application/octet-stream', 's.webp') } });
		expect(sticker.json.message).toBe('your sticker is not allowed. please use jpg/jpeg/png/webp/gif');
		const garbage = await call(ctx.sim, 'POST', '/send/image', { form: { phone, image: file('image/png', 'broken.png', Buffer.from('not an image')) } });
		expect(garbage.status).toBe(500);
		expect(garbage.json.message).toMatch(/^Failed to open image file 'statics\/senditems\/broken\.png' for thumbnail generation/);
	});

	it('accepts application/x-www-form-urlencoded too', async () => {
		const response = await call(ctx.sim, 'POST', '/send/message', { urlencoded: { phone, message: 'form body', is_forwarded: 'true' } });
		expect(response.status).toBe(200);
		expect(ctx.sim.requests.at(-1).form.fields.message).toEqual(['form body']);
	});

	it('rejects recipients that are not on WhatsApp with 400 INVALID_JID', async () => {
		ctx.sim.setUnregisteredNumbers(['6280000000001']);
		const unregistered = await call(ctx.sim, 'POST', '/send/message', { json: { phone: '6280000000001', message: 'x' } });
		expect(unregistered.status).toBe(400);
		expect(unregistered.json).toEqual({ code: 'INVALID_JID', message: 'Phone 6280000000001@s.whatsapp.net is not on whatsapp' });
		const adJid = await call(ctx.sim, 'POST', '/send/message', { json: { phone: '6289876543210:12@s.whatsapp.net', message: 'x' } });
		expect(adJid.json.code).toBe('INVALID_JID');
		const group = await call(ctx.sim, 'POST', '/send/message', { json: { phone: '120363402106123456', message: 'x' } });
		expect(group.json.message).toMatch(/^Message sent to 120363402106123456@g\.us/);
		ctx.sim.setUnregisteredNumbers([]);
	});

	it('stores sent messages in chat storage (and sends never trigger webhooks)', async () => {
		const sent = await call(ctx.sim, 'POST', '/send/message', { json: { phone: '6285551234567', message: 'Stored?' } });
		const chat = await call(ctx.sim, 'GET', '/chat/6285551234567@s.whatsapp.net/messages');
		expect(chat.json.results.data[0]).toMatchObject({ id: sent.json.results.message_id, content: 'Stored?', is_from_me: true });
		expect(ctx.sim.webhooks).toHaveLength(0);
	});
});
