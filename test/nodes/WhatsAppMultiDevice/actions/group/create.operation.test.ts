import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';

describeContract('Group → Create (POST /group)', () => {
	const kit = setupConversationKit();

	test('participants in any notation are sent as bare international numbers, duplicates dropped', async () => {
		const result = await kit.run('group', 'create', {
			title: ' Salon Team ',
			participants: '0811-1111-2222, +62 811 3333 4444; 6281155556666@s.whatsapp.net\n+62 811-1111-2222',
		});
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'POST', '/group', 'createGroup');
		expect(request.json).toEqual({ title: 'Salon Team', participants: ['6281111112222', '6281133334444', '6281155556666'] });
		const groupId = result.items[0].json.groupId as string;
		expect(groupId).toMatch(/^120363\d+@g\.us$/);
		expect(result.items[0].json).toEqual({ created: true, groupId, title: 'Salon Team', participants: ['6281111112222', '6281133334444', '6281155556666'] });
		const created = kit.store().groups.get(groupId);
		expect(created?.participants.map((participant) => participant.phone)).toEqual([
			'6281200000001@s.whatsapp.net',
			'6281111112222@s.whatsapp.net',
			'6281133334444@s.whatsapp.net',
			'6281155556666@s.whatsapp.net',
		]);
	});

	test('participants from an expression returning a list; device override', async () => {
		const result = await kit.run('group', 'create', { title: 'Weekend', participants: '={{ $json.staff }}', deviceId: 'branch-2' }, [
			{ json: { staff: ['+62 811-1111-2222', '6281133334444'] } },
		]);
		expectOk(result);
		expectRequest(kit.only(), 'POST', '/group', 'createGroup', 'branch-2');
		expect((kit.only().json as { participants: string[] }).participants).toEqual(['6281111112222', '6281133334444']);
	});

	describe('bad input fails before any request', () => {
		test('a LID is not accepted as a participant', async () => {
			const result = await kit.run('group', 'create', { title: 'x', participants: '6281111112222, 123456789012345@lid' });
			expectRejected(kit, result, 'Participants: "123456789012345@lid" is not a phone number');
		});
		test('no participants', async () => {
			expectRejected(kit, await kit.run('group', 'create', { title: 'x', participants: '={{ $json.p }}' }, [{ json: { p: ' , ' } }]), 'Participants is empty');
		});
		test('empty group name', async () => {
			expectRejected(kit, await kit.run('group', 'create', { title: '={{ "" }}', participants: '6281111112222' }), 'Group Name is empty');
		});
	});
});
