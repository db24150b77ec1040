import { getMessageId, messagePath } from '../../../../nodes/WhatsAppMultiDevice/helpers/messageAction';
import { fakeContext } from './fakeContext';

describe('getMessageId', () => {
	test('trims the id', () => {
		expect(getMessageId(fakeContext({ messageId: ' 3EB089B9D6ADD58153C561 ' }), 0)).toBe('3EB089B9D6ADD58153C561');
	});
	test.each([
		['', /Message ID is empty/],
		['3EB0 89B9', /is not a WhatsApp message ID/],
		['../app/logout', /is not a WhatsApp message ID/],
		['3EB0?x=1', /is not a WhatsApp message ID/],
	])('%j is rejected', (messageId, message) => {
		expect(() => getMessageId(fakeContext({ messageId }), 0)).toThrow(message);
	});
});

describe('messagePath', () => {
	test('builds /message/{id}/{action} with the id encoded', () => {
		expect(messagePath('3EB0ABC', 'reaction')).toBe('/message/3EB0ABC/reaction');
		expect(messagePath('A+B', 'read')).toBe('/message/A%2BB/read');
	});
});
