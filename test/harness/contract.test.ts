/**
 * The contract check must be able to fail: requests GOWA rejects (by its spec or by the real server's rules),
 * sent raw to the simulator, are reported.
 */
import { basicAuth, bodyOf, contractProblems, describeContract, useSimulator } from './index';

describeContract('contractProblems', () => {
	const gowa = useSimulator({ auth: { username: 'u', password: 'p' }, basePath: '/gowa' });

	async function post(path: string, body: string | FormData, contentType?: string) {
		const headers: Record<string, string> = { authorization: basicAuth('u', 'p'), 'x-device-id': 'salon-main' };
		if (contentType) headers['content-type'] = contentType;
		await fetch(`${gowa.url}${path}`, { method: 'POST', body, headers });
		const requests = gowa.requests();
		return requests[requests.length - 1];
	}

	test('a valid request has no problems', async () => {
		const request = await post('/send/message', JSON.stringify({ phone: '6281122223333@s.whatsapp.net', message: 'hi' }), 'application/json');
		expect(contractProblems(request)).toEqual([]);
	});

	test('location with JSON numbers: the real server cannot bind them', async () => {
		const request = await post('/send/location', JSON.stringify({ phone: '6281122223333', latitude: -8.67, longitude: 115.2 }), 'application/json');
		expect(contractProblems(request).join('\n')).toMatch(/latitude|unmarshal/);
	});

	test('link without caption: the real server requires it (the spec does not)', async () => {
		const request = await post('/send/link', JSON.stringify({ phone: '6281122223333', link: 'https://a.example' }), 'application/json');
		expect(contractProblems(request)).toEqual([expect.stringMatching(/^real server: 400 VALIDATION_ERROR caption: cannot be blank/)]);
	});

	test('poll with duplicate options and too many max answers', async () => {
		const request = await post('/send/poll', JSON.stringify({ phone: '6281122223333', question: 'Q', options: ['a', 'a'], max_answer: 3 }), 'application/json');
		expect(contractProblems(request).join('\n')).toMatch(/max_answer|unique/);
	});

	test('an image part sent as application/octet-stream', async () => {
		const form = new FormData();
		form.append('phone', '6281122223333');
		form.append('image', new Blob([Buffer.from([0xff, 0xd8, 0xff])], { type: 'application/octet-stream' }), 'a.jpg');
		const request = await post('/send/image', form);
		expect(bodyOf(request).files.image.contentType).toBe('application/octet-stream');
		expect(contractProblems(request).join('\n')).toMatch(/not allowed/);
	});

	test('a field of the wrong type for the spec (view_once not a boolean)', async () => {
		const form = new FormData();
		form.append('phone', '6281122223333');
		form.append('image_url', 'https://a.example/x.jpg');
		form.append('view_once', 'maybe');
		const request = await post('/send/image', form);
		expect(contractProblems(request).join('\n')).toMatch(/spec: .*view_once/);
	});

	test('an unknown route', async () => {
		const request = await post('/send/fax', JSON.stringify({ phone: '1' }), 'application/json');
		expect(contractProblems(request)).toEqual([expect.stringMatching(/no operation in the spec/)]);
	});
});
