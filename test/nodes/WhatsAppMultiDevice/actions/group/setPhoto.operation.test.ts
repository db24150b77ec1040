import { describeContract } from '../../../../harness';
import { bodyOf } from '../../../../harness/contract';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { GIF, JPEG, PNG, withFile } from '../send/fixtures';
import { seededGroup } from './groupFixtures';

describeContract('Group → Set Photo (POST /group/photo)', () => {
	const kit = setupConversationKit();

	test('uploads the binary as multipart part "photo" with its real MIME type, plus group_id', async () => {
		const group = seededGroup(kit);
		const result = await kit.run('group', 'setPhoto', { groupId: group.jid, removePhoto: false, binaryPropertyName: 'logo' }, [withFile(JPEG, 'image/jpeg', 'logo.jpg', {}, 'logo')]);
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'POST', '/group/photo', 'setGroupPhoto');
		const body = bodyOf(request);
		expect(body.fields).toEqual({ group_id: group.jid });
		expect(Object.keys(body.files)).toEqual(['photo']);
		expect(body.files.photo.contentType).toBe('image/jpeg');
		expect(body.files.photo.fileName).toBe('logo.jpg');
		expect(body.files.photo.bytes.equals(JPEG)).toBe(true);
		expect(result.items[0].json).toEqual({ success: true, groupId: group.jid, removed: false, pictureId: group.pictureId, serverStatus: 'Success update group photo' });
		expect(group.pictureId).not.toBe('');
	});

	test('application/octet-stream from n8n is resolved from the file name (PNG)', async () => {
		const group = seededGroup(kit);
		expectOk(await kit.run('group', 'setPhoto', { groupId: group.jid, binaryPropertyName: 'data' }, [withFile(PNG, 'application/octet-stream', 'logo.png')]));
		expect(bodyOf(kit.only()).files.photo.contentType).toBe('image/png');
		expectRequest(kit.only(), 'POST', '/group/photo', 'setGroupPhoto');
	});

	test('Remove Photo: multipart with only group_id (no file part), GOWA removes the photo', async () => {
		const group = seededGroup(kit);
		group.pictureId = '1700000000';
		const result = await kit.run('group', 'setPhoto', { groupId: group.jid, removePhoto: true });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'POST', '/group/photo', 'setGroupPhoto');
		expect(String(request.headers['content-type'])).toMatch(/^multipart\/form-data/);
		expect(bodyOf(request)).toMatchObject({ fields: { group_id: group.jid }, files: {} });
		expect(result.items[0].json).toEqual({ success: true, groupId: group.jid, removed: true, pictureId: '', serverStatus: 'Success remove group photo' });
		expect(group.pictureId).toBe('');
	});

	describe('bad input fails before any request', () => {
		test('a GIF is not accepted as group photo', async () => {
			const result = await kit.run('group', 'setPhoto', { groupId: seededGroup(kit).jid, binaryPropertyName: 'data' }, [withFile(GIF, 'image/gif', 'x.gif')]);
			expectRejected(kit, result, 'The group photo in binary field "data" is image/gif, which GOWA does not accept');
		});
		test('a photo larger than 10 MiB', async () => {
			const big = Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024)]);
			const result = await kit.run('group', 'setPhoto', { groupId: seededGroup(kit).jid, binaryPropertyName: 'data' }, [withFile(big, 'image/jpeg', 'big.jpg')]);
			expectRejected(kit, result, 'The group photo in binary field "data" is 10.5 MB; GOWA accepts up to 10.0 MB');
		});
		test('missing binary field', async () => {
			const result = await kit.run('group', 'setPhoto', { groupId: seededGroup(kit).jid, binaryPropertyName: 'data' });
			expect(result.error?.message).toMatch(/data/);
			expect(kit.gowa.requests()).toHaveLength(0);
		});
	});
});
