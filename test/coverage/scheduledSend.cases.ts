/**
 * One runnable case per Scheduled Send operation (GOWA v9.5), plus scheduled sends. Each case that names a schedule first puts one into the
 * device's schedules the way a scheduled send does (simulator/schedules.js), so the cases do not depend on each other.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { TestItem } from '../harness';
import { JPEG, withFile } from '../nodes/WhatsAppMultiDevice/actions/send/fixtures';

interface ScheduleBook {
	create(input: { messageType: string; phone: string; summary: string; scheduleFields: unknown; payload: unknown }): { id: string };
}

interface Schedules {
	parseSchedule(input: { json: Record<string, unknown> }): unknown;
	scheduleBookOf(store: unknown): ScheduleBook;
}

export interface CaseContext {
	store(deviceId?: string): unknown;
}

export interface OperationCase {
	resource: string;
	operation: string;
	parameters: INodeParameters;
	items?: TestItem[] | ((context: CaseContext) => TestItem[]);
}

// The simulator is plain CommonJS without types.
const schedules = require('../../simulator/schedules') as Schedules;

/** A fresh active schedule of the default device: `{ scheduleId }`. */
function activeSchedule(context: CaseContext, status = 'active'): TestItem[] {
	const fields = schedules.parseSchedule({ json: { scheduled_at: new Date(Date.now() + 86_400_000).toISOString(), timezone: 'Asia/Jakarta', recurrence: 'daily', occurrence_limit: 3 } });
	const schedule = schedules.scheduleBookOf(context.store()).create({
		messageType: 'text',
		phone: '6281122223333@s.whatsapp.net',
		summary: 'Reminder BK-1024',
		scheduleFields: fields,
		payload: { content: 'Reminder BK-1024' },
	}) as { id: string; status: string };
	schedule.status = status;
	return [{ json: { scheduleId: schedule.id } }];
}

const byId = { scheduleId: '={{ $json.scheduleId }}' };
const recipient = { recipient: '={{ $json.phone }}' };
const booking = { phone: '+62 812-3456-7890', name: 'Ayu' };

export const cases: OperationCase[] = [
	{
		resource: 'scheduledSend',
		operation: 'getAll',
		parameters: { resource: 'scheduledSend', operation: 'getAll', returnAll: true, filters: { status: 'active', messageType: 'text', search: 'BK-1024' } },
		items: (context) => activeSchedule(context).map(() => ({ json: {} })),
	},
	{ resource: 'scheduledSend', operation: 'get', parameters: { resource: 'scheduledSend', operation: 'get', ...byId }, items: (context) => activeSchedule(context) },
	{ resource: 'scheduledSend', operation: 'pause', parameters: { resource: 'scheduledSend', operation: 'pause', ...byId }, items: (context) => activeSchedule(context) },
	{ resource: 'scheduledSend', operation: 'resume', parameters: { resource: 'scheduledSend', operation: 'resume', ...byId }, items: (context) => activeSchedule(context, 'paused') },
	{ resource: 'scheduledSend', operation: 'cancel', parameters: { resource: 'scheduledSend', operation: 'cancel', ...byId }, items: (context) => activeSchedule(context) },
	// Sends scheduled on the server (JSON and multipart, weekly and monthly), and caption mentions (send.cases.ts has one
	// immediate case per Send operation).
	{
		resource: 'send',
		operation: 'text',
		parameters: {
			resource: 'send',
			operation: 'text',
			...recipient,
			message: 'Weekly reminder: your membership class',
			options: { scheduleAt: '={{ $now.plus({ days: 1 }).toISO() }}', scheduleTimeZone: 'Asia/Jakarta', scheduleRepeat: 'weekly', scheduleWeekdays: [1, 4], scheduleLimit: 8 },
		},
		items: [{ json: booking }],
	},
	{
		resource: 'send',
		operation: 'image',
		parameters: {
			resource: 'send',
			operation: 'image',
			...recipient,
			source: 'binary',
			binaryPropertyName: 'data',
			caption: 'Monthly promo for @6281234567890',
			options: { mentions: ['+62 812-3456-7890'], scheduleAt: '={{ $now.plus({ days: 2 }).toISO() }}', scheduleRepeat: 'monthly', scheduleDayOfMonth: 31, scheduleEndAt: '={{ $now.plus({ months: 6 }).toISO() }}' },
		},
		items: [withFile(JPEG, 'image/jpeg', 'promo.jpg', booking)],
	},
];
