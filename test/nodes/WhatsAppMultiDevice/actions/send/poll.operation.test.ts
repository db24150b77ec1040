import { describeContract } from '../../../../harness';
import { JID, PHONE, expectContinueOnFail, expectRejected, expectSendRequest, expectSent, setupSendKit } from './sendKit';

describeContract('Send → Poll (POST /send/poll)', () => {
	const kit = setupSendKit();
	const poll = { recipient: '={{ $json.phone }}', question: 'Which time suits you best?' };

	test('question, answers (trimmed, blanks from the input dropped), max answers', async () => {
		expectSent(await kit.send('poll', { ...poll, pollOptions: [' Monday 10:00 ', 'Tuesday 14:00', '={{ $json.extra ?? "" }}'], maxAnswer: 1, options: {} }));
		const request = kit.only();
		expectSendRequest(request, '/send/poll');
		expect(request.json).toEqual({ phone: JID, question: 'Which time suits you best?', options: ['Monday 10:00', 'Tuesday 14:00'], max_answer: 1 });
	});

	test('several answers allowed, disappearing; answers from an expression as a list', async () => {
		const result = await kit.send('poll', { ...poll, pollOptions: '={{ $json.slots }}', maxAnswer: 3, options: { duration: 604800 } }, [
			{ json: { phone: PHONE, slots: ['Mon', 'Tue', 'Wed'] } },
		]);
		expectSent(result);
		const request = kit.only();
		expectSendRequest(request, '/send/poll');
		expect(request.json).toEqual({ phone: JID, question: 'Which time suits you best?', options: ['Mon', 'Tue', 'Wed'], max_answer: 3, duration: 604800 });
	});

	describe('bad input fails before any request', () => {
		test('only one answer', async () => {
			expectRejected(kit, await kit.send('poll', { ...poll, pollOptions: ['Monday'], maxAnswer: 1, options: {} }), 'Answers needs at least two answers, got 1');
		});

		test('duplicate answers (ignoring case and spaces)', async () => {
			expectRejected(kit, await kit.send('poll', { ...poll, pollOptions: ['Monday', ' monday '], maxAnswer: 1, options: {} }), 'Answers contains the same answer twice');
		});

		test('max answers above the number of answers', async () => {
			expectRejected(kit, await kit.send('poll', { ...poll, pollOptions: ['A', 'B'], maxAnswer: 3, options: {} }), 'Max Answers per Person must be a whole number from 1 to 2, not 3');
		});

		test('max answers 0', async () => {
			expectRejected(kit, await kit.send('poll', { ...poll, pollOptions: ['A', 'B'], maxAnswer: 0, options: {} }), 'Max Answers per Person must be a whole number from 1 to 2, not 0');
		});

		test('empty question from the input', async () => {
			expectRejected(kit, await kit.send('poll', { ...poll, question: '={{ $json.q }}', pollOptions: ['A', 'B'], maxAnswer: 1, options: {} }), 'Question is empty');
		});

		test('answers given as one text from the input are split on commas and new lines', async () => {
			expectSent(await kit.send('poll', { ...poll, pollOptions: '={{ $json.slots }}', maxAnswer: 1, options: {} }, [{ json: { phone: PHONE, slots: 'Mon, Tue\nWed' } }]));
			expect(kit.only().json).toMatchObject({ options: ['Mon', 'Tue', 'Wed'] });
		});
	});

	test('continue on fail', async () => {
		await expectContinueOnFail(
			kit,
			'poll',
			{ recipient: PHONE, question: 'Q?', pollOptions: '={{ $json.answers }}', maxAnswer: 1, options: {} },
			[{ json: { answers: ['only'] } }, { json: { answers: ['a', 'b'] } }, { json: { answers: ['a', 'A'] } }],
			/^Answers /,
		);
		expect(kit.only().json).toMatchObject({ options: ['a', 'b'] });
	});
});
