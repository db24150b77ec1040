/**
 * Message → Send: every message type through n8n's engine against the Meta simulator. Each request must match
 * Meta's spec (with the NOTES §8 patches), carry the tenant's Bearer token and be accepted.
 */
import { CUSTOMER, describeCloudContract, expectRejectedBeforeSending, expectValidGraphRequest, openWindow, useCloudSimulator } from '../../cloudKit';

const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(14)]);

describeCloudContract('Message → Send (POST /{phone-number-id}/messages)', () => {
	const kit = useCloudSimulator();
	const send = (fields: Record<string, unknown>, items?: Parameters<typeof kit.run>[1], extra?: Parameters<typeof kit.run>[2]) =>
		kit.run({ resource: 'message', operation: 'send', recipient: '+62 812-3456-7890', ...fields }, items, extra);
	const sentBody = () => kit.requests().filter((request) => request.graphPath === `/${kit.sim.phoneNumberId}/messages`).at(-1)!.json;

	beforeEach(async () => {
		await openWindow(kit);
	});

	test('text: recipient normalised to digits, Bearer token, recipient_type always sent; outcome per item', async () => {
		const result = await send({ messageType: 'text', textBody: 'Hi *Ayu*', previewUrl: true, options: { replyToMessageId: 'wamid.ABC123' } });
		expect(result.error).toBeUndefined();
		const request = kit.only();
		expectValidGraphRequest(request, 'POST', `/${kit.sim.phoneNumberId}/messages`, 'sendMessage');
		expect(request.headers.authorization).toBe(`Bearer ${kit.sim.token}`);
		expect(request.json).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', to: CUSTOMER, type: 'text', text: { body: 'Hi *Ayu*', preview_url: true }, context: { message_id: 'wamid.ABC123' } });
		expect(result.items).toEqual([
			expect.objectContaining({
				json: { status: 'sent', provider: 'cloud', tenant: kit.sim.phoneNumberId, messageId: expect.stringMatching(/^wamid\./), messageStatus: 'accepted', recipient: CUSTOMER, waId: CUSTOMER, attempts: 1 },
				pairedItem: { item: 0 },
			}),
		]);
	});

	test.each([
		['image', { messageType: 'image', mediaSource: 'link', mediaLink: 'https://example.com/a.jpg', caption: 'Your new look' }, { image: { link: 'https://example.com/a.jpg', caption: 'Your new look' } }],
		['video', { messageType: 'video', mediaSource: 'link', mediaLink: 'https://example.com/a.mp4', caption: 'Tutorial' }, { video: { link: 'https://example.com/a.mp4', caption: 'Tutorial' } }],
		['audio', { messageType: 'audio', mediaSource: 'link', mediaLink: 'https://example.com/a.mp3' }, { audio: { link: 'https://example.com/a.mp3' } }],
		['document', { messageType: 'document', mediaSource: 'link', mediaLink: 'https://example.com/invoice.pdf', caption: 'Invoice', fileName: 'invoice-0815.pdf' }, { document: { link: 'https://example.com/invoice.pdf', caption: 'Invoice', filename: 'invoice-0815.pdf' } }],
		['sticker', { messageType: 'sticker', mediaSource: 'link', mediaLink: 'https://example.com/s.webp' }, { sticker: { link: 'https://example.com/s.webp' } }],
	])('%s by link', async (type, fields, expected) => {
		const result = await send(fields);
		expect(result.error).toBeUndefined();
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/messages`, 'sendMessage');
		expect(kit.only().json).toMatchObject({ type, ...expected });
	});

	test('image from an n8n binary: uploaded first (multipart, real MIME type, type field), then sent by id', async () => {
		const result = await send({ messageType: 'image', mediaSource: 'binary', binaryPropertyName: 'photo', caption: 'Before/after' }, [{ json: {}, binary: { photo: { data: JPEG, mimeType: 'image/jpeg', fileName: 'look.jpg' } } }]);
		expect(result.error).toBeUndefined();
		const [upload, message] = kit.requests();
		expect(`${upload.method} ${upload.graphPath}`).toBe(`POST /${kit.sim.phoneNumberId}/media`);
		expect(upload.form?.fields).toEqual({ messaging_product: ['whatsapp'], type: ['image/jpeg'] });
		expect(upload.form?.files.file).toMatchObject({ fileName: 'look.jpg', contentType: 'image/jpeg', size: JPEG.length });
		expect(upload.form?.files.file.bytes.equals(JPEG)).toBe(true);
		const mediaId = upload.response?.body.id;
		expectValidGraphRequest(message, 'POST', `/${kit.sim.phoneNumberId}/messages`, 'sendMessage');
		expect(message.json.image).toEqual({ id: mediaId, caption: 'Before/after' });
	});

	test('document and sticker from binaries; the document keeps its file name', async () => {
		await send({ messageType: 'document', mediaSource: 'binary', binaryPropertyName: 'data' }, [{ json: {}, binary: { data: { data: Buffer.from('%PDF-1.4\n%%EOF'), mimeType: 'application/pdf', fileName: 'invoice.pdf' } } }]);
		expect(sentBody().document).toEqual({ id: expect.stringMatching(/^\d+$/), filename: 'invoice.pdf' });
		kit.sim.clearRequests();
		const result = await send({ messageType: 'sticker', mediaSource: 'binary', binaryPropertyName: 'data' }, [{ json: {}, binary: { data: { data: WEBP, mimeType: 'image/webp', fileName: 's.webp' } } }]);
		expect(result.error).toBeUndefined();
		expect(kit.requests().map((request) => request.validation.valid)).toEqual([true, true]);
		expect(sentBody().sticker).toEqual({ id: expect.any(String) });
	});

	test('media by id', async () => {
		const upload = await kit.run({ resource: 'media', operation: 'upload', binaryPropertyName: 'data', mediaKind: 'video' }, [{ json: {}, binary: { data: { data: Buffer.from('00000018667479706d703432', 'hex'), mimeType: 'video/mp4', fileName: 'v.mp4' } } }]);
		const mediaId = upload.items[0].json.mediaId as string;
		kit.sim.clearRequests();
		const result = await send({ messageType: 'video', mediaSource: 'id', mediaId });
		expect(result.error).toBeUndefined();
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/messages`);
		expect(kit.only().json.video).toEqual({ id: mediaId });
	});

	test('location: coordinates as strings (the spec types them so), name and address', async () => {
		await send({ messageType: 'location', latitude: -6.2088, longitude: 106.8456, locationName: 'Salon Ayu', address: 'Jl. Sudirman 1' });
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/messages`);
		expect(kit.only().json.location).toEqual({ latitude: '-6.2088', longitude: '106.8456', name: 'Salon Ayu', address: 'Jl. Sudirman 1' });
	});

	test('contacts: phone normalised, HOME/WORK type, org and email', async () => {
		await send({ messageType: 'contacts', contacts: { contact: [{ formattedName: 'Ayu Lestari', firstName: 'Ayu', phone: '+62 811-111-111', phoneType: 'HOME', email: 'ayu@example.com', company: 'Salon Ayu' }] } });
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/messages`);
		expect(kit.only().json.contacts).toEqual([{ name: { formatted_name: 'Ayu Lestari', first_name: 'Ayu' }, phones: [{ phone: '+62811111111', wa_id: '62811111111', type: 'HOME' }], emails: [{ email: 'ayu@example.com', type: 'WORK' }], org: { company: 'Salon Ayu' } }]);
	});

	test('reaction', async () => {
		await send({ messageType: 'reaction', reactionMessageId: 'wamid.XYZ', emoji: '🙏' });
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/messages`);
		expect(kit.only().json.reaction).toEqual({ message_id: 'wamid.XYZ', emoji: '🙏' });
	});

	test('interactive reply buttons with header and footer', async () => {
		await send({ messageType: 'buttons', headerText: 'Booking', bodyText: 'Confirm Monday 10:00?', footerText: 'Salon Ayu', buttons: { button: [{ id: 'yes', title: 'Confirm' }, { id: 'move', title: 'Reschedule' }, { id: 'no', title: 'Cancel' }] } });
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/messages`);
		expect(kit.only().json.interactive).toEqual({
			type: 'button',
			header: { type: 'text', text: 'Booking' },
			body: { text: 'Confirm Monday 10:00?' },
			footer: { text: 'Salon Ayu' },
			action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Confirm' } }, { type: 'reply', reply: { id: 'move', title: 'Reschedule' } }, { type: 'reply', reply: { id: 'no', title: 'Cancel' } }] },
		});
	});

	test('interactive list', async () => {
		const sections = [{ title: 'Morning', rows: [{ id: 's9', title: '09:00', description: 'Haircut' }] }, { title: 'Afternoon', rows: [{ id: 's14', title: '14:00' }] }];
		await send({ messageType: 'list', bodyText: 'Pick a time', listButton: 'Times', listSections: JSON.stringify(sections) });
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/messages`);
		expect(kit.only().json.interactive).toEqual({ type: 'list', body: { text: 'Pick a time' }, action: { button: 'Times', sections } });
	});

	test('interactive CTA URL and location request (valid with the P2 patch)', async () => {
		await send({ messageType: 'ctaUrl', bodyText: 'Manage your booking', ctaDisplayText: 'Open', ctaUrl: 'https://booking.example.com/b/1' });
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/messages`);
		expect(kit.only().json.interactive).toEqual({ type: 'cta_url', body: { text: 'Manage your booking' }, action: { name: 'cta_url', parameters: { display_text: 'Open', url: 'https://booking.example.com/b/1' } } });
		kit.sim.clearRequests();
		await send({ messageType: 'locationRequest', bodyText: 'Where should we pick you up?' });
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/messages`);
		expect(kit.only().json.interactive).toEqual({ type: 'location_request_message', body: { text: 'Where should we pick you up?' }, action: { name: 'send_location' } });
	});

	describe('limits are checked before anything is sent', () => {
		test.each([
			['text over 4096 characters', { messageType: 'text', textBody: 'a'.repeat(4097) }, 'Text has 4097 characters; WhatsApp allows at most 4096'],
			['four reply buttons', { messageType: 'buttons', bodyText: 'x', buttons: { button: [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `B${n}` })) } }, 'Buttons: 4 given; WhatsApp needs 1 to 3'],
			['a 21-character button title', { messageType: 'buttons', bodyText: 'x', buttons: { button: [{ id: 'a', title: 'x'.repeat(21) }] } }, 'Button 1: Title has 21 characters; WhatsApp allows at most 20'],
			['duplicate button ids', { messageType: 'buttons', bodyText: 'x', buttons: { button: [{ id: 'a', title: 'A' }, { id: 'a', title: 'B' }] } }, 'Button ID "a" appears twice'],
			['interactive body of 1025 characters', { messageType: 'buttons', bodyText: 'x'.repeat(1025), buttons: { button: [{ id: 'a', title: 'A' }] } }, 'Body Text has 1025 characters; WhatsApp allows at most 1024'],
			['11 rows in one section', { messageType: 'list', bodyText: 'x', listButton: 'Go', listSections: JSON.stringify([{ rows: Array.from({ length: 11 }, (_, n) => ({ id: `r${n}`, title: `R${n}` })) }]) }, 'Section 1: rows: 11 given; WhatsApp needs 1 to 10'],
			['12 rows across two sections', { messageType: 'list', bodyText: 'x', listButton: 'Go', listSections: JSON.stringify([1, 2].map((s) => ({ title: `S${s}`, rows: Array.from({ length: 6 }, (_, n) => ({ id: `r${s}${n}`, title: 'R' })) }))) }, 'The list has 12 rows; WhatsApp allows at most 10 rows across all sections'],
			['two sections, one without title', { messageType: 'list', bodyText: 'x', listButton: 'Go', listSections: JSON.stringify([{ title: 'A', rows: [{ id: '1', title: 'a' }] }, { rows: [{ id: '2', title: 'b' }] }]) }, 'Section 2: title is empty'],
			['six contacts', { messageType: 'contacts', contacts: { contact: Array.from({ length: 6 }, (_, n) => ({ formattedName: `C${n}` })) } }, 'Contacts: 6 given; WhatsApp needs 1 to 5'],
			['a caption of 1025 characters', { messageType: 'image', mediaSource: 'link', mediaLink: 'https://example.com/a.jpg', caption: 'c'.repeat(1025) }, 'Caption has 1025 characters; WhatsApp allows at most 1024'],
			['a link that is not http(s)', { messageType: 'image', mediaSource: 'link', mediaLink: 'file:///etc/passwd' }, /^Media Link "file:\/\/\/etc\/passwd" is not an http\(s\) URL/],
			['a latitude of 91', { messageType: 'location', latitude: 91, longitude: 0 }, 'Latitude "91" is not a number between -90 and 90'],
			['a CTA label of 21 characters', { messageType: 'ctaUrl', bodyText: 'x', ctaDisplayText: 'x'.repeat(21), ctaUrl: 'https://a.example' }, 'Button Text has 21 characters; WhatsApp allows at most 20'],
			['a reply id with spaces', { messageType: 'text', textBody: 'x', options: { replyToMessageId: 'not an id' } }, 'Reply To Message ID "not an id" is not a WhatsApp message ID'],
		])('%s', async (_name, fields, message) => {
			kit.sim.clearRequests();
			expectRejectedBeforeSending(kit, await send(fields), message);
		});

		test('a PNG sticker is rejected before the upload (stickers are WebP)', async () => {
			kit.sim.clearRequests();
			const result = await send({ messageType: 'sticker', mediaSource: 'binary', binaryPropertyName: 'data' }, [{ json: {}, binary: { data: { data: Buffer.from('89504e470d0a1a0a', 'hex'), mimeType: 'image/png', fileName: 's.png' } } }]);
			expectRejectedBeforeSending(kit, result, 'The file in binary field "data" is image/png, which WhatsApp does not accept as sticker');
		});

		test('an image over 5 MB is rejected before the upload', async () => {
			kit.sim.clearRequests();
			const result = await send({ messageType: 'image', mediaSource: 'binary', binaryPropertyName: 'data' }, [{ json: {}, binary: { data: { data: Buffer.alloc(5 * 1024 * 1024 + 1), mimeType: 'image/jpeg', fileName: 'big.jpg' } } }]);
			expectRejectedBeforeSending(kit, result, /^The file in binary field "data" is 5121 KB; WhatsApp accepts image files up to 5120 KB/);
		});

		test('a local number without Default Country Code names the Cloud credential', async () => {
			kit.sim.clearRequests();
			const result = await send({ messageType: 'text', textBody: 'x', recipient: '0812 3456 7890' });
			expectRejectedBeforeSending(kit, result, 'Recipient: "0812 3456 7890" is a local number and no Default Country Code is set');
			expect(result.error?.description).toContain('WhatsApp Cloud API credential');
		});
	});

	test('a local number with the credential’s Default Country Code', async () => {
		const result = await send({ messageType: 'text', textBody: 'x', recipient: '0812-3456-7890' }, undefined, { credentials: { defaultCountryCode: '62' } });
		expect(result.error).toBeUndefined();
		expect(kit.only().json.to).toBe(CUSTOMER);
	});

	test('outside the 24-hour window: the 131047 error says to send an approved template and names the operation', async () => {
		const result = await send({ messageType: 'text', textBody: 'Hello again', recipient: '+62 899-0000-0001' });
		expect(result.error?.message).toBe('More than 24 hours have passed since the recipient last wrote to this number (error 131047)');
		expect(result.error?.description).toMatch(/^Free-form messages .* Send an approved template instead: Message → Send with Message Type "Template"/);
		expect(result.error?.description).toMatch(/fbtrace_id \S+/);
		expect(result.error?.description).toContain('Meta said: "Message failed to send because more than 24 hours have passed');
		expect(kit.requests()).toHaveLength(1);
	});
});
