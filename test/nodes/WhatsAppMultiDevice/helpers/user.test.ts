import { simplifyGroup, simplifyNewsletter } from '../../../../nodes/WhatsAppMultiDevice/helpers/user';

describe('simplifyGroup', () => {
	test('flattens whatsmeow GroupInfo into info-from-link style keys', () => {
		expect(
			simplifyGroup({
				JID: '120363025246125486@g.us',
				OwnerJID: '6281111111111@s.whatsapp.net',
				Name: 'Salon staff',
				Topic: 'Shifts',
				IsLocked: true,
				IsAnnounce: false,
				IsEphemeral: true,
				DisappearingTimer: 86400,
				IsParent: false,
				GroupCreated: '2025-01-02T03:04:05Z',
				Participants: [
					{ JID: '6281111111111@s.whatsapp.net', PhoneNumber: '6281111111111@s.whatsapp.net', IsAdmin: true, IsSuperAdmin: true },
					{ JID: '123456789@lid', PhoneNumber: '', IsAdmin: true, IsSuperAdmin: false },
					{ JID: '6282222222222@s.whatsapp.net', PhoneNumber: '6282222222222@s.whatsapp.net', IsAdmin: false, IsSuperAdmin: false },
				],
			}),
		).toEqual({
			group_id: '120363025246125486@g.us',
			name: 'Salon staff',
			topic: 'Shifts',
			created_at: '2025-01-02T03:04:05Z',
			owner_jid: '6281111111111@s.whatsapp.net',
			participant_count: 3,
			admins: ['6281111111111@s.whatsapp.net', '123456789@lid'],
			is_locked: true,
			is_announce: false,
			is_ephemeral: true,
			is_community: false,
		});
	});
	test('missing fields do not throw', () => {
		expect(simplifyGroup({})).toMatchObject({ group_id: null, name: '', participant_count: 0, admins: [], owner_jid: null });
	});
});

describe('simplifyNewsletter', () => {
	test('flattens whatsmeow NewsletterMetadata', () => {
		expect(
			simplifyNewsletter({
				id: '120363024512399999@newsletter',
				state: { type: 'active' },
				thread_metadata: {
					name: { text: 'Salon news', id: '1', update_time: '1' },
					description: { text: 'Offers', id: '2', update_time: '2' },
					invite: 'AbCdEf',
					subscribers_count: '1234',
					verification: 'unverified',
				},
				viewer_metadata: { mute: 'on', role: 'subscriber' },
			}),
		).toEqual({
			newsletter_id: '120363024512399999@newsletter',
			name: 'Salon news',
			description: 'Offers',
			invite: 'AbCdEf',
			subscribers_count: 1234,
			verification: 'unverified',
			role: 'subscriber',
			muted: true,
			state: 'active',
		});
	});
});
