'use strict';

const { call, useSimulator } = require('./support');

describe('stateful listings and paging', () => {
	const ctx = useSimulator({ seed: { chats: 230, messagesPerChat: 60 } });

	it('pages /chats with limit/offset and reports pagination.total (230 seeded chats)', async () => {
		const first = await call(ctx.sim, 'GET', '/chats?limit=100&offset=0');
		expect(first.json.results.pagination).toEqual({ limit: 100, offset: 0, total: 230 });
		expect(first.json.results.data).toHaveLength(100);
		const last = await call(ctx.sim, 'GET', '/chats?limit=100&offset=200');
		expect(last.json.results.data).toHaveLength(30);
		const seen = new Set();
		for (let offset = 0; offset < 230; offset += 100) {
			const page = await call(ctx.sim, 'GET', `/chats?limit=100&offset=${offset}`);
			for (const chat of page.json.results.data) seen.add(chat.jid);
		}
		expect(seen.size).toBe(230);
		const times = first.json.results.data.map((chat) => chat.last_message_time);
		expect([...times].sort().reverse()).toEqual(times);
		expect(first.json.results.data[0]).toEqual({
			jid: expect.stringMatching(/@(s\.whatsapp\.net|g\.us)$/),
			name: expect.any(String),
			last_message_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
			ephemeral_expiration: expect.any(Number),
			created_at: expect.any(String),
			updated_at: expect.any(String),
			archived: expect.any(Boolean),
		});
	});

	it('defaults limit to 25, rejects limit > 100 and negative offsets', async () => {
		expect((await call(ctx.sim, 'GET', '/chats')).json.results.pagination).toEqual({ limit: 25, offset: 0, total: 230 });
		expect((await call(ctx.sim, 'GET', '/chats?limit=abc')).json.results.pagination.limit).toBe(25);
		const tooMany = await call(ctx.sim, 'GET', '/chats?limit=101');
		expect(tooMany.status).toBe(400);
		expect(tooMany.json).toEqual({ code: 'VALIDATION_ERROR', message: 'limit: must be no greater than 100.' });
		expect((await call(ctx.sim, 'GET', '/chats?offset=-1')).json.message).toBe('offset: must be no less than 0.');
	});

	it('filters chats by archived, has_media and search (total follows the filter)', async () => {
		const archived = await call(ctx.sim, 'GET', '/chats?archived=true&limit=100');
		expect(archived.json.results.data.every((chat) => chat.archived)).toBe(true);
		const active = await call(ctx.sim, 'GET', '/chats?archived=false&limit=1');
		expect(archived.json.results.pagination.total + active.json.results.pagination.total).toBe(230);
		const media = await call(ctx.sim, 'GET', '/chats?has_media=true&limit=100');
		expect(media.json.results.pagination.total).toBeGreaterThan(0);
		expect(media.json.results.pagination.total).toBeLessThan(230);
		const name = archived.json.results.data[0].name;
		const search = await call(ctx.sim, 'GET', `/chats?search=${encodeURIComponent(name.toUpperCase())}`);
		expect(search.json.results.data.map((chat) => chat.name)).toContain(name);
	});

	it('pages chat messages newest first, with filters, total = all messages of the chat', async () => {
		const chats = await call(ctx.sim, 'GET', '/chats?has_media=true&limit=1');
		const jid = chats.json.results.data[0].jid;
		const path = `/chat/${encodeURIComponent(jid)}/messages`;
		const page1 = await call(ctx.sim, 'GET', `${path}?limit=20`);
		const page2 = await call(ctx.sim, 'GET', `${path}?limit=20&offset=20`);
		expect(page1.json.results.pagination).toEqual({ limit: 20, offset: 0, total: 60 });
		expect(page1.json.results.chat_info.jid).toBe(jid);
		const ids = [...page1.json.results.data, ...page2.json.results.data].map((message) => message.id);
		expect(new Set(ids).size).toBe(40);
		const stamps = page1.json.results.data.map((message) => message.timestamp);
		expect([...stamps].sort().reverse()).toEqual(stamps);
		expect((await call(ctx.sim, 'GET', path)).json.results.pagination.limit).toBe(50);

		const mediaOnly = await call(ctx.sim, 'GET', `${path}?media_only=true&limit=100`);
		expect(mediaOnly.json.results.data.length).toBeGreaterThan(0);
		expect(mediaOnly.json.results.data.every((message) => message.media_type !== '')).toBe(true);
		expect(mediaOnly.json.results.pagination.total).toBe(60);
		const fromMe = await call(ctx.sim, 'GET', `${path}?is_from_me=true&limit=100`);
		expect(fromMe.json.results.data.every((message) => message.is_from_me)).toBe(true);
		const start = page1.json.results.data[4].timestamp;
		const since = await call(ctx.sim, 'GET', `${path}?start_time=${encodeURIComponent(start)}&limit=100`);
		expect(since.json.results.data).toHaveLength(5);
		const badTime = await call(ctx.sim, 'GET', `${path}?start_time=yesterday`);
		expect(badTime.status).toBe(500);
		expect(badTime.json.message).toMatch(/^invalid start_time format: parsing time "yesterday"/);
	});

	it('returns an empty page (200) for an unknown chat and 400 for a bad escape', async () => {
		const unknown = await call(ctx.sim, 'GET', '/chat/6280000000000%40s.whatsapp.net/messages');
		expect(unknown.status).toBe(200);
		expect(unknown.json.results).toEqual({
			data: [],
			pagination: { limit: 50, offset: 0, total: 0 },
			chat_info: { jid: '6280000000000@s.whatsapp.net', name: '6280000000000', last_message_time: '0001-01-01T00:00:00Z', ephemeral_expiration: 0, created_at: '0001-01-01T00:00:00Z', updated_at: '0001-01-01T00:00:00Z', archived: false },
		});
		const bad = await call(ctx.sim, 'GET', '/chat/62%zz/messages');
		expect(bad.status).toBe(400);
		expect(bad.json.code).toBe('BAD_REQUEST');
	});

	it('pages newsletter messages with count/before', async () => {
		const list = await call(ctx.sim, 'GET', '/user/my/newsletters');
		const id = list.json.results.data[0].id;
		const first = await call(ctx.sim, 'GET', `/newsletter/messages?newsletter_id=${id}&count=10`);
		const ids = first.json.results.data.map((message) => message.server_id);
		expect(ids).toHaveLength(10);
		expect([...ids].sort((a, b) => b - a)).toEqual(ids);
		const older = await call(ctx.sim, 'GET', `/newsletter/messages?newsletter_id=${id}&count=10&before=${Math.min(...ids)}`);
		const olderIds = older.json.results.data.map((message) => message.server_id);
		expect(Math.max(...olderIds)).toBeLessThan(Math.min(...ids));
		expect((await call(ctx.sim, 'GET', `/newsletter/messages?newsletter_id=${id}`)).json.results.data).toHaveLength(50);
		const wrongId = await call(ctx.sim, 'GET', '/newsletter/messages?newsletter_id=120363@g.us');
		expect(wrongId.json).toEqual({ code: 'VALIDATION_ERROR', message: 'newsletter_id: must end with @newsletter.' });
	});

	it('keeps groups stateful: create, participants (bare numbers only), requests, settings', async () => {
		const sim = ctx.sim;
		const created = await call(sim, 'POST', '/group', { json: { title: 'Weekend shift', participants: ['6281111111111', '6282222222222'] } });
		const groupId = created.json.results.group_id;
		expect(groupId).toMatch(/^120363\d{12}@g\.us$/);
		expect(created.json.message).toBe(`Success created group with id ${groupId}`);
		const jidParticipant = await call(sim, 'POST', '/group', { json: { title: 'x', participants: ['6281111111111@s.whatsapp.net'] } });
		expect(jidParticipant.json).toEqual({ code: 'INVALID_JID', message: 'user is not registered' });
		const lidParticipant = await call(sim, 'POST', '/group/participants', { json: { group_id: groupId, participants: ['251556368777322@lid'] } });
		expect(lidParticipant.json.code).toBe('INVALID_JID');

		const added = await call(sim, 'POST', '/group/participants', { json: { group_id: groupId, participants: ['6283333333333'] } });
		expect(added.json.results).toEqual([{ participant: '6283333333333@s.whatsapp.net', status: 'success', message: 'Action success' }]);
		await call(sim, 'POST', '/group/participants/promote', { json: { group_id: groupId, participants: ['6283333333333'] } });
		const participants = await call(sim, 'GET', `/group/participants?group_id=${groupId}`);
		expect(participants.json.results.name).toBe('Weekend shift');
		expect(participants.json.results.participants.map((p) => [p.phone_number, p.is_admin])).toEqual([
			[sim.devices[0].phoneNumber, true],
			['6281111111111', false],
			['6282222222222', false],
			['6283333333333', true],
		]);
		await call(sim, 'POST', '/group/participants/remove', { json: { group_id: groupId, participants: ['6282222222222'] } });
		const info = await call(sim, 'GET', `/group/info?group_id=${groupId}`);
		expect(info.json.results).toMatchObject({ JID: groupId, Name: 'Weekend shift', ParticipantCount: 3 });
		expect(info.json.results.Participants[0]).toEqual(expect.objectContaining({ JID: expect.any(String), PhoneNumber: expect.any(String), IsSuperAdmin: true }));

		const csv = await call(sim, 'GET', `/group/participants/export?group_id=${groupId}`);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="group-${groupId.replace('@', '_')}-participants.csv"`);
		expect(csv.text.split('\n')[0]).toBe('participant_jid,phone_number,lid,display_name,role');
		expect(csv.text.trim().split('\n')).toHaveLength(4);

		expect((await call(sim, 'GET', '/group/participants')).json).toEqual({ code: 'INVALID_GROUP_ID', message: 'Group ID cannot be empty' });
		expect((await call(sim, 'POST', '/group/name', { json: { group_id: groupId, name: 'x'.repeat(26) } })).json.message).toBe('name: the length must be between 1 and 25.');
		expect((await call(sim, 'POST', '/group/leave', { json: {} })).json.message).toBe('group_id: cannot be blank.');
		const unknown = await call(sim, 'GET', '/group/info?group_id=120363000000000000@g.us');
		expect(unknown.status).toBe(500);
	});

	it('lists and approves join requests; an @lid-only request cannot be approved', async () => {
		const sim = ctx.sim;
		const groups = await call(sim, 'GET', '/user/my/groups');
		const groupId = groups.json.results.data[0].JID;
		const requests = await call(sim, 'GET', `/group/participant-requests?group_id=${groupId}`);
		expect(requests.json.results).toHaveLength(2);
		const [phoneRequest, lidRequest] = requests.json.results;
		expect(lidRequest.phone_number).toBe('');
		const approved = await call(sim, 'POST', '/group/participant-requests/approve', { json: { group_id: groupId, participants: [phoneRequest.phone_number] } });
		expect(approved.json.results).toEqual([{ participant: phoneRequest.jid, status: 'success', message: 'Action approve success' }]);
		const lid = await call(sim, 'POST', '/group/participant-requests/approve', { json: { group_id: groupId, participants: [lidRequest.jid] } });
		expect(lid.json.code).toBe('INVALID_JID');
		const remaining = await call(sim, 'GET', `/group/participant-requests?group_id=${groupId}`);
		expect(remaining.json.results).toHaveLength(1);
	});

	it('lists contacts', async () => {
		const contacts = await call(ctx.sim, 'GET', '/user/my/contacts');
		expect(contacts.json.results.data).toHaveLength(50);
		expect(contacts.json.results.data[0]).toEqual({ jid: expect.stringMatching(/@s\.whatsapp\.net$/), name: expect.any(String) });
	});
});
