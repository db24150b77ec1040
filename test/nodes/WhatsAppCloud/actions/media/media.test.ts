/** Media → Upload / Get URL / Download (as n8n binary) / Delete against the Meta simulator. */
import { describeCloudContract, expectRejectedBeforeSending, expectValidGraphRequest, useCloudSimulator } from '../../cloudKit';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF');

describeCloudContract('Media', () => {
	const kit = useCloudSimulator();
	const upload = async () => {
		const result = await kit.run({ resource: 'media', operation: 'upload', binaryPropertyName: 'data', mediaKind: 'document' }, [{ json: {}, binary: { data: { data: PDF, mimeType: 'application/pdf', fileName: 'invoice.pdf' } } }]);
		expect(result.error).toBeUndefined();
		return result.items[0].json.mediaId as string;
	};

	test('Upload: multipart with the real MIME type; output has the media ID', async () => {
		const id = await upload();
		const request = kit.only();
		expect(`${request.method} ${request.graphPath}`).toBe(`POST /${kit.sim.phoneNumberId}/media`);
		expect(request.operationId).toBe('uploadImage');
		expect(request.form?.files.file).toMatchObject({ fileName: 'invoice.pdf', contentType: 'application/pdf' });
		expect(request.form?.fields.type).toEqual(['application/pdf']);
		expect(id).toMatch(/^\d+$/);
	});

	test('Get URL: the URL, MIME type and size of the file', async () => {
		const id = await upload();
		kit.sim.clearRequests();
		const result = await kit.run({ resource: 'media', operation: 'getUrl', mediaId: id });
		expectValidGraphRequest(kit.only(), 'GET', `/${id}`, 'retrieveMediaUrl');
		expect(result.items[0].json).toMatchObject({ id, mime_type: 'application/pdf', file_size: String(PDF.length), url: expect.stringContaining('/whatsapp_business/attachments/') });
	});

	test('Download: looked up, fetched with the token from the same host, returned as binary with MIME type and file name; the URL is not in the output', async () => {
		const id = await upload();
		kit.sim.clearRequests();
		const result = await kit.run({ resource: 'media', operation: 'download', mediaId: id, phoneNumberId: kit.sim.phoneNumberId, binaryPropertyName: 'file' });
		expect(result.error).toBeUndefined();
		const [lookup, download] = kit.requests();
		expect(lookup.query).toEqual({ phone_number_id: kit.sim.phoneNumberId });
		expect(download.operationId).toBe('downloadMedia');
		expect(download.headers.authorization).toBe(`Bearer ${kit.sim.token}`);
		const binary = result.items[0].binary?.file;
		expect(binary?.mimeType).toBe('application/pdf');
		expect(binary?.fileName).toBe(`${id}.pdf`);
		expect(binary?.data.equals(PDF)).toBe(true);
		expect(result.items[0].json).not.toHaveProperty('url');
		expect(result.items[0].json).toMatchObject({ id, size: PDF.length });
	});

	test('Delete, then Get URL fails with Meta’s error 100', async () => {
		const id = await upload();
		kit.sim.clearRequests();
		const deleted = await kit.run({ resource: 'media', operation: 'delete', mediaId: id });
		expectValidGraphRequest(kit.only(), 'DELETE', `/${id}`, 'deleteMedia');
		expect(deleted.items[0].json).toEqual({ success: true, mediaId: id });
		const again = await kit.run({ resource: 'media', operation: 'getUrl', mediaId: id });
		expect(again.error?.message).toBe('Meta rejected a parameter of the request (error 100)');
	});

	test('Upload of an unsupported type is rejected before sending', async () => {
		const result = await kit.run({ resource: 'media', operation: 'upload', binaryPropertyName: 'data', mediaKind: 'image' }, [{ json: {}, binary: { data: { data: Buffer.from('GIF89a'), mimeType: 'image/gif', fileName: 'a.gif' } } }]);
		expectRejectedBeforeSending(kit, result, 'The file in binary field "data" is image/gif, which WhatsApp does not accept as image');
	});
});
