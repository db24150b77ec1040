import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../common.descriptions';

/**
 * The "Schedule …" options every schedulable send offers (GOWA v9.5+ scheduled sends: the server sends later, so
 * reminders survive n8n downtime). Checked by helpers/schedule.ts; the server's support by helpers/capabilities.ts.
 */
export const scheduleOptions: INodeProperties[] = [
	{
		displayName: 'Schedule At',
		name: 'scheduleAt',
		type: 'dateTime',
		default: '',
		description:
			'Let the GOWA server send this message later instead of now (GOWA v9.5+). The output is then status "scheduled" with a Schedule ID to pause, resume or cancel it (resource Scheduled Send). A time without offset is read in Schedule Time Zone.',
	},
	{
		displayName: 'Schedule Day of Month',
		name: 'scheduleDayOfMonth',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1, maxValue: 31 },
		description: 'Monthly schedules: the day to send on (31 = the last day of shorter months). The first send is always at Schedule At.',
	},
	{
		displayName: 'Schedule End At',
		name: 'scheduleEndAt',
		type: 'dateTime',
		default: '',
		description: 'Repeating schedules: no sends after this time. Must be after Schedule At.',
	},
	{
		displayName: 'Schedule Max Sends',
		name: 'scheduleLimit',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1 },
		description: 'Repeating schedules: stop after this many sends',
	},
	{
		displayName: 'Schedule Repeat',
		name: 'scheduleRepeat',
		type: 'options',
		default: 'once',
		options: [
			{ name: 'Once', value: 'once', description: 'Send once, at Schedule At' },
			{ name: 'Daily', value: 'daily', description: 'Every day at the time of Schedule At' },
			{ name: 'Weekly', value: 'weekly', description: 'On the Schedule Weekdays, at the time of Schedule At' },
			{ name: 'Monthly', value: 'monthly', description: 'On Schedule Day of Month, at the time of Schedule At' },
		],
		description: 'Whether and how often the scheduled message repeats',
	},
	{
		displayName: 'Schedule Time Zone',
		name: 'scheduleTimeZone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Asia/Jakarta',
		description: 'IANA time zone of the schedule (its repeats follow local time there). Empty: the workflow’s time zone.',
	},
	{
		displayName: 'Schedule Weekdays',
		name: 'scheduleWeekdays',
		type: 'multiOptions',
		default: [],
		options: [
			{ name: 'Sunday', value: 0 },
			{ name: 'Monday', value: 1 },
			{ name: 'Tuesday', value: 2 },
			{ name: 'Wednesday', value: 3 },
			{ name: 'Thursday', value: 4 },
			{ name: 'Friday', value: 5 },
			{ name: 'Saturday', value: 6 },
		],
		description: 'Weekly schedules: the days to send on. The first send is always at Schedule At.',
	},
];

/** The Options collection of a schedulable send: its own options plus the Schedule options, sorted by name. */
export function sendOptionsCollection(options: INodeProperties[]): INodeProperties {
	return optionsCollection([...options, ...scheduleOptions].sort((a, b) => a.displayName.localeCompare(b.displayName)));
}
