'use strict';
/**
 * Every Send operation in real n8n: a Webhook starts the workflow, our node (installed as a community
 * package) sends to the simulated GOWA, and the simulator's record must show exactly the request GOWA
 * expects (method, path, body fields, valid against GOWA's OpenAPI spec).
 */
const { png, pdf, ogg, sha256 } = require('../lib/media');

const PHONE = '+62 812-3456-7890';
const JID = '6281234567890@s.whatsapp.net';

/** Common checks of a successful send: HTTP 200 from the webhook, execution success, one "sent" item. */
function assertSent(t, { response, run }, nodeName, recipient = JID) {
	t.assert.equal(response.status, 200, `webhook answered ${response.status}: ${response.text}`);
	t.assert.equal(run.status, 'success', `execution failed: ${JSON.stringify(run.error)}`);
	const items = run.output(nodeName);
	t.assert.equal(items.length, 1);
	t.assert.equal(items[0].json.status, 'sent');
	t.assert.equal(items[0].json.recipient, recipient);
	t.assert.ok(items[0].json.messageId, 'the output carries the message ID GOWA returned');
	t.assert.deepEqual(items[0].pairedItem, { item: 0 });
	// the webhook answered with the last node's items
	t.assert.ok(Array.isArray(response.json) && response.json[0].status === 'sent', `webhook response: ${response.text}`);
	return items[0].json;
}

function file(bytes, fileName, mimeType, property) {
	return { base64: bytes.toString('base64'), fileName, mimeType, property };
}

module.exports = [
	{
		name: 'send text: expressions, mentions, reply and disappearing reach POST /send/message',
		workflows: ['send-text.json'],
		async run(t) {
			const result = await t.webhook('e2e-send-text', { phone: PHONE, name: 'Ayu', booking: 8841 });
			assertSent(t, result, 'Send Text');
			const request = t.onlyRequest(result.requests, 'POST', '/send/message');
			t.assertTenantHeaders(request);
			t.assert.deepEqual(request.json, {
				phone: JID,
				message: 'Hi Ayu, your booking #8841 is confirmed.',
				duration: 86400,
				reply_message_id: '3EB0E2E0000000000001',
				mentions: ['6281100000002'],
			});
		},
	},
	{
		name: 'send image: binary made by a Code node (prepareBinaryData) is uploaded as image/png with its exact bytes',
		workflows: ['send-image.json'],
		async run(t) {
			const bytes = png(24, 16, 1);
			const result = await t.webhook('e2e-send-image', {
				phone: PHONE,
				caption: 'Your new look ✂️',
				file: file(bytes, 'e2e-look.png', 'image/png', 'photo'),
			});
			assertSent(t, result, 'Send Image');
			const request = t.onlyRequest(result.requests, 'POST', '/send/image');
			t.assertTenantHeaders(request);
			t.assert.equal(t.field(request, 'phone'), JID);
			t.assert.equal(t.field(request, 'caption'), 'Your new look ✂️');
			t.assert.equal(t.field(request, 'view_once'), 'true');
			t.assert.equal(t.field(request, 'compress'), 'false');
			const upload = request.form.files.image;
			t.assert.ok(upload, `no "image" file part; parts: ${Object.keys(request.form.files)}`);
			t.assert.equal(upload.contentType, 'image/png');
			t.assert.equal(upload.fileName, 'e2e-look.png');
			t.assert.equal(upload.size, bytes.length);
			t.assert.equal(upload.sha256, sha256(bytes));
		},
	},
	{
		name: 'send audio: voice note (ptt) uploads audio/ogg',
		workflows: ['send-audio.json'],
		async run(t) {
			const bytes = ogg(700);
			const result = await t.webhook('e2e-send-audio', { phone: PHONE, file: file(bytes, 'reminder.ogg', 'audio/ogg') });
			assertSent(t, result, 'Send Audio');
			const request = t.onlyRequest(result.requests, 'POST', '/send/audio');
			t.assert.equal(t.field(request, 'phone'), JID);
			t.assert.equal(t.field(request, 'ptt'), 'true');
			const upload = request.form.files.audio;
			t.assert.ok(upload, `no "audio" file part; parts: ${Object.keys(request.form.files)}`);
			t.assert.equal(upload.contentType, 'audio/ogg');
			t.assert.equal(upload.sha256, sha256(bytes));
		},
	},
	{
		name: 'send file: a PDF whose MIME type n8n derived from its name uploads as application/pdf',
		workflows: ['send-file.json'],
		async run(t) {
			const bytes = pdf('Invoice 8841');
			const result = await t.webhook('e2e-send-file', { phone: PHONE, file: file(bytes, 'invoice-8841.pdf') });
			assertSent(t, result, 'Send File');
			const request = t.onlyRequest(result.requests, 'POST', '/send/file');
			t.assert.equal(t.field(request, 'phone'), JID);
			t.assert.equal(t.field(request, 'caption'), 'Your invoice');
			const upload = request.form.files.file;
			t.assert.ok(upload, `no "file" file part; parts: ${Object.keys(request.form.files)}`);
			t.assert.equal(upload.contentType, 'application/pdf');
			t.assert.equal(upload.fileName, 'invoice-8841.pdf');
			t.assert.equal(upload.sha256, sha256(bytes));
		},
	},
	{
		name: 'send video: by URL with GIF playback',
		workflows: ['send-video.json'],
		async run(t) {
			const result = await t.webhook('e2e-send-video', { phone: PHONE });
			assertSent(t, result, 'Send Video');
			const request = t.onlyRequest(result.requests, 'POST', '/send/video');
			t.assert.equal(t.field(request, 'phone'), JID);
			t.assert.equal(t.field(request, 'video_url'), 'https://cdn.example.com/e2e/clip.mp4');
			t.assert.equal(t.field(request, 'caption'), 'Salon tour');
			t.assert.equal(t.field(request, 'gif_playback'), 'true');
			t.assert.equal(t.field(request, 'view_once'), 'false');
			t.assert.deepEqual(Object.keys(request.form.files), []);
		},
	},
	{
		name: 'send sticker: by URL',
		workflows: ['send-sticker.json'],
		async run(t) {
			const result = await t.webhook('e2e-send-sticker', { phone: PHONE });
			assertSent(t, result, 'Send Sticker');
			const request = t.onlyRequest(result.requests, 'POST', '/send/sticker');
			t.assert.equal(t.field(request, 'phone'), JID);
			t.assert.equal(t.field(request, 'sticker_url'), 'https://cdn.example.com/e2e/thanks.webp');
		},
	},
	{
		name: 'send contact: local contact number completed with the credential country code',
		workflows: ['send-contact.json'],
		async run(t) {
			const result = await t.webhook('e2e-send-contact', { phone: PHONE });
			assertSent(t, result, 'Send Contact');
			const request = t.onlyRequest(result.requests, 'POST', '/send/contact');
			t.assert.deepEqual(request.json, { phone: JID, contact_name: 'Salon Ayu – Front Desk', contact_phone: '6281299990000' });
		},
	},
	{
		name: 'send link: URL and caption',
		workflows: ['send-link.json'],
		async run(t) {
			const result = await t.webhook('e2e-send-link', { phone: PHONE });
			assertSent(t, result, 'Send Link');
			const request = t.onlyRequest(result.requests, 'POST', '/send/link');
			t.assert.deepEqual(request.json, { phone: JID, link: 'https://booking.example.com/b/8841', caption: 'Manage your booking' });
		},
	},
	{
		name: 'send location: coordinates as strings',
		workflows: ['send-location.json'],
		async run(t) {
			const result = await t.webhook('e2e-send-location', { phone: PHONE });
			assertSent(t, result, 'Send Location');
			const request = t.onlyRequest(result.requests, 'POST', '/send/location');
			t.assert.deepEqual(request.json, { phone: JID, latitude: '-8.6705', longitude: '115.2126' });
		},
	},
	{
		name: 'send poll: question, answers and max answers',
		workflows: ['send-poll.json'],
		async run(t) {
			const result = await t.webhook('e2e-send-poll', { phone: PHONE });
			assertSent(t, result, 'Send Poll');
			const request = t.onlyRequest(result.requests, 'POST', '/send/poll');
			t.assert.deepEqual(request.json, {
				phone: JID,
				question: 'Which time suits you best?',
				options: ['Monday 10:00', 'Tuesday 14:00', 'Wednesday 09:30'],
				max_answer: 1,
			});
		},
	},
	{
		name: 'send presence: available',
		workflows: ['send-presence.json'],
		async run(t) {
			const result = await t.webhook('e2e-send-presence', {});
			const { response, run } = result;
			t.assert.equal(response.status, 200, response.text);
			t.assert.equal(run.status, 'success', JSON.stringify(run.error));
			t.assert.equal(run.output('Send Presence')[0].json.status, 'sent');
			const request = t.onlyRequest(result.requests, 'POST', '/send/presence');
			t.assertTenantHeaders(request);
			t.assert.deepEqual(request.json, { type: 'available' });
		},
	},
	{
		name: 'send typing indicator: chat presence start',
		workflows: ['send-chat-presence.json'],
		async run(t) {
			const result = await t.webhook('e2e-send-chat-presence', { phone: PHONE });
			t.assert.equal(result.response.status, 200, result.response.text);
			t.assert.equal(result.run.status, 'success', JSON.stringify(result.run.error));
			t.assert.equal(result.run.output('Send Typing')[0].json.status, 'sent');
			const request = t.onlyRequest(result.requests, 'POST', '/send/chat-presence');
			t.assert.deepEqual(request.json, { phone: JID, action: 'start' });
		},
	},
];
