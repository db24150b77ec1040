/**
 * Issue 11 #6: poll votes GOWA decrypts since v9.5 (upstream PR #816) become `pollVote` and a generic `reply` on the
 * item; a vote from an older GOWA (no content) and every other message keep today's fields.
 */
import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { asGowaEvent, flattenEvent } from '../../../nodes/WhatsAppMultiDeviceTrigger/normalize';
import { pollVoteOf, replyOf } from '../../../nodes/WhatsAppMultiDeviceTrigger/pollVote';

const sha = (name: string) => createHash('sha256').update(name).digest('hex');

function message(payload: IDataObject): IDataObject {
	return flattenEvent(asGowaEvent({ event: 'message', device_id: '628111@s.whatsapp.net', payload: { id: '3B9D73BE37F8C5BEFE35', chat_id: '6281234567890@s.whatsapp.net', from: '6281234567890@s.whatsapp.net', is_from_me: false, timestamp: '2026-12-07T08:00:00Z', ...payload } })!);
}

describe('a decrypted vote (GOWA v9.5+)', () => {
	const vote = { poll_message_id: '3EB0POLL0001', selected_options: ['Sabtu 10:00'], selected_hashes: [sha('Sabtu 10:00').toUpperCase()], resolution: 'resolved' };

	test('in a poll_vote object: pollVote with the poll, names and lowercase hashes; reply = the chosen option', () => {
		const json = message({ poll_vote: vote });
		expect(json.messageType).toBe('pollVote');
		expect(json.pollVote).toEqual({ pollMessageId: '3EB0POLL0001', selectedOptions: ['Sabtu 10:00'], selectedHashes: [sha('Sabtu 10:00')], resolution: 'resolved' });
		expect(json.reply).toEqual({ id: sha('Sabtu 10:00'), title: 'Sabtu 10:00' });
		// Today's fields are unchanged.
		expect(json).toMatchObject({ event: 'message', messageId: '3B9D73BE37F8C5BEFE35', chatId: '6281234567890@s.whatsapp.net', sender: '6281234567890', text: null });
	});

	test('options as objects {name, hash}, several chosen (multi-select): all in pollVote, the first in reply', () => {
		const json = message({ poll_vote: { poll_id: 'P2', selected_options: [{ name: 'Potong', hash: sha('Potong') }, { name: 'Creambath', hash: sha('Creambath') }] } });
		expect(json.pollVote).toMatchObject({ pollMessageId: 'P2', selectedOptions: ['Potong', 'Creambath'], selectedHashes: [sha('Potong'), sha('Creambath')] });
		expect(json.reply).toEqual({ id: sha('Potong'), title: 'Potong' });
	});

	test('fields at the payload’s top level are read too', () => {
		expect(pollVoteOf({ poll_message_id: 'P3', selected_options: ['Ya'], selected_hashes: [sha('Ya')] })).toMatchObject({ pollMessageId: 'P3', selectedOptions: ['Ya'] });
	});

	test('unresolved (GOWA lost the poll definition): hashes only, reply without a title', () => {
		const json = message({ poll_vote: { poll_message_id: 'P4', selected_options: [], selected_hashes: [sha('x')], resolution: 'definition_unavailable' } });
		expect(json.pollVote).toMatchObject({ selectedOptions: [], selectedHashes: [sha('x')], resolution: 'definition_unavailable' });
		expect(json.reply).toEqual({ id: sha('x'), title: null });
	});

	test('a vote withdrawn (nothing chosen) still names its poll; reply is null', () => {
		const json = message({ poll_vote: { poll_message_id: 'P5', selected_options: [], selected_hashes: [] } });
		expect(json.pollVote).toMatchObject({ pollMessageId: 'P5', selectedOptions: [] });
		expect(json.reply).toBeNull();
	});
});

describe('everything else keeps today’s fields', () => {
	test('a vote from GOWA before v9.5 (no content) stays messageType "unknown", without pollVote or reply', () => {
		const json = message({});
		expect(json.messageType).toBe('unknown');
		expect(json).not.toHaveProperty('pollVote');
		expect(json).not.toHaveProperty('reply');
	});

	test('text messages and other events carry no pollVote', () => {
		expect(message({ body: 'hi' })).not.toHaveProperty('pollVote');
		const reaction = flattenEvent(asGowaEvent({ event: 'message.reaction', device_id: 'd', payload: { id: 'R', reaction: '👍', poll_vote: { poll_message_id: 'P' } } })!);
		expect(reaction).not.toHaveProperty('pollVote');
	});

	test('hostile shapes are ignored, never thrown on', () => {
		expect(pollVoteOf({ poll_vote: 'nope' } as IDataObject)).toBeUndefined();
		expect(pollVoteOf({ poll_vote: { selected_options: Array.from({ length: 10_000 }, (_, index) => `o${index}`) } })).toBeUndefined();
		expect(pollVoteOf({ poll_vote: { poll_message_id: 'x'.repeat(10_000), selected_options: [1, null, {}] } } as unknown as IDataObject)).toBeUndefined();
		expect(replyOf({ pollMessageId: 'P', selectedOptions: [], selectedHashes: [], resolution: null })).toBeNull();
	});
});
