/**
 * One runnable case per Send operation (parameters + input items) — a request that GOWA accepts. Run each with
 * `runNode({ parameters: c.parameters, items: c.items, credentials })` from test/harness.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { TestItem } from '../harness';
import { JPEG, MP4, OGG, PDF, WEBP, withFile } from '../nodes/WhatsAppMultiDevice/actions/send/fixtures';

export interface OperationCase {
	resource: string;
	operation: string;
	parameters: INodeParameters;
	items?: TestItem[];
}

const recipient = { recipient: '={{ $json.phone }}' };
const booking = { phone: '+62 812-3456-7890', name: 'Ayu' };

export const cases: OperationCase[] = [
	{
		resource: 'send',
		operation: 'text',
		parameters: { resource: 'send', operation: 'text', ...recipient, message: '=Hi {{ $json.name }}, see you tomorrow at 10:00', options: {} },
		items: [{ json: booking }],
	},
	{
		resource: 'send',
		operation: 'image',
		parameters: { resource: 'send', operation: 'image', ...recipient, source: 'binary', binaryPropertyName: 'data', caption: 'Your booking', options: {} },
		items: [withFile(JPEG, 'image/jpeg', 'booking.jpg', booking)],
	},
	{
		resource: 'send',
		operation: 'audio',
		parameters: { resource: 'send', operation: 'audio', ...recipient, source: 'binary', binaryPropertyName: 'data', ptt: true, options: {} },
		items: [withFile(OGG, 'audio/ogg', 'reminder.ogg', booking)],
	},
	{
		resource: 'send',
		operation: 'file',
		parameters: { resource: 'send', operation: 'file', ...recipient, source: 'binary', binaryPropertyName: 'data', caption: 'Invoice 8841', options: {} },
		items: [withFile(PDF, 'application/pdf', 'invoice-8841.pdf', booking)],
	},
	{
		resource: 'send',
		operation: 'video',
		parameters: { resource: 'send', operation: 'video', ...recipient, source: 'binary', binaryPropertyName: 'data', caption: 'How to find us', options: {} },
		items: [withFile(MP4, 'video/mp4', 'directions.mp4', booking)],
	},
	{
		resource: 'send',
		operation: 'sticker',
		parameters: { resource: 'send', operation: 'sticker', ...recipient, source: 'binary', binaryPropertyName: 'data', options: {} },
		items: [withFile(WEBP, 'image/webp', 'thanks.webp', booking)],
	},
	{
		resource: 'send',
		operation: 'contact',
		parameters: { resource: 'send', operation: 'contact', ...recipient, contactName: 'Salon Ayu – Front Desk', contactPhone: '+62 361 234 567', options: {} },
		items: [{ json: booking }],
	},
	{
		resource: 'send',
		operation: 'link',
		parameters: { resource: 'send', operation: 'link', ...recipient, link: 'https://booking.example.com/b/8841', caption: 'Manage your booking', options: {} },
		items: [{ json: booking }],
	},
	{
		resource: 'send',
		operation: 'location',
		parameters: { resource: 'send', operation: 'location', ...recipient, latitude: -8.6705, longitude: 115.2126, options: {} },
		items: [{ json: booking }],
	},
	{
		resource: 'send',
		operation: 'poll',
		parameters: { resource: 'send', operation: 'poll', ...recipient, question: 'Which time suits you best?', pollOptions: ['Monday 10:00', 'Tuesday 14:00'], maxAnswer: 1, options: {} },
		items: [{ json: booking }],
	},
	{
		resource: 'send',
		operation: 'presence',
		parameters: { resource: 'send', operation: 'presence', presence: 'available', options: {} },
		items: [{ json: {} }],
	},
	{
		resource: 'send',
		operation: 'chatPresence',
		parameters: { resource: 'send', operation: 'chatPresence', ...recipient, action: 'start' },
		items: [{ json: booking }],
	},
	{
		resource: 'send',
		operation: 'sendAndWait',
		parameters: { resource: 'send', operation: 'sendAndWait', ...recipient, message: '=Hi {{ $json.name }}, confirm your booking?', responseType: 'approval', options: {} },
		items: [{ json: booking }],
	},
];
