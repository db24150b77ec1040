/** The Cloud node offers the GOWA node's Sending options it implements, worded for Meta. */
import { cloudSendingOptions } from '../../../../nodes/WhatsAppCloud/actions/sending.description';
import type { INodeProperties } from 'n8n-workflow';

test('the same options as the GOWA node, per phone number, naming Meta’s retryable and never-retried codes', () => {
	const options = cloudSendingOptions.options as INodeProperties[];
	expect(options.map((option) => option.name).sort()).toEqual(['baseDelayMs', 'checkAllItemsFirst', 'jitterMs', 'maxAttempts', 'messagesPerDay', 'messagesPerHour', 'messagesPerMinute', 'onDailyLimit', 'parallelRequests', 'retryUnknownDelivery', 'timeoutMs']);
	const byName = Object.fromEntries(options.map((option) => [option.name, option]));
	expect(byName.maxAttempts.description).toMatch(/4, 80007, 130429, 131056/);
	expect(byName.maxAttempts.description).toMatch(/Never retried: 131047/);
	expect(byName.messagesPerDay.description).toMatch(/per business phone number/);
	for (const option of options) expect(option.description).not.toMatch(/GOWA/);
});
