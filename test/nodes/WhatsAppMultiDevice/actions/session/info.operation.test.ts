import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from './accountKit';

describeContract('Session → Get Server Info (GET /app/info)', () => {
	const kit = setupAccountKit();

	test('server metadata, without X-Device-Id (not device-scoped)', async () => {
		const result = await kit.run('session', 'info', { deviceId: 'branch-2' });
		expectOk(result);
		expectRequest(kit.only(), 'GET', '/app/info', 'appInfo');
		expect(result.items[0].json).toMatchObject({ version: expect.stringMatching(/^v\d+\.\d+\.\d+$/), base_path: '/gowa' });
		expect(Object.keys(result.items[0].json).sort()).toEqual(['base_path', 'chatwoot_enabled', 'max_file_size', 'max_image_size', 'max_video_size', 'os', 'scheduled_sends', 'version']);
	});
});
