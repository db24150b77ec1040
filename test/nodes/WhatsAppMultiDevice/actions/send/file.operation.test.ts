import { bodyOf, describeContract } from '../../../../harness';
import { PDF, withFile } from './fixtures';
import { JID, PHONE, expectContinueOnFail, expectRejected, expectSendRequest, expectSent, setupSendKit } from './sendKit';

const binary = { recipient: '={{ $json.phone }}', source: 'binary', binaryPropertyName: 'data' };

describeContract('Send → File (POST /send/file)', () => {
	const kit = setupSendKit();

	test('binary upload, minimal', async () => {
		expectSent(await kit.send('file', { ...binary, caption: '', options: {} }, [withFile(PDF, 'application/pdf', 'invoice-8841.pdf', { phone: PHONE })]));
		const request = kit.only();
		expectSendRequest(request, '/send/file');
		const { fields, files } = bodyOf(request);
		expect(fields).toEqual({ phone: JID });
		expect(files.file).toMatchObject({ contentType: 'application/pdf', fileName: 'invoice-8841.pdf' });
		expect(files.file.bytes.equals(PDF)).toBe(true);
	});

	test('any document type is accepted; every option', async () => {
		const csv = Buffer.from('booking,time\n8841,10:00\n');
		const result = await kit.send('file', { ...binary, caption: 'Bookings for Monday', options: { duration: 86400, isForwarded: true, replyMessageId: '3EB0CCC' } }, [
			withFile(csv, 'text/csv', 'monday.csv', { phone: PHONE }),
		]);
		expectSent(result);
		const request = kit.only();
		expectSendRequest(request, '/send/file');
		const { fields, files } = bodyOf(request);
		expect(fields).toEqual({ phone: JID, caption: 'Bookings for Monday', duration: '86400', is_forwarded: 'true', reply_message_id: '3EB0CCC' });
		expect(files.file).toMatchObject({ contentType: 'text/csv', fileName: 'monday.csv' });
		expect(files.file.bytes.equals(csv)).toBe(true);
	});

	test('by URL', async () => {
		expectSent(await kit.send('file', { recipient: PHONE, source: 'url', url: 'https://files.example.com/invoice.pdf', caption: 'Invoice', options: {} }));
		const request = kit.only();
		expectSendRequest(request, '/send/file');
		expect(bodyOf(request)).toEqual({ json: undefined, fields: { phone: JID, caption: 'Invoice', file_url: 'https://files.example.com/invoice.pdf' }, files: {} });
	});

	describe('bad input fails before any request', () => {
		test('missing binary', async () => {
			expectRejected(kit, await kit.send('file', { ...binary, options: {} }, [{ json: { phone: PHONE } }]), /binary/i);
		});

		test('empty file', async () => {
			expectRejected(kit, await kit.send('file', { ...binary, options: {} }, [withFile(Buffer.alloc(0), 'application/pdf', 'x.pdf', { phone: PHONE })]), 'The file in binary field "data" is empty');
		});

		test('too large (over 50 MB)', async () => {
			const result = await kit.send('file', { ...binary, options: {} }, [withFile(Buffer.alloc(50_000_001, 1), 'application/zip', 'all.zip', { phone: PHONE })]);
			expectRejected(kit, result, 'The file in binary field "data" is 50.1 MB; GOWA accepts up to 50.0 MB');
		});

		test('invalid phone', async () => {
			expectRejected(kit, await kit.send('file', { ...binary, options: {} }, [withFile(PDF, 'application/pdf', 'x.pdf', { phone: '++62' })]), /^Recipient: /);
		});
	});

	test('continue on fail', async () => {
		await expectContinueOnFail(
			kit,
			'file',
			{ ...binary, options: {} },
			[{ json: { phone: PHONE } }, withFile(PDF, 'application/pdf', 'x.pdf', { phone: PHONE }), withFile(Buffer.alloc(0), 'application/pdf', 'x.pdf', { phone: PHONE })],
			/binary|empty/i,
		);
		expectSendRequest(kit.only(), '/send/file');
	});
});
