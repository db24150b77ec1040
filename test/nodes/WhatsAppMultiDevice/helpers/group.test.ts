import { NodeOperationError } from 'n8n-workflow';

import { csvRowCount, getInviteLink, participantOutcomes } from '../../../../nodes/WhatsAppMultiDevice/helpers/group';
import { fakeContext } from './fakeContext';

describe('getInviteLink', () => {
	test.each([
		'https://chat.whatsapp.com/AbCdEfGhIjK1234567890',
		'http://chat.whatsapp.com/AbCdEfGhIjK1234567890',
		'chat.whatsapp.com/AbCdEfGhIjK1234567890',
		'https://chat.whatsapp.com/invite/AbCdEfGhIjK1234567890',
		'https://chat.whatsapp.com/AbCdEfGhIjK1234567890?mode=ac_t',
		'  AbCdEfGhIjK1234567890 ',
	])('%j → the canonical https link GOWA strips', (link) => {
		expect(getInviteLink(fakeContext({ link }), 0)).toBe('https://chat.whatsapp.com/AbCdEfGhIjK1234567890');
	});
	test.each(['', 'https://example.com/AbCdEfGhIjK', 'https://chat.whatsapp.com/', 'not a link'])('%j is rejected', (link) => {
		expect(() => getInviteLink(fakeContext({ link }), 0)).toThrow(NodeOperationError);
		expect(() => getInviteLink(fakeContext({ link }), 0)).toThrow(/is not a WhatsApp group invite link/);
	});
});

describe('participantOutcomes', () => {
	test('one item per participant, tagged with group and action', () => {
		const items = participantOutcomes(
			[
				{ participant: '628111@s.whatsapp.net', status: 'success', message: 'Participant added' },
				{ participant: '628222@s.whatsapp.net', status: 'error', message: 'not on WhatsApp' },
			],
			'120363@g.us',
			'add',
		);
		expect(items.map((item) => item.json)).toEqual([
			{ groupId: '120363@g.us', action: 'add', participant: '628111@s.whatsapp.net', status: 'success', message: 'Participant added' },
			{ groupId: '120363@g.us', action: 'add', participant: '628222@s.whatsapp.net', status: 'error', message: 'not on WhatsApp' },
		]);
	});
	test('a non-list answer gives no items', () => {
		expect(participantOutcomes({ success: true }, '120363@g.us', 'add')).toEqual([]);
	});
});

describe('csvRowCount', () => {
	test('counts data rows; quoted new lines stay in their row; CRLF and a missing final new line are fine', () => {
		expect(csvRowCount('a,b\n1,2\n3,4\n')).toBe(2);
		expect(csvRowCount('a,b\r\n1,"two\nlines"\r\n3,4')).toBe(2);
		expect(csvRowCount('a,b\n')).toBe(0);
		expect(csvRowCount('')).toBe(0);
	});
});
