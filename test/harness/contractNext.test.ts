/**
 * The v9.5 contract check must be able to fail too: schedule fields a v9.5 server rejects (rules its spec states only
 * in descriptions), multipart weekdays of the wrong type, and a v9.5-only operation checked against v9.2.
 */
import { basicAuth, contractProblems, describeContractNext, useSimulator } from './index';

describeContractNext('contractProblems for GOWA v9.5', () => {
	// validate: false — the simulator answers anyway, so the contract check alone judges the request.
	const gowa = useSimulator({ auth: { username: 'u', password: 'p' }, basePath: '/gowa', validate: false });

	async function post(path: string, body: string | FormData, contentType?: string) {
		const headers: Record<string, string> = { authorization: basicAuth('u', 'p'), 'x-device-id': 'salon-main' };
		if (contentType) headers['content-type'] = contentType;
		await fetch(`${gowa.url}${path}`, { method: 'POST', body, headers });
		return gowa.requests()[gowa.requests().length - 1];
	}
	const later = new Date(Date.now() + 86_400_000).toISOString();

	test('a valid scheduled send has no problems against v9.5', async () => {
		const request = await post('/send/message', JSON.stringify({ phone: '6281122223333', message: 'hi', scheduled_at: later, timezone: 'Asia/Jakarta' }), 'application/json');
		expect(contractProblems(request, '9.5')).toEqual([]);
	});

	test('scheduled_at without timezone: the v9.5 server refuses it (the spec only says so in a description)', async () => {
		const request = await post('/send/message', JSON.stringify({ phone: '6281122223333', message: 'hi', scheduled_at: later }), 'application/json');
		expect(contractProblems(request, '9.5')).toEqual(['real server (v9.5): 400 VALIDATION_ERROR timezone: cannot be blank']);
	});

	test('multipart weekdays out of range are a spec error (allOf ScheduleOptions merged)', async () => {
		const form = new FormData();
		for (const [name, value] of [['phone', '6281122223333'], ['link', 'https://a.example'], ['caption', 'c'], ['scheduled_at', later], ['timezone', 'UTC'], ['recurrence', 'weekly'], ['weekdays', '9']]) form.append(name, value);
		const request = await post('/send/link', form);
		expect(contractProblems(request, '9.5').join('\n')).toMatch(/spec: body\/weekdays\/0 must be <= 6/);
	});

	test('a v9.5-only operation is no operation of the pinned v9.2 spec', async () => {
		const request = await post('/message/3EB0AAAA/played', JSON.stringify({ phone: '6281122223333' }), 'application/json');
		expect(contractProblems(request, '9.2')).toContain('spec: no operation in the spec for POST /message/3EB0AAAA/played');
		expect(contractProblems(request, '9.5').filter((problem) => problem.startsWith('spec:'))).toEqual([]);
	});
});
